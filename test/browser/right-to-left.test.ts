// An Arabic edition (test/fixtures/courses/rtl-ar): every page of its package says dir="rtl", and
// the layout mirrors in the browser — Next left of Previous, text aligned to the right, key
// points marked on the right, question feedback and the table of contents on the reading side.
import { expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { serveFixtureCourse } from '../helpers/fixture-course-server.js';
import { HarnessPage } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { wrongAnswer } from '../helpers/answers.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

const LANG = 'ar';
const AXE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface Rect { left: number; right: number; top: number; width: number }

/** Bounding boxes of an element and of the text inside it (a Range around its contents). */
function textBoxes(frame: Frame | Page, selector: string): Promise<{ element: Rect; text: Rect; textAlign: string }> {
  return frame.evaluate((wanted) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown; createRange(): { selectNodeContents(node: unknown): void; getBoundingClientRect(): Rect } } }).document;
    const element = doc.querySelector(wanted) as { getBoundingClientRect(): Rect } | null;
    if (element === null) throw new Error(`${wanted} not found`);
    const range = doc.createRange();
    range.selectNodeContents(element);
    const pick = (rect: Rect) => ({ left: rect.left, right: rect.right, top: rect.top, width: rect.width });
    const view = globalThis as unknown as { getComputedStyle(target: unknown): { textAlign: string } };
    return { element: pick(element.getBoundingClientRect()), text: pick(range.getBoundingClientRect()), textAlign: view.getComputedStyle(element).textAlign };
  }, selector);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

/** The text is against the right edge of its box, with room left over on the left. */
function expectRightAligned(boxes: { element: Rect; text: Rect }, label: string): void {
  expect(Math.abs(boxes.element.right - boxes.text.right), label).toBeLessThanOrEqual(1);
  expect(boxes.text.left - boxes.element.left, label).toBeGreaterThan(16);
}

describeInBrowser('right-to-left edition (ar)', () => {
  const setup = useBrowserWithCourses(() => serveFixtureCourse('rtl-ar', 'rtl-sample'));

  it('says dir="rtl" and lang="ar" on every page of the package', async () => {
    const pages = await htmlFiles(setup.served.packageDir(LANG));
    const course = setup.served.course(LANG);
    expect(pages.map((page) => path.relative(setup.served.packageDir(LANG), page).split(path.sep).join('/'))).toEqual(['index.html', ...course.lessons.map((lesson) => lesson.page)].sort());
    for (const page of pages) {
      const root = /<html\b[^>]*>/.exec(await fs.readFile(page, 'utf8'))?.[0] ?? '';
      expect(root, page).toContain('lang="ar"');
      expect(root, page).toContain('dir="rtl"');
    }
  });

  it('mirrors the shell on a phone: Next left of Previous, text on the right, feedback too', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, { width: 320, height: 640 });
    try {
      const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      expect(await frame.evaluate('document.documentElement.dir')).toBe('rtl');
      expect(await frame.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(320);
      const next = (await frame.locator('#next').boundingBox())!;
      const previous = (await frame.locator('#prev').boundingBox())!;
      expect(next.x + next.width).toBeLessThanOrEqual(previous.x);
      const menu = (await frame.locator('#menu-toggle').boundingBox())!;
      const exit = (await frame.locator('#exit').boundingBox())!;
      expect(exit.x + exit.width).toBeLessThanOrEqual(menu.x);

      // "ابدأ من هنا." is a short first paragraph: its text sits against the right edge.
      expectRightAligned(await textBoxes(frame, 'main article > p'), 'first paragraph');
      expectRightAligned(await textBoxes(frame, 'main article li'), 'list item');
      const keyPoints = await frame.evaluate("(() => { const style = getComputedStyle(document.querySelector('.key-points')); return [style.borderRightWidth, style.borderLeftWidth]; })()");
      expect(keyPoints).toEqual(['4px', '0px']);

      const course = setup.served.course(LANG);
      const learner = new PointerLearner(frame, harness, course);
      const id = course.lessons[0]!.questions[0]!;
      await learner.answerCheck(id, wrongAnswer(course.questions[id]!));
      expectRightAligned(await textBoxes(frame, `#q-${id} .question-verdict`), 'feedback verdict');
      const option = (await frame.locator(`#q-${id} .question-option`).first().boundingBox())!;
      const input = (await frame.locator(`#q-${id} .question-option input`).first().boundingBox())!;
      expect(input.x).toBeGreaterThan(option.x + option.width / 2);

      await frame.addScriptTag({ path: AXE });
      const violations = await frame.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string }> }> } }).axe;
        return (await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] })).violations.map((violation) => violation.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('puts the table of contents on the right of the lesson in a wide frame', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, { width: 1024, height: 700 });
    try {
      const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      const toc = (await frame.locator('#toc').boundingBox())!;
      const lesson = (await frame.locator('#lesson').boundingBox())!;
      expect(toc.x).toBeGreaterThanOrEqual(lesson.x + lesson.width - 1);
      const title = (await frame.locator('.course-title').boundingBox())!;
      const exit = (await frame.locator('#exit').boundingBox())!;
      expect(exit.x + exit.width).toBeLessThanOrEqual(title.x);
    } finally {
      await harness.dispose();
    }
  });

  it('keeps a lesson page opened on its own right to left', async () => {
    const context = await setup.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(setup.served.packageUrl(LANG).replace(/index\.html$/, 'lessons/reliability.html'));
      expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
      expectRightAligned(await textBoxes(page, 'main article > p:last-of-type'), 'lesson page paragraph');
    } finally {
      await context.close();
    }
  });
});
