// `npm run gallery`: screenshots of every screen a learner sees, for reviewers of the learner UI.
// Builds the shipped course (course/) and the themed sample (test/fixtures/courses/themed/) into
// a temporary folder and runs each SCORM 1.2 package as the browser tests do (test/helpers/: the
// same Chromium, the scorm-again LMS harness page with its learner "Doe, Jane", the same learner
// actions and answers), taking at 320, 768 and 1280 px wide, each of the whole screen (not cut at
// the bottom of the window):
//
//   1-lesson                 the first lesson
//   2-question               a knowledge check with an answer chosen
//   3-question-answered      the same check after checking that (wrong) answer
//   4-assessment             the assessment with its answers chosen
//   5-assessment-failed      the outcome of a failed attempt (not with `attempts: 1`)
//   5-assessment-submitted   the outcome of a passed attempt (the next one)
//   6-results-failed         the results screen after the failed attempt (not with `attempts: 1`)
//   6-results                the results screen after the pass
//   7-exit                   the exit screen
//
// The PNGs go to gallery/<course>-<lang>/<screen>-<width>.png, e.g.
// gallery/customer-focus-de/6-results-failed-320.png (gallery/ is not committed: run the script
// to see the current look). A course without knowledge checks or without an assessment has no
// screenshots of them.
//
//   npm run gallery                       German edition of the shipped course, and the themed sample
//   npm run gallery -- --lang el          another edition of the shipped course
//   npm run gallery -- --out DIR          somewhere else than gallery/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { buildCourse } from '../src/index.js';
import { PACKAGE_ROOT } from '../src/tool/install-paths.js';
import { rightAnswer, wrongAnswer } from '../test/helpers/answers.js';
import { browserAvailable, CHROMIUM_MISSING, launchChromium } from '../test/helpers/browser.js';
import { HarnessPage } from '../test/helpers/lms-harness.js';
import { startCourseServer, type CourseServer } from '../test/helpers/packaged-course.js';
import { PointerLearner } from '../test/helpers/pointer-learner.js';

const WIDTHS = [320, 768, 1280] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 320: 640, 768: 1024, 1280: 800 };

interface Subject {
  /** The course folder. */
  course: string;
  lang: string;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** The whole screen: the window as tall as the course page in it, so nothing is cut or under the pager. */
async function shoot(page: Page, frame: Frame, file: string): Promise<void> {
  // The feedback fades in: wait until nothing moves.
  await frame.evaluate('Promise.all(document.getAnimations().map((animation) => animation.finished))');
  const viewport = page.viewportSize()!;
  const height = (await frame.evaluate('document.documentElement.scrollHeight')) as number;
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    await page.setViewportSize(viewport);
  }
  console.log(`  ${path.relative(process.cwd(), file)}`);
}

