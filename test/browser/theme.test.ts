// A course's own look (test/fixtures/courses/themed: a logo, an accent, text and background
// colours, a font stack): the launch page and the lesson pages carry it; axe-core finds nothing
// (no violation, and no colour contrast it could not decide) on any screen with that theme and
// with the default look (the same course without its theme), at 320 and 1024 px: a lesson with
// tables, code and a quotation (at 320 px also with the menu open), a knowledge check with an
// answer chosen, after a wrong and after a right answer, the assessment, submitted empty, failed,
// passed on the second attempt, the results after the failed and after the passed attempt (at
// 320 px also with the menu open), the exit screen; and the results print as a record, on a
// sheet narrower than the phone breakpoint, with the whole course title, the learner's name and
// the date on lines of their own and the score, without the course's controls. The ticks and
// crosses of right and wrong answers, of the outcome and of the results are not read aloud.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildCourse } from '../../src/index.js';
import { launchChromium, describeInBrowser } from '../helpers/browser.js';
import { fixtureCourseDir } from '../helpers/fixture-course-server.js';
import { readPackagedCourse, startCourseServer, type CourseServer } from '../helpers/packaged-course.js';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import { HarnessPage } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

const AXE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const COURSE_ID = 'themed-sample';
const LANG = 'en';
/** The sample theme of test/fixtures/courses/themed/course.yaml. */
const ACCENT = 'rgb(13, 107, 99)';
const BACKGROUND = 'rgb(251, 250, 247)';

interface AxeRuleResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; any: Array<{ message: string }> }>;
}

interface AxeResult {
  violations: AxeRuleResult[];
  incomplete: AxeRuleResult[];
}

/**
 * axe-core's violations on the frame's page, and the nodes whose colour contrast it could not
 * work out (`incomplete` for color-contrast: text over a picture, a gradient, a pseudo-element or
 * another element), which would otherwise pass unseen.
 */
async function audit(frame: Frame, label: string): Promise<string[]> {
  if (!(await frame.evaluate('typeof window.axe !== "undefined"'))) await frame.addScriptTag({ path: AXE });
  // Colours as the learner reads them, not halfway through a fade-in; the later screens' stylesheet loaded.
  await frame.waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running') && [...document.styleSheets].every((sheet) => { try { return sheet.cssRules.length > 0; } catch { return false; } })");
  // The whole screen in the frame at once, as far down as it goes: text the sticky pager covers at
  // one scroll position is text axe cannot judge ("overlapped by another element"), and the
  // learner reads it, on its own background, once it is scrolled up.
  const page = frame.page();
  const viewport = page.viewportSize()!;
  const height = (await frame.evaluate('document.documentElement.scrollHeight')) as number;
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  const result = await frame.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
    (globalThis as unknown as { document: unknown }).document,
    { resultTypes: ['violations', 'incomplete'] },
  )).finally(() => page.setViewportSize(viewport));
  const problems = result.violations.flatMap((violation) => violation.nodes.map((node) => `${label}: ${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${JSON.stringify(node.target)}`));
  for (const node of result.incomplete.filter((rule) => rule.id === 'color-contrast').flatMap((rule) => rule.nodes)) {
    const selector = node.target.length === 1 && typeof node.target[0] === 'string' ? node.target[0] : null;
    // A table cell partly scrolled out of its table's box (a wide table on a phone) is judged
    // again with the box scrolled to it: axe cannot see a background that is out of the box.
    const judged = selector !== null && (await frame.evaluate(`!!document.querySelector(${JSON.stringify(selector)})?.closest('.table-scroll')`)) ? await auditInView(frame, selector) : null;
    if (judged === null) problems.push(`${label}: color-contrast undecided at ${JSON.stringify(node.target)}: ${node.any.map((check) => check.message).join(' ')}`);
    else problems.push(...judged.map((problem) => `${label}: ${problem}`));
  }
  return problems;
}

