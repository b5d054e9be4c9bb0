// A lesson full of wide things (an 800 px picture, a 200-character code line, an 8-column table, a
// 300-character URL, a long word) on a 320×640 phone inside an LMS frame: the page never scrolls
// sideways, wide things scroll in their own focusable box, the header, notice and pager take at
// most a fifth of the screen, and axe-core finds nothing. Links: documents and web pages open a
// new window and say so; a link to another lesson shows it in the shell, in the same SCORM
// session, and on a lesson page opened on its own it opens that lesson's page.
import { expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { serveFixtureCourse } from '../helpers/fixture-course-server.js';
import { HarnessPage } from '../helpers/lms-harness.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

const AXE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const PHONE = { width: 320, height: 640 };
/** A fifth of a 320×640 screen. */
const CHROME_BUDGET_PX = 640 / 5;
const LANG = 'en';
/** The interface text the pages were built with (the course data carries only the runtime's strings). */
const STRINGS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'templates', 'strings', `${LANG}.json`), 'utf8')) as Record<string, string>;

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** axe-core on the frame as it is now: one line per violating node. */
async function audit(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate('typeof window.axe !== "undefined"'))) await frame.addScriptTag({ path: AXE });
  await frame.waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running')");
  const result = await frame.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
    (globalThis as unknown as { document: unknown }).document,
    { resultTypes: ['violations'] },
  ));
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${JSON.stringify(node.target)}`));
}

interface Box { width: number; height: number; scrollWidth: number; clientWidth: number }

/** Size of the first element matching `selector` (zeros when it is missing or hidden). */
function boxOf(frame: Frame, selector: string): Promise<Box> {
  return frame.evaluate((wanted) => {
    const element = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { width: number; height: number }; scrollWidth: number; clientWidth: number } | null } }).document.querySelector(wanted);
    if (element === null) return { width: 0, height: 0, scrollWidth: 0, clientWidth: 0 };
    const rect = element.getBoundingClientRect();
    return { width: rect.width, height: rect.height, scrollWidth: element.scrollWidth, clientWidth: element.clientWidth };
  }, selector);
}

function waitForHeading(frame: Frame, title: string): Promise<unknown> {
  return frame.waitForFunction((expected) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('main h1')?.textContent?.trim() === expected, title);
}

describeInBrowser('phone layout and links (320×640, stress lesson)', () => {
  const setup = useBrowserWithCourses(() => serveFixtureCourse('phone-stress', 'phone-stress'));

  it('never scrolls sideways, keeps header, notice and pager within a fifth of the screen, and passes axe', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, PHONE);
    try {
      const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      await frame.waitForFunction("[...document.images].every((image) => image.complete)");
      const page = await frame.evaluate('({ scrollWidth: document.scrollingElement.scrollWidth, width: window.innerWidth })') as { scrollWidth: number; width: number };
      expect(page.width).toBe(PHONE.width);
      expect(page.scrollWidth).toBeLessThanOrEqual(page.width);

      // The wide things are really wide, and scroll inside their own boxes.
      const image = await frame.evaluate("(() => { const image = document.querySelector('main img'); return { natural: image.naturalWidth, shown: image.getBoundingClientRect().width }; })()") as { natural: number; shown: number };
      expect(image.natural).toBe(800);
      expect(image.shown).toBeLessThanOrEqual(PHONE.width);
      const table = await boxOf(frame, 'main .table-scroll');
      expect(table.scrollWidth).toBeGreaterThan(table.clientWidth);
      expect(table.width).toBeLessThanOrEqual(PHONE.width);
      const code = await boxOf(frame, 'main pre');
      expect(code.scrollWidth).toBeGreaterThan(code.clientWidth);
      expect(code.width).toBeLessThanOrEqual(PHONE.width);
      // …and keyboard users can reach them, by name.
      for (const [selector, name] of [['main .table-scroll', 'Table 1'], ['main pre', 'Code example 1']] as const) {
        const region = frame.locator(selector);
        expect(await region.getAttribute('tabindex')).toBe('0');
        expect(await region.getAttribute('role')).toBe('region');
        expect(await region.getAttribute('aria-label')).toBe(name);
      }
      const url = await boxOf(frame, 'main a[href^="https://example.org/customer-service/"]');
      expect(url.width).toBeLessThanOrEqual(PHONE.width);

      // Header, notice and pager: a fifth of the screen at most; controls stay 44 px targets.
      const header = await boxOf(frame, '.shell-header');
      const notice = await boxOf(frame, '#notice');
      const pager = await boxOf(frame, '.pager');
      expect(header.height + notice.height + pager.height, `header ${header.height}, notice ${notice.height}, pager ${pager.height}`).toBeLessThanOrEqual(CHROME_BUDGET_PX);
      for (const selector of ['#menu-toggle', '#exit', '#prev', '#next']) {
        const control = await boxOf(frame, selector);
        expect(control.height, selector).toBeGreaterThanOrEqual(44);
        expect(control.width, selector).toBeGreaterThanOrEqual(44);
      }
      // The course title stays on one line (cut short with an ellipsis).
      const title = await frame.evaluate("(() => { const title = document.querySelector('.course-title'); return { height: title.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(title).lineHeight), cut: title.scrollWidth > title.clientWidth }; })()") as { height: number; lineHeight: number; cut: boolean };
      expect(title.height).toBeLessThanOrEqual(title.lineHeight + 1);
      expect(title.cut).toBe(true);

      expect(await audit(frame)).toEqual([]);
      await frame.locator('#menu-toggle').click();
      expect(await frame.locator('#toc').isVisible()).toBe(true);
      expect(await audit(frame)).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('keeps the welcome-back notice to one line within the fifth, shows all of it on request, and drops it at the next move', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, PHONE);
    try {
      const first = await harness.launch({ url: setup.served.packageUrl(LANG) });
      await first.frame.locator('#next').click();
      await waitForHeading(first.frame, 'The second lesson');
      await HarnessPage.waitSettled(first.frame);
      const { persisted } = await harness.close();
      const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG), cmi: persisted });
      const course = setup.served.course(LANG);
      const message = course.strings['resume.notice']!;
      // Screen readers get the whole message, however it is cut on screen.
      expect((await frame.locator('#notice-text').textContent())?.trim()).toBe(message);

      const measure = (): Promise<{ lines: number; cut: boolean }> => frame.evaluate("(() => { const text = document.querySelector('#notice-text'); return { lines: Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight)), cut: text.scrollWidth > text.clientWidth }; })()") as Promise<{ lines: number; cut: boolean }>;
      const chrome = async (): Promise<number> => (await boxOf(frame, '.shell-header')).height + (await boxOf(frame, '#notice')).height + (await boxOf(frame, '.pager')).height;

      // One line, cut short (this message is longer than a 320 px line): the chrome stays within
      // its fifth of the screen, and a button offers the rest.
      expect(await measure()).toEqual({ lines: 1, cut: true });
      expect(await chrome()).toBeLessThanOrEqual(CHROME_BUDGET_PX);
      const expand = frame.locator('#notice-expand');
      expect(await expand.isVisible()).toBe(true);
      expect(await expand.getAttribute('aria-label')).toBe(STRINGS['notice.expand']);
      expect(await expand.getAttribute('aria-expanded')).toBe('false');
      const target = await boxOf(frame, '#notice-expand');
      expect(target.height).toBeGreaterThanOrEqual(24);
      expect(target.width).toBeGreaterThanOrEqual(24);
      expect(await audit(frame)).toEqual([]);

      // The learner asks for all of it (by keyboard here): every word shows, on as many lines as it takes.
      await expand.focus();
      await frame.page().keyboard.press('Enter');
      expect(await expand.getAttribute('aria-expanded')).toBe('true');
      const whole = await measure();
      expect(whole.cut).toBe(false);
      expect(whole.lines).toBeGreaterThan(1);
      expect(await audit(frame)).toEqual([]);
      await frame.page().keyboard.press('Enter');
      expect(await measure()).toEqual({ lines: 1, cut: true });

      // A greeting goes away when the learner moves on: the chrome is back within its fifth.
      await frame.locator('#prev').click();
      await waitForHeading(frame, 'Everything wide in one lesson');
      expect(await frame.locator('#notice').isHidden()).toBe(true);
      expect(await chrome()).toBeLessThanOrEqual(CHROME_BUDGET_PX);
    } finally {
      await harness.dispose();
    }
  });

  it('opens documents and web pages in a new window, with a hint and a marker', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, PHONE);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      const hint = STRINGS['link.newWindow']!;
      for (const selector of ['main a[href$="/checklist.pdf"]', 'main a[href="https://example.org/standard"]', 'main a[href^="https://example.org/customer-service/"]']) {
        const link = frame.locator(selector).first();
        expect(await link.getAttribute('target'), selector).toBe('_blank');
        expect(await link.getAttribute('rel'), selector).toBe('noopener noreferrer');
        expect((await link.locator('.visually-hidden').textContent())?.trim(), selector).toBe(hint);
        const marker = await link.evaluate((element) => {
          const view = element.ownerDocument.defaultView as unknown as { getComputedStyle(target: unknown, pseudo: string): { width: string; maskImage: string; webkitMaskImage: string } };
          const style = view.getComputedStyle(element, '::after');
          return { width: parseFloat(style.width), mask: style.maskImage || style.webkitMaskImage };
        });
        expect(marker.width, selector).toBeGreaterThan(0);
        expect(marker.mask, selector).toContain('url(');
      }
      // Following the document link opens a window; the course frame stays where it was.
      const before = frame.url();
      const [popup] = await Promise.all([harness.context.waitForEvent('page'), frame.locator('main a[href$="checklist.pdf"]').click()]);
      await popup.close();
      expect(frame.url()).toBe(before);
      const calls = await harness.calls(session);
      expect(calls.filter((call) => call.name === 'LMSInitialize')).toHaveLength(1);
      expect(calls.filter((call) => call.name === 'LMSFinish')).toHaveLength(0);
    } finally {
      await harness.dispose();
    }
  });

  it('shows a linked lesson inside the shell, in the same SCORM session', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, PHONE);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      const courseUrl = frame.url();
      // A page navigation would lose this mark.
      await frame.evaluate('window.stillTheSamePage = true');
      const link = frame.locator('main a[data-lesson-link="second"]').first();
      expect(await link.getAttribute('href')).toBe('lessons/second.html');
      expect(await link.getAttribute('target')).toBeNull();
      await link.click();
      await waitForHeading(frame, 'The second lesson');
      await HarnessPage.waitSettled(frame);
      expect(await frame.evaluate('document.activeElement.tagName')).toBe('H1');

      // Back by a link, then straight to the question of the second lesson (`02-second.md#q-second-check`).
      await frame.locator('main a[data-lesson-link="stress"]').click();
      await waitForHeading(frame, 'Everything wide in one lesson');
      const toQuestion = frame.locator('main a[href="lessons/second.html#q-second-check"]');
      expect(await toQuestion.getAttribute('data-lesson-link')).toBe('second');
      await toQuestion.click();
      await waitForHeading(frame, 'The second lesson');
      expect(await frame.evaluate('document.activeElement.id')).toBe('q-second-check');
      await HarnessPage.waitSettled(frame);

      expect(frame.url()).toBe(courseUrl);
      expect(await frame.evaluate('window.stillTheSamePage')).toBe(true);
      expect(await frame.locator('#toc a[data-lesson-link="second"]').getAttribute('aria-current')).toBe('page');
      const calls = await harness.calls(session);
      expect(calls.filter((call) => call.name === 'LMSInitialize')).toHaveLength(1);
      expect(calls.filter((call) => call.name === 'LMSFinish')).toHaveLength(0);
      expect(calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.lesson_location').map((call) => call.args[1])).toContain('second');
    } finally {
      await harness.dispose();
    }
  });

  it('opens the linked lesson\'s own page from a lesson page opened on its own', async () => {
    const context = await setup.browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.goto(setup.served.packageUrl(LANG).replace(/index\.html$/, 'lessons/stress.html'));
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      await page.waitForFunction("[...document.images].every((image) => image.complete)");
      expect(Number(await page.evaluate('document.scrollingElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
      await Promise.all([page.waitForURL(/\/lessons\/second\.html$/), page.locator('main a[data-lesson-link="second"]').first().click()]);
      expect((await page.locator('main h1').innerText()).trim()).toBe('The second lesson');
    } finally {
      await context.close();
    }
  });
});
