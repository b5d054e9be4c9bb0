// Reporting modes other than the default, on variants of the shipped course: the status, score
// and exit the course sets, and what an LMS that derives status from the manifest's
// adlcp:masteryscore and score.raw (Moodle; scorm-again with mastery_override) ends up with.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ReportingMode } from '../../src/model/course.js';
import { buildCourse, folderName } from '../../src/index.js';
import { describeInBrowser, launchChromium } from '../helpers/browser.js';
import { COURSE_ID, startCourseServer, type CourseServer } from '../helpers/packaged-course.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { HarnessPage } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { cmiViolations, sessionViolations } from '../helpers/scorm-rules.js';

const LANG = 'de';

interface Variant {
  reporting: ReportingMode;
  attempts: number;
  /** Per attempt: pass or fail. */
  attemptsTaken: Array<'pass' | 'fail'>;
  statuses: string[];
  finalStatus: string;
  scoresReported: number;
  exit: string;
}

const VARIANTS: Variant[] = [
  { reporting: 'passed-failed', attempts: 2, attemptsTaken: ['fail', 'fail'], statuses: ['incomplete', 'failed'], finalStatus: 'failed', scoresReported: 2, exit: '' },
  { reporting: 'passed-failed', attempts: 2, attemptsTaken: ['fail', 'pass'], statuses: ['incomplete', 'failed', 'passed'], finalStatus: 'passed', scoresReported: 2, exit: '' },
  // The last attempt failed: finished without passing, reported as failed with the score.
  { reporting: 'passed-incomplete', attempts: 1, attemptsTaken: ['fail'], statuses: ['incomplete', 'failed'], finalStatus: 'failed', scoresReported: 1, exit: '' },
  { reporting: 'passed-incomplete', attempts: 2, attemptsTaken: ['fail'], statuses: ['incomplete'], finalStatus: 'incomplete', scoresReported: 0, exit: 'suspend' },
  { reporting: 'completed-failed', attempts: 1, attemptsTaken: ['pass'], statuses: ['incomplete', 'completed'], finalStatus: 'completed', scoresReported: 1, exit: '' },
  { reporting: 'completed-incomplete', attempts: 3, attemptsTaken: ['fail'], statuses: ['incomplete'], finalStatus: 'incomplete', scoresReported: 1, exit: 'suspend' },
];

async function buildVariant(reporting: ReportingMode, attempts: number): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `scormdown-${reporting}-`));
  const courseDir = path.join(root, 'course');
  await fs.cp(SHIPPED_COURSE, courseDir, { recursive: true });
  const config = await fs.readFile(path.join(courseDir, 'course.yaml'), 'utf8');
  await fs.writeFile(path.join(courseDir, 'course.yaml'), config.replace(/^reporting: .*$/m, `reporting: ${reporting}`).replace(/^attempts: .*$/m, `attempts: ${attempts}`));
  const result = await buildCourse({ courseDir, outDir: path.join(root, 'dist'), languages: [LANG] });
  if (!result.editions[0]?.built) throw new Error(`The ${reporting} variant did not build: ${JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))}`);
  return path.join(root, 'dist');
}

describeInBrowser('reporting modes', () => {
  let browser: Browser;
  const servers: CourseServer[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const served of servers) await served.server.close();
  });

  it.each(VARIANTS)('$reporting, $attempts attempt(s), taken $attemptsTaken → $finalStatus', async (variant) => {
    const served = await startCourseServer(await buildVariant(variant.reporting, variant.attempts));
    servers.push(served);
    const manifest = await fs.readFile(path.join(served.outDir, folderName(COURSE_ID, LANG), 'imsmanifest.xml'), 'utf8');
    const mastery = /<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/.exec(manifest)?.[1];
    expect(mastery !== undefined).toBe(variant.reporting.startsWith('passed'));
    const course = served.course(LANG);
    const assessment = course.lessons.find((lesson) => lesson.assessment)!;

    const harness = await HarnessPage.open(browser, served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: served.packageUrl(LANG), masteryScore: mastery === undefined ? null : Number(mastery) });
      const learner = new PointerLearner(frame, harness, course);
      await learner.go(`#toc a[data-lesson-link="${assessment.id}"]`, assessment.title);
      for (const [attempt, outcome] of variant.attemptsTaken.entries()) {
        if (attempt > 0) await learner.go('[data-action="retry-assessment"]', assessment.title);
        for (const [index, id] of assessment.questions.entries()) {
          const right = outcome === 'pass' || (index + attempt) % 2 === 0;
          await learner.setAnswer(id, right ? rightAnswer(course.questions[id]!) : wrongAnswer(course.questions[id]!));
        }
        await learner.click('[data-action="submit-assessment"]', 'submit');
      }
      const retry = frame.locator('[data-action="retry-assessment"]');
      expect(await retry.count()).toBe(variant.exit === 'suspend' ? 1 : 0);
      await learner.click('#exit', 'exit');
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      expect(sessionViolations(calls)).toEqual([]);
      expect(calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.lesson_status').map((call) => call.args[1])).toEqual(variant.statuses);
      expect(calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.score.raw')).toHaveLength(variant.scoresReported);
      expect(cmiViolations(persisted!)).toEqual([]);
      // The status we set is the status the LMS keeps after applying masteryscore itself.
      expect(persisted!.core.lesson_status).toBe(variant.finalStatus);
      expect(persisted!.core.exit).toBe(variant.exit);
    } finally {
      await harness.dispose();
    }
  });
});
