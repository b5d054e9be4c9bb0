// Links to a section of a lesson (test/fixtures/courses/section-links/), for both targets: in the
// shell, a link to a heading of another lesson shows that lesson in place with the focus on the
// heading, scrolled into view, and a link within the lesson (`#summary`) moves the focus to its
// heading; on a lesson page opened on its own, both links land on the heading (`:target`), the one
// within the lesson without leaving the page.
import { expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { serveFixtureCourse } from '../helpers/fixture-course-server.js';
import { HarnessPage, TARGETS } from '../helpers/lms-harness.js';

const LANG = 'en';
const TO_OTHER_LESSON = 'main a[href="lessons/details.html#h-the-fine-print"]';
const WITHIN_LESSON = 'main a[href="lessons/start.html#h-summary"]';

/** In the page: whether the element whose id is `wanted` has its top on screen. */
const IN_VIEW = `(() => {
  const rect = document.getElementById(wanted)?.getBoundingClientRect();
  return rect !== undefined && rect.top >= 0 && rect.top < innerHeight;
})()`;

/**
 * True once the element with `id` is on screen, or with `shown` false once it is off screen, in
 * the frame or page: the pages scroll smoothly unless the learner asks for less motion.
 */
async function scrolledIntoView(where: Frame | Page, id: string, shown = true): Promise<boolean> {
  await where.waitForFunction(`((wanted) => ${IN_VIEW} === ${String(shown)})(${JSON.stringify(id)})`, undefined, { timeout: 5000 });
  return shown;
}

function heading(where: Frame | Page): Promise<string> {
  return where.evaluate("document.querySelector('main h1')?.textContent?.trim() ?? ''") as Promise<string>;
}

describeInBrowser('links to a section of a lesson', () => {
  const setup = useBrowserWithCourses(() => serveFixtureCourse('section-links', 'section-links'));

  it.each(TARGETS)('%s: focuses the linked heading of another lesson, and one of the same lesson, in the shell', async (target) => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);
    try {
      const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
      const courseUrl = frame.url();
      // A page navigation would lose this mark.
      await frame.evaluate('window.stillTheSamePage = true');
      expect(await heading(frame)).toBe('Where to start');
      expect(await frame.locator(TO_OTHER_LESSON).getAttribute('data-lesson-link')).toBe('details');

      await frame.locator(TO_OTHER_LESSON).click();
      await frame.waitForFunction("document.activeElement?.id === 'h-the-fine-print'");
      expect(await heading(frame)).toBe('The details');
      expect(await frame.evaluate('document.activeElement.textContent')).toBe('The fine print');
      expect(await scrolledIntoView(frame, 'h-the-fine-print')).toBe(true);
      await HarnessPage.waitSettled(frame);

      // Back to the first lesson, whose own summary is far below the link to it.
      await frame.locator('main a[data-lesson-link="start"]').click();
      await frame.waitForFunction("document.querySelector('main h1')?.textContent?.trim() === 'Where to start'");
      expect(await scrolledIntoView(frame, 'h-summary', false)).toBe(false);
      expect(await frame.locator(WITHIN_LESSON).getAttribute('data-lesson-link')).toBe('start');
      await frame.locator(WITHIN_LESSON).click();
      await frame.waitForFunction("document.activeElement?.id === 'h-summary'");
      expect(await heading(frame)).toBe('Where to start');
      expect(await scrolledIntoView(frame, 'h-summary')).toBe(true);
      await HarnessPage.waitSettled(frame);

      expect(frame.url()).toBe(courseUrl);
      expect(await frame.evaluate('window.stillTheSamePage')).toBe(true);
    } finally {
      await harness.dispose();
    }
  });

  it('lands on the linked heading from a lesson page opened on its own', async () => {
    const context = await setup.browser.newContext();
    try {
      const page = await context.newPage();
      const lessonUrl = setup.served.packageUrl(LANG).replace(/index\.html$/, 'lessons/start.html');
      await page.goto(lessonUrl);
      await page.evaluate('window.stillTheSamePage = true');
      expect(await scrolledIntoView(page, 'h-summary', false)).toBe(false);

      // Within the lesson: the same page (its <base href="../"> must not send the link elsewhere).
      await page.locator(WITHIN_LESSON).click();
      await page.waitForURL(`${lessonUrl}#h-summary`);
      expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
      expect(await page.evaluate("document.querySelector(':target')?.id")).toBe('h-summary');
      expect(await scrolledIntoView(page, 'h-summary')).toBe(true);

      // To another lesson: its own page, at the heading.
      await page.evaluate('window.scrollTo(0, 0)');
      await Promise.all([page.waitForURL(/\/lessons\/details\.html#h-the-fine-print$/), page.locator(TO_OTHER_LESSON).click()]);
      expect(await heading(page)).toBe('The details');
      expect(await page.evaluate("document.querySelector(':target')?.id")).toBe('h-the-fine-print');
      expect(await scrolledIntoView(page, 'h-the-fine-print')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
