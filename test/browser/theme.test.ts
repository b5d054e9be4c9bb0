// A course's own look (test/fixtures/courses/themed: a logo, an accent, text and background
// colours, a font stack): the launch page and the lesson pages carry it; axe-core finds nothing on
// any screen (a lesson with tables, code and a quotation, a knowledge check before and after
// answering, the assessment before and after submitting, the results, the exit screen) with that
// theme and with the default look (the same course without its theme), at 320 and 1024 px; and
// the results print as a record with the course title, the learner's name, the date and the score.
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
const ACCENT = 'rgb(15, 118, 110)';
const BACKGROUND = 'rgb(251, 250, 247)';

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

async function audit(frame: Frame, label: string): Promise<string[]> {
  if (!(await frame.evaluate('typeof window.axe !== "undefined"'))) await frame.addScriptTag({ path: AXE });
  // Colours as the learner reads them, not halfway through a fade-in; the later screens' stylesheet loaded.
  await frame.waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running') && [...document.styleSheets].every((sheet) => { try { return sheet.cssRules.length > 0; } catch { return false; } })");
  const result = await frame.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
    (globalThis as unknown as { document: unknown }).document,
    { resultTypes: ['violations'] },
  ));
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${label}: ${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${JSON.stringify(node.target)}`));
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
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, { width, height: width === 320 ? 640 : 768 });
    const problems: string[] = [];
    try {
      const { frame } = await harness.launch({ url: url(build) });
      const course = courseData(setup.served);
      const learner = new PointerLearner(frame, harness, course);
      problems.push(...(await audit(frame, 'lesson')));
      const [lesson, assessment] = course.lessons;
      const check = lesson!.questions[0]!;
      await frame.locator(`#q-${check}`).scrollIntoViewIfNeeded();
      problems.push(...(await audit(frame, 'question before answering')));
      await learner.answerCheck(check, wrongAnswer(course.questions[check]!));
      problems.push(...(await audit(frame, 'question after a wrong answer')));
      const other = lesson!.questions[1]!;
      await learner.answerCheck(other, rightAnswer(course.questions[other]!));
      problems.push(...(await audit(frame, 'question after a right answer')));

      await learner.click('#next', 'to the assessment');
      await frame.locator('.assessment-bar').waitFor();
      problems.push(...(await audit(frame, 'assessment')));
      await learner.click('[data-action="submit-assessment"]', 'submit nothing');
      problems.push(...(await audit(frame, 'assessment, unanswered')));
      for (const id of assessment!.questions) await learner.setAnswer(id, rightAnswer(course.questions[id]!));
      await learner.click('[data-action="submit-assessment"]', 'submit');
      await frame.locator('.assessment-result').waitFor();
      problems.push(...(await audit(frame, 'assessment, submitted')));
      await learner.click('#next', 'to the results');
      await frame.locator('.results').waitFor();
      problems.push(...(await audit(frame, 'results')));
      if (width === 320) {
        await learner.click('#menu-toggle', 'open the menu');
        problems.push(...(await audit(frame, 'results, menu open')));
      }
      await learner.click('#exit', 'exit');
      await frame.locator('.exit-screen').waitFor();
      problems.push(...(await audit(frame, 'exit')));
      expect(problems).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('prints the results as a record: course title, learner name, date and score, without the controls', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { frame } = await harness.launch({ url: url('themed') });
      const course = courseData(setup.served);
      const learner = new PointerLearner(frame, harness, course);
      await learner.go('#toc a[data-lesson-link="check"]', 'Final check');
      for (const id of course.lessons[1]!.questions) await learner.setAnswer(id, rightAnswer(course.questions[id]!));
      await learner.click('[data-action="submit-assessment"]', 'submit');
      await learner.go('[data-results-link]', 'Your results');
      const record = frame.locator('.results-record');
      expect(await record.innerText()).toContain('Name: Doe, Jane');
      expect(await record.innerText()).toMatch(/Date: \w+ \d{1,2}, \d{4}/);
      await harness.page.emulateMedia({ media: 'print' });
      const visible = (selector: string) => frame.locator(selector).first().isVisible();
      expect(await visible('.course-title')).toBe(true);
      expect((await frame.locator('.course-title').innerText()).trim()).toBe('Claims handling at Northwind');
      expect(await visible('.results-record')).toBe(true);
      expect(await frame.locator('[data-slot="score"]').innerText()).toBe('Your score: 100%');
      for (const selector of ['#exit', '#menu-toggle', '.pager', '#toc', '[data-action="print"]']) expect(await visible(selector), selector).toBe(false);
      // Black on white, whatever the theme.
      expect(await frame.evaluate('getComputedStyle(document.body).color')).toBe('rgb(0, 0, 0)');
    } finally {
      await harness.dispose();
    }
  });
});