async function screens(browser: Browser, served: CourseServer, lang: string, dir: string, width: (typeof WIDTHS)[number]): Promise<void> {
  const harness = await HarnessPage.open(browser, served.harnessUrl, { width, height: HEIGHT[width] });
  try {
    const { frame } = await harness.launch({ url: served.packageUrl(lang) });
    const course = served.course(lang);
    const learner = new PointerLearner(frame, harness, course);
    const shot = (screen: string) => shoot(harness.page, frame, path.join(dir, `${screen}-${width}.png`));
    /** Follow a link of the table of contents, through the menu where it is folded away (a phone). */
    const visit = async (selector: string, label: string) => {
      if (!(await frame.locator('#toc').isVisible())) await learner.click('#menu-toggle', 'open the menu');
      await learner.click(selector, label);
    };
    // The assessment and the results are later screens: wait until they are drawn.
    const toAssessment = async (id: string) => {
      await visit(`#toc a[data-lesson-link="${id}"]`, 'to the assessment');
      await frame.locator('form.question[data-mode="assessment"]').first().waitFor();
    };
    const toResults = async (result: 'correct' | 'wrong') => {
      await visit('[data-results-link]', 'to the results');
      await frame.locator(`.results-card[data-result="${result}"]`).waitFor();
    };

    await shot('1-lesson');
    const withCheck = course.lessons.find((lesson) => !lesson.assessment && lesson.questions.length > 0);
    if (withCheck !== undefined) {
      if (withCheck !== course.lessons[0]) {
        await visit(`#toc a[data-lesson-link="${withCheck.id}"]`, `to ${withCheck.id}`);
        await frame.locator(`#q-${withCheck.questions[0]!}`).waitFor();
      }
      const id = withCheck.questions[0]!;
      await learner.setAnswer(id, wrongAnswer(course.questions[id]!));
      await shot('2-question');
      await learner.click(`#q-${id} .question-check`, `check ${id}`);
      await frame.locator(`#q-${id} .question-feedback[data-result]`).waitFor();
      await shot('3-question-answered');
    }
    const assessment = course.lessons.find((lesson) => lesson.assessment);
    if (assessment !== undefined) {
      const attempt = async (answer: typeof rightAnswer, result: 'correct' | 'wrong', first: boolean) => {
        for (const id of assessment.questions) await learner.setAnswer(id, answer(course.questions[id]!));
        if (first) await shot('4-assessment');
        await learner.click('[data-action="submit-assessment"]', 'submit');
        await frame.locator(`.assessment-result[data-result="${result}"]`).waitFor();
        await shot(result === 'wrong' ? '5-assessment-failed' : '5-assessment-submitted');
        await toResults(result);
        await shot(result === 'wrong' ? '6-results-failed' : '6-results');
      };
      await toAssessment(assessment.id);
      // A failed attempt, then a passed one; with a single attempt, only the pass.
      const fails = course.attempts !== 1;
      if (fails) {
        await attempt(wrongAnswer, 'wrong', true);
        await toAssessment(assessment.id);
        await learner.click('[data-action="retry-assessment"]', 'try again');
        await frame.locator('.assessment-bar [data-action="submit-assessment"]').waitFor();
      }
      await attempt(rightAnswer, 'correct', !fails);
    } else {
      await toResults('correct');
      await shot('6-results');
    }
    await learner.click('#exit', 'exit');
    await frame.locator('.exit-screen').waitFor();
    await shot('7-exit');
  } finally {
    await harness.dispose();
  }
}

async function main(): Promise<void> {
  if (!browserAvailable) throw new Error(CHROMIUM_MISSING);
  const out = path.resolve(option('out') ?? path.join(PACKAGE_ROOT, 'gallery'));
  const subjects: Subject[] = [
    { course: path.join(PACKAGE_ROOT, 'course'), lang: option('lang') ?? 'de' },
    { course: path.join(PACKAGE_ROOT, 'test', 'fixtures', 'courses', 'themed'), lang: 'en' },
  ];
  const built = fs.mkdtempSync(path.join(os.tmpdir(), 'scormdown-gallery-'));
  const browser = await launchChromium();
  try {
    for (const subject of subjects) {
      const outDir = path.join(built, path.basename(subject.course));
      const result = await buildCourse({ courseDir: subject.course, outDir, languages: [subject.lang] });
      if (!result.editions.some((edition) => edition.lang === subject.lang && edition.built)) throw new Error(`${subject.course}: the ${subject.lang} edition was not built (run scormdown check)`);
      // The unpacked SCORM 1.2 package: <course id>-<lang>/ beside the zip.
      const packageDir = fs.readdirSync(outDir, { withFileTypes: true }).find((entry) => entry.isDirectory() && entry.name.endsWith(`-${subject.lang}`))!.name;
      const served = await startCourseServer(outDir, packageDir.slice(0, -`-${subject.lang}`.length));
      try {
        const dir = path.join(out, packageDir);
        fs.mkdirSync(dir, { recursive: true });
        console.log(`${packageDir}:`);
        for (const width of WIDTHS) await screens(browser, served, subject.lang, dir, width);
      } finally {
        await served.server.close();
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(built, { recursive: true, force: true });
  }
}

await main();