/** axe's colour contrast of one element scrolled into view within its scroll box (then scrolled back). */
function auditInView(frame: Frame, selector: string): Promise<string[]> {
  return frame.evaluate(async (wanted) => {
    const win = globalThis as unknown as {
      document: { querySelector(selector: string): { scrollIntoView(options: unknown): void; closest(selector: string): { scrollLeft: number } | null } | null };
      axe: { run(context: unknown, options: unknown): Promise<AxeResult> };
    };
    const element = win.document.querySelector(wanted)!;
    const box = element.closest('.table-scroll')!;
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    try {
      const result = await win.axe.run(element, { runOnly: ['color-contrast'], resultTypes: ['violations', 'incomplete'] });
      return [...result.violations, ...result.incomplete].flatMap((rule) => rule.nodes.map((node) => `color-contrast ${result.violations.includes(rule) ? 'violation' : 'undecided'} at ${JSON.stringify(node.target)}, scrolled into its box: ${node.any.map((check) => check.message).join(' ')}`));
    } finally {
      box.scrollLeft = 0;
    }
  }, selector);
}

/** A custom property of the page as a colour the browser resolved. */
function colourOf(frame: Frame, property: string): Promise<string> {
  return frame.evaluate(`(() => { const probe = document.createElement('span'); probe.style.color = 'var(${property})'; document.body.append(probe); const colour = getComputedStyle(probe).color; probe.remove(); return colour; })()`) as Promise<string>;
}

/** The sample course built twice: with its theme, and without (the default look). */
async function buildBoth(): Promise<CourseServer> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scormdown-theme-'));
  process.once('exit', () => fs.rmSync(outDir, { recursive: true, force: true }));
  const plain = path.join(outDir, 'plain-course');
  fs.cpSync(fixtureCourseDir('themed'), plain, { recursive: true });
  const yaml = fs.readFileSync(path.join(plain, 'course.yaml'), 'utf8');
  fs.writeFileSync(path.join(plain, 'course.yaml'), yaml.slice(0, yaml.indexOf('theme:')));
  for (const [courseDir, out] of [[fixtureCourseDir('themed'), 'themed'], [plain, 'plain']] as const) {
    const result = await buildCourse({ courseDir, outDir: path.join(outDir, 'dist', out) });
    if (!result.ok) throw new Error(`${courseDir} did not build: ${JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))}`);
  }
  return startCourseServer(path.join(outDir, 'dist'), COURSE_ID);
}

/** The course data of the themed build (the same course, lessons and questions, as the default one). */
function courseData(served: CourseServer): RuntimeCourse {
  return readPackagedCourse(path.join(served.outDir, 'themed', `${COURSE_ID}-${LANG}`));
}

