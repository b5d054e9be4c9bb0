// The later screens (the assessment, the results screen) are assets/screens.js, not part of the
// launch page: the runtime fetches them once the page has loaded, waits for them when the learner
// gets there first, and shows the load-failure screen with its retry when they cannot be loaded.
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, TARGETS } from '../helpers/lms-harness.js';
import { SCREENS_SCRIPT_PATH } from '../../src/contract/package-layout.js';

const LANG = 'de';
const SCREENS = `**/${SCREENS_SCRIPT_PATH}`;

function heading(frame: Frame): Promise<string> {
  return frame.evaluate<string>("document.querySelector('main h1')?.textContent?.trim() ?? ''");
}

describeInBrowser('later screens loaded after the first one', () => {
  const setup = useBrowserWithCourses();

  for (const target of TARGETS) {
    const open = () => HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);

    it(`${target}: asks for ${SCREENS_SCRIPT_PATH} only once the launch page has loaded`, async () => {
      const harness = await open();
      try {
        const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
        await frame.waitForFunction("'scormdownScreens' in window");
        const timing = await frame.evaluate<{ loadEventStart: number; requests: number[] }>(`({
          loadEventStart: performance.getEntriesByType('navigation')[0].loadEventStart,
          requests: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/${SCREENS_SCRIPT_PATH}')).map((entry) => entry.startTime),
        })`);
        expect(timing.requests).toHaveLength(1);
        expect(timing.requests[0]!).toBeGreaterThanOrEqual(timing.loadEventStart);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: the results screen waits for its code, says so when it cannot be loaded, and shows after a retry`, async () => {
      const course = setup.served.course(LANG, target);
      const harness = await open();
      await harness.context.route(SCREENS, (route) => route.abort('failed'));
      try {
        const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
        await frame.locator('[data-results-link]').click();
        const retry = frame.locator('[data-action="retry-load"]');
        await retry.waitFor();
        expect(await heading(frame)).toBe(course.strings['results.title']);
        expect(await frame.locator('.results-card').count()).toBe(0);

        await harness.context.unroute(SCREENS);
        await retry.click();
        await frame.locator('.results-card').waitFor();
        expect(await heading(frame)).toBe(course.strings['results.title']);
        // The retry moved focus to the screen's heading.
        expect(await frame.evaluate<boolean>("document.activeElement?.matches('main h1') ?? false")).toBe(true);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: an assessment opened before its code has arrived shows a loading state, then the bound assessment`, async () => {
      const course = setup.served.course(LANG, target);
      const assessment = course.lessons.find((lesson) => lesson.assessment)!;
      const harness = await open();
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await harness.context.route(SCREENS, async (route) => {
        await held;
        await route.continue();
      });
      try {
        const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
        await frame.locator(`[data-lesson-link="${assessment.id}"]`).click();
        await frame.locator('main article[aria-busy="true"]').waitFor();
        expect(await frame.locator('[data-action="submit-assessment"]').count()).toBe(0);
        release();
        await frame.locator('[data-action="submit-assessment"]').waitFor();
        expect(await heading(frame)).toBe(assessment.title);
      } finally {
        release();
        await harness.dispose();
      }
    });
  }
});
