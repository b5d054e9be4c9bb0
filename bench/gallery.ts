// `npm run gallery`: screenshots of every screen a learner sees, for reviewers of the learner UI.
// Builds the shipped course (course/) and the themed sample (test/fixtures/courses/themed/) into
// a temporary folder, serves each package inside an LMS page (scorm-again as window.API, with a
// learner name, as an LMS frame would) and takes, at 320, 768 and 1280 px wide: the first lesson,
// a knowledge check before and after a wrong answer, the assessment, its submitted outcome, the
// results screen and the exit screen. The PNGs go to gallery/<course>-<lang>/<screen>-<width>.png
// (gallery/ is not committed: run the script to see the current look).
//
//   npm run gallery                       German edition of the shipped course, and the themed sample
//   npm run gallery -- --lang el          another edition of the shipped course
//   npm run gallery -- --out DIR          somewhere else than gallery/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Frame, type Page } from 'playwright-core';
import { buildCourse } from '../src/index.js';
import { contentType } from '../src/preview/mime-types.js';
import { PACKAGE_ROOT } from '../src/tool/install-paths.js';
import { COURSE_JSON_ID, type RuntimeCourse } from '../src/contract/course-data.js';

const CHROMIUM = process.env.SCORMDOWN_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [320, 768, 1280] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 320: 640, 768: 1024, 1280: 800 };
const LEARNER_NAME = 'Mustermann, Erika';

interface Subject {
  /** The course folder. */
  course: string;
  lang: string;
}

const HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<style>html,body{margin:0;height:100%}iframe{display:block;width:100%;height:100%;border:0}</style>
<script src="/__lms/scorm12.min.js"></script></head><body>
<iframe id="sco" title="course"></iframe>
<script>
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  window.API.loadFromJSON({ core: { student_id: 'learner-1', student_name: ${JSON.stringify(LEARNER_NAME)} } });
  document.getElementById('sco').src = new URLSearchParams(location.search).get('course');
</script></body></html>`;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function serve(root: string, lms: Buffer): Promise<{ origin: string; close(): void }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__harness.html') return void response.writeHead(200, { 'content-type': contentType('harness.html') }).end(HARNESS);
    if (url.pathname === '/__lms/scorm12.min.js') return void response.writeHead(200, { 'content-type': contentType('lms.js') }).end(lms);
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })));
}

/** The course data of the package shown in `frame`. */
async function courseData(frame: Frame): Promise<RuntimeCourse> {
  return JSON.parse(await frame.locator(`#${COURSE_JSON_ID}`).textContent() ?? '{}') as RuntimeCourse;
}

function headingIs(frame: Frame, title: string): Promise<unknown> {
  return frame.waitForFunction(`document.querySelector('main h1')?.textContent?.trim() === ${JSON.stringify(title)}`);
}

/** Give every assessment question its right answer, as a learner would (change and input events). */
function answerAssessment(frame: Frame): Promise<unknown> {
  return frame.evaluate(`(() => {
    const course = JSON.parse(document.getElementById(${JSON.stringify(COURSE_JSON_ID)}).textContent);
    for (const form of document.querySelectorAll('form.question[data-mode="assessment"]')) {
      const question = course.questions[form.dataset.question];
      if (question === undefined) continue;
      for (const input of form.querySelectorAll('input')) {
        if (input.type === 'text') input.value = (question.accepted ?? [''])[0];
        else input.checked = question.type === 'truefalse' ? input.value === String(question.answer) : (question.correct ?? []).includes(Number.parseInt(input.value, 36));
        input.dispatchEvent(new Event(input.type === 'text' ? 'input' : 'change', { bubbles: true }));
      }
    }
  })()`);
}

/** Pick a wrong answer for the first knowledge check of the lesson shown, and check it. */
async function answerFirstCheckWrongly(frame: Frame, course: RuntimeCourse, questionId: string): Promise<void> {
  const question = course.questions[questionId]!;
  const form = frame.locator(`#q-${questionId}`);
  if (question.type === 'fillin') await form.locator('input').fill('?');
  else if (question.type === 'truefalse') await form.locator(`input[value="${String(!question.answer)}"]`).check();
  else {
    const wrong = Array.from({ length: question.options ?? 0 }, (_, index) => index).find((index) => !(question.correct ?? []).includes(index)) ?? 0;
    await form.locator(`input[value="${wrong.toString(36)}"]`).check();
  }
  await form.locator('.question-check').click();
  await form.locator('.question-feedback:not([hidden])').waitFor();
}