describeInBrowser('course theme', () => {
  const setup = {} as { browser: Awaited<ReturnType<typeof launchChromium>>; served: CourseServer };
  beforeAll(async () => {
    [setup.browser, setup.served] = await Promise.all([launchChromium(), buildBoth()]);
  });
  afterAll(async () => {
    await setup.browser?.close();
    await setup.served?.server.close();
  });
  /** index.html of the themed build (`themed`) or of the default one (`plain`). */
  const url = (build: 'themed' | 'plain') => `${setup.served.server.origin}/pkg/${build}/${COURSE_ID}-${LANG}/index.html`;

  it('is on the launch page and on the lesson pages: colours, font and logo', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { frame } = await harness.launch({ url: url('themed') });
      expect(await colourOf(frame, '--accent')).toBe(ACCENT);
      expect(await colourOf(frame, '--paper')).toBe(BACKGROUND);
      expect(await frame.evaluate('getComputedStyle(document.querySelector("#next")).backgroundColor')).toBe(ACCENT);
      expect(await frame.evaluate('getComputedStyle(document.body).fontFamily')).toMatch(/^"Iowan Old Style"/);
      const logo = frame.locator('.shell-header img.logo');
      expect(await logo.getAttribute('alt')).toBe('Northwind Insurance');
      expect(await logo.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
      const box = (await logo.boundingBox())!;
      expect(box.height).toBe(40);

      const page = await harness.context.newPage();
      await page.goto(url('themed').replace(/index\.html$/, 'lessons/welcome.html'));
      const lessonPage = page.mainFrame();
      expect(await colourOf(lessonPage, '--accent')).toBe(ACCENT);
      expect(await page.locator('.shell-header img.logo').getAttribute('alt')).toBe('Northwind Insurance');

      // Without a theme, the default look: no logo, the stylesheet's own colours.
      const plain = await harness.context.newPage();
      await plain.goto(url('plain'));
      expect(await plain.locator('img.logo').count()).toBe(0);
      expect(await colourOf(plain.mainFrame(), '--accent')).toBe('rgb(11, 92, 173)');
    } finally {
      await harness.dispose();
    }
  });

  it.each([
    ['themed', 1024], ['themed', 320], ['plain', 1024], ['plain', 320],
  ] as const)('%s at %i px: zero axe-core violations on every screen', async (build, width) => {
    const phone = width === 320;
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, { width, height: phone ? 640 : 768 });
    const problems: string[] = [];
    try {
      const { frame } = await harness.launch({ url: url(build) });
      const course = courseData(setup.served);
      const learner = new PointerLearner(frame, harness, course);
      const screen = async (label: string) => {
        problems.push(...(await audit(frame, label)));
        // The ticks and crosses are drawn for the eye: what a screen reader reads is the words.
        const read = await frame.locator('body').ariaSnapshot();
        if (/[✓✗]/.test(read)) problems.push(`${label}: a mark is read aloud: ${read.split('\n').filter((line) => /[✓✗]/.test(line)).join(' | ')}`);
      };
      const openMenu = async () => {
        await learner.click('#menu-toggle', 'open the menu');
        await frame.locator('#toc[data-open="true"]').waitFor();
      };
      await screen('lesson');
      if (phone) {
        await openMenu();
        await screen('lesson, menu open');
        await learner.click('#menu-toggle', 'close the menu');
        await frame.locator('#toc').waitFor({ state: 'hidden' });
      }
      const [lesson, assessment] = course.lessons;
      const check = lesson!.questions[0]!;
      await learner.setAnswer(check, wrongAnswer(course.questions[check]!));
      await frame.locator(`#q-${check}`).scrollIntoViewIfNeeded();
      await screen('question, an answer chosen');
      await learner.click(`#q-${check} .question-check`, `check ${check}`);
      await frame.locator(`#q-${check} .question-feedback[data-result="wrong"]`).waitFor();
      await screen('question after a wrong answer');
      const other = lesson!.questions[1]!;
      await learner.answerCheck(other, rightAnswer(course.questions[other]!));
      await frame.locator(`#q-${other} .question-feedback[data-result="correct"]`).waitFor();
      await screen('question after a right answer');

      // The assessment is a later screen: wait for it to be drawn, not only for the navigation.
      await learner.click('#next', 'to the assessment');
      await frame.locator('.assessment-bar').waitFor();
      await screen('assessment');
      await learner.click('[data-action="submit-assessment"]', 'submit nothing');
      await frame.locator('.assessment-message:not(:empty)').waitFor();
      await screen('assessment, unanswered');
      /** Submit an attempt with these answers: its outcome, then the results screen after it. */
      const attempt = async (answer: typeof rightAnswer, result: 'correct' | 'wrong', outcome: string) => {
        for (const id of assessment!.questions) await learner.setAnswer(id, answer(course.questions[id]!));
        await learner.click('[data-action="submit-assessment"]', 'submit');
        await frame.locator(`.assessment-result[data-result="${result}"]`).waitFor();
        await screen(`assessment, ${outcome}`);
        await learner.click('#next', 'to the results');
        await frame.locator(`.results-card[data-result="${result}"]`).waitFor();
        await screen(`results, ${outcome}`);
      };
      await attempt(wrongAnswer, 'wrong', 'failed');
      await learner.click('#prev', 'back to the assessment');
      await learner.click('[data-action="retry-assessment"]', 'try again');
      await frame.locator('.assessment-bar [data-action="submit-assessment"]').waitFor();
      await attempt(rightAnswer, 'correct', 'passed');
      if (phone) {
        await openMenu();
        await screen('results, menu open');
      }
      await learner.click('#exit', 'exit');
      await frame.locator('.exit-screen').waitFor();
      await screen('exit');
      expect(problems).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it.each([['themed', 'passed'], ['plain', 'failed']] as const)('%s, %s: prints the results as a record on a sheet narrower than a tablet: the whole course title, name and date on lines of their own, the score, no controls', async (build, outcome) => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { frame } = await harness.launch({ url: url(build) });
      const course = courseData(setup.served);
      const learner = new PointerLearner(frame, harness, course);
      await learner.go('#toc a[data-lesson-link="check"]', 'Final check');
      await frame.locator('.assessment-bar').waitFor();
      const answer = outcome === 'passed' ? rightAnswer : wrongAnswer;
      for (const id of course.lessons[1]!.questions) await learner.setAnswer(id, answer(course.questions[id]!));
      await learner.click('[data-action="submit-assessment"]', 'submit');
      await learner.go('[data-results-link]', 'Your results');
      await frame.locator('.results-card').waitFor();
      const record = frame.locator('.results-record');
      expect(await record.innerText()).toContain('Name: Doe, Jane');
      expect(await record.innerText()).toMatch(/Date: \w+ \d{1,2}, \d{4}/);
      const title = frame.locator('.course-title');
      expect((await title.innerText()).trim()).toBe('Claims handling at Northwind');
      // A title as long as real courses have (the shipped German one is 57 characters): on paper it
      // wraps, where a phone's header ends it in "…".
      await title.evaluate((element, text) => { element.textContent = text; }, 'Claims handling at Northwind: from the first call to the payment, in every branch');

      // An A4 sheet is about 720 CSS px wide: under the 48rem breakpoint, so laid out as a phone.
      await harness.page.setViewportSize({ width: 720, height: 1000 });
      await harness.page.emulateMedia({ media: 'print' });
      const visible = (selector: string) => frame.locator(selector).first().isVisible();
      expect(await visible('.course-title')).toBe(true);
      const titleBox = await title.evaluate((element) => {
        const style = (globalThis as unknown as { getComputedStyle(target: unknown): { lineHeight: string } }).getComputedStyle(element);
        const box = element as unknown as { scrollWidth: number; clientWidth: number; getBoundingClientRect(): { height: number } };
        return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, height: box.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight) };
      });
      expect(titleBox.scrollWidth, 'the title is not cut').toBeLessThanOrEqual(titleBox.clientWidth);
      expect(titleBox.height, 'the title wraps').toBeGreaterThan(1.5 * titleBox.lineHeight);
      expect(await visible('.results-record')).toBe(true);
      const name = (await frame.locator('[data-slot="learner"]').boundingBox())!;
      const date = (await frame.locator('[data-slot="date"]').boundingBox())!;
      expect(date.y, 'the date is on a line below the name').toBeGreaterThanOrEqual(name.y + name.height - 1);
      expect(await frame.locator('[data-slot="score"]').innerText()).toBe(outcome === 'passed' ? 'Your score: 100%' : 'Your score: 0%');
      // The advice to print and exit is for the screen; after a failed attempt, what to do next is on the record too.
      expect(await visible('[data-slot="next"]'), 'what to do next').toBe(outcome === 'failed');
      for (const selector of ['#exit', '#menu-toggle', '.progress', '.skip-link', '.pager', '#toc', '[data-action="print"]']) expect(await visible(selector), selector).toBe(false);
      const buttons = frame.locator('button');
      for (let index = 0; index < (await buttons.count()); index++) expect(await buttons.nth(index).isVisible(), `button ${index}: ${await buttons.nth(index).innerText()}`).toBe(false);
      // Black on white, whatever the theme.
      expect(await frame.evaluate('getComputedStyle(document.body).color')).toBe('rgb(0, 0, 0)');
    } finally {
      await harness.dispose();
    }
  });
});
