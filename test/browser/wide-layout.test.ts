// The shell in frames wider than 768 px, as LMSes show it: the header's progress bar stays readable
// whatever the course title, and the table of contents stays in view while a lesson scrolls.
import { expect, it } from 'vitest';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage } from '../helpers/lms-harness.js';

/** Narrowest bar a learner can still read progress from. */
const MIN_BAR_PX = 150;

describeInBrowser('wide layout', () => {
  const setup = useBrowserWithCourses();

  it.each([
    ['de', 800],
    ['de', 1024],
    ['ro', 900],
    ['el', 1440],
  ] as const)('%s at %i px: the progress bar is at least 150 px wide and the contents stay in view', async (lang, width) => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, { width, height: 700 });
    try {
      const { frame } = await harness.launch({ url: setup.served.packageUrl(lang) });
      const bar = await frame.locator('#progress').boundingBox();
      expect(bar!.width).toBeGreaterThanOrEqual(MIN_BAR_PX);
      // The longest lesson, scrolled to its end: the table of contents is still on screen.
      const course = setup.served.course(lang);
      const longest = course.lessons[1]!;
      await frame.locator(`#toc a[data-lesson-link="${longest.id}"]`).click();
      await frame.waitForFunction((title) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('main h1')?.textContent?.trim() === title, longest.title);
      await frame.evaluate('window.scrollTo(0, document.body.scrollHeight)');
      await frame.waitForFunction('window.scrollY > 0');
      const toc = await frame.locator('#toc .toc-title').boundingBox();
      expect(toc!.y).toBeGreaterThanOrEqual(0);
      expect(toc!.y).toBeLessThan(700);
    } finally {
      await harness.dispose();
    }
  });
});