async function shoot(page: Page, file: string): Promise<void> {
  // The feedback fades in: wait until nothing moves.
  await page.frames()[1]?.evaluate('Promise.all(document.getAnimations().map((animation) => animation.finished))');
  await page.screenshot({ path: file });
  console.log(`  ${path.relative(process.cwd(), file)}`);
}

async function screens(page: Page, url: string, dir: string, width: number): Promise<void> {
  await page.goto(url);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
  await frame.waitForFunction('document.documentElement.dataset.sync !== undefined');
  const course = await courseData(frame);
  const scrollTo = (selector: string) => frame.evaluate(`document.querySelector(${JSON.stringify(selector)}).scrollIntoView({ block: 'start' })`);
  const click = (selector: string) => frame.evaluate(`document.querySelector(${JSON.stringify(selector)}).click()`);
  const file = (screen: string) => path.join(dir, `${screen}-${width}.png`);

  await shoot(page, file('1-lesson'));
  const withCheck = course.lessons.find((lesson) => !lesson.assessment && lesson.questions.length > 0);
  if (withCheck !== undefined) {
    if (withCheck !== course.lessons[0]) {
      await click(`#toc a[data-lesson-link="${withCheck.id}"]`);
      await headingIs(frame, withCheck.title);
    }
    const id = withCheck.questions[0]!;
    await scrollTo(`#q-${id}`);
    await shoot(page, file('2-question'));
    await answerFirstCheckWrongly(frame, course, id);
    await scrollTo(`#q-${id}`);
    await shoot(page, file('3-question-answered'));
  }
  const assessment = course.lessons.find((lesson) => lesson.assessment);
  if (assessment !== undefined) {
    await click(`#toc a[data-lesson-link="${assessment.id}"]`);
    await headingIs(frame, assessment.title);
    await answerAssessment(frame);
    await frame.evaluate('window.scrollTo(0, 0)');
    await shoot(page, file('4-assessment'));
    await click('[data-action="submit-assessment"]');
    await frame.locator('.assessment-result').waitFor();
    await scrollTo('.assessment-result');
    await shoot(page, file('5-assessment-submitted'));
  }
  await click('[data-results-link]');
  await frame.locator('.results').waitFor();
  await frame.evaluate('window.scrollTo(0, 0)');
  await shoot(page, file('6-results'));
  await frame.locator('#exit').click();
  await frame.locator('.exit-screen').waitFor();
  await shoot(page, file('7-exit'));
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (install Debian's chromium or set SCORMDOWN_CHROMIUM)`);
  const out = path.resolve(option('out') ?? path.join(PACKAGE_ROOT, 'gallery'));
  const subjects: Subject[] = [
    { course: path.join(PACKAGE_ROOT, 'course'), lang: option('lang') ?? 'de' },
    { course: path.join(PACKAGE_ROOT, 'test', 'fixtures', 'courses', 'themed'), lang: 'en' },
  ];
  const built = fs.mkdtempSync(path.join(os.tmpdir(), 'scormdown-gallery-'));
  const lms = fs.readFileSync(createRequire(import.meta.url).resolve('scorm-again/scorm12/min'));
  const server = await serve(built, lms);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (const subject of subjects) {
      const outDir = path.join(built, path.basename(subject.course));
      const result = await buildCourse({ courseDir: subject.course, outDir, languages: [subject.lang] });
      if (!result.editions.some((edition) => edition.lang === subject.lang && edition.built)) throw new Error(`${subject.course}: the ${subject.lang} edition was not built (run scormdown check)`);
      // The unpacked package: <course id>-<lang>/ beside the zip.
      const packageDir = fs.readdirSync(outDir, { withFileTypes: true }).find((entry) => entry.isDirectory() && entry.name.endsWith(`-${subject.lang}`))!.name;
      const dir = path.join(out, packageDir);
      fs.mkdirSync(dir, { recursive: true });
      console.log(`${packageDir}:`);
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: HEIGHT[width] }, reducedMotion: 'reduce' });
        try {
          const page = await context.newPage();
          const url = `${server.origin}/__harness.html?course=${encodeURIComponent(`/${path.basename(subject.course)}/${packageDir}/index.html`)}`;
          await screens(page, url, dir, width);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(built, { recursive: true, force: true });
  }
}

await main();
