// A package update in the LMS, end to end: version 1 of a course (a copy of the shipped German
// edition) is taken in part under the strict LMS double and closed; version 2 (version bumped, a
// lesson's text edited, a knowledge check added) replaces it at the same address, as an LMS does
// when HR uploads the new zip into the same activity; the learner's record from version 1 resumes
// in version 2 at the bookmark with every answer, both manifests carry the same identifiers, and
// `check --against` says the update keeps every record.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCourse } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import type { Answer } from '../../src/runtime/logic/learner-state.js';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import { describeInBrowser, launchChromium } from '../helpers/browser.js';
import { readPackagedCourse, startCourseServer, type CourseServer } from '../helpers/packaged-course.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { HarnessPage } from '../helpers/lms-harness.js';
import { PointerLearner, formStateOf } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { lifecycleViolations, valueViolations } from '../helpers/scorm-rules.js';
import { runCli } from '../helpers/run-cli.js';

const LANG = 'de';
const IMSCP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADDED_QUESTION = 'reliability-update';
const ADDED_TEXT = 'Neu in Version 1.1: Kundinnen und Kunden merken sich, wie schnell wir zurückrufen.';

describeInBrowser('package update', () => {
  let work: string;
  let courseDir: string;
  let dist: string;
  let uploaded: string;
  let browser: Browser;
  let served: CourseServer;

  async function build(): Promise<void> {
    const result = await buildCourse({ courseDir, outDir: dist, languages: [LANG] });
    if (!result.ok) throw new Error(`The course did not build: ${JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))}`);
  }

  async function lessonFile(index: number): Promise<string> {
    const names = (await fs.readdir(path.join(courseDir, LANG))).filter((name) => name.endsWith('.md')).sort();
    return path.join(courseDir, LANG, names[index]!);
  }

  async function manifestFacts(): Promise<{ identifiers: Record<string, string[]>; version: string | null | undefined }> {
    const doc = new DOMParser().parseFromString(await fs.readFile(path.join(served.packageDir(LANG), 'imsmanifest.xml'), 'utf8'), 'text/xml');
    const identifiers = Object.fromEntries(['manifest', 'organization', 'item', 'resource'].map((name) => [name, Array.from(doc.getElementsByTagNameNS(IMSCP, name)).map((element) => element.getAttribute('identifier') ?? '')]));
    return { identifiers, version: doc.documentElement?.getAttribute('version') };
  }

  /** Version 2: version bumped, the first lesson's text edited, a knowledge check added to the second. */
  async function editToVersion2(): Promise<void> {
    const config = path.join(courseDir, 'course.yaml');
    const yaml = await fs.readFile(config, 'utf8');
    expect(yaml).toMatch(/^version: .+$/m);
    await fs.writeFile(config, yaml.replace(/^version: .+$/m, 'version: "1.1.0"'));
    await fs.appendFile(await lessonFile(0), `\n${ADDED_TEXT}\n`);
    await fs.appendFile(await lessonFile(1), `\n:::question{#${ADDED_QUESTION} type=truefalse answer=true}\nEin schneller Rückruf stärkt das Vertrauen der Kunden.\n\n> Wer schnell zurückruft, zeigt, dass er zuverlässig ist.\n:::\n`);
  }

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-package-update-'));
    courseDir = path.join(work, 'course');
    dist = path.join(work, 'dist');
    uploaded = path.join(work, 'uploaded');
    await fs.cp(SHIPPED_COURSE, courseDir, { recursive: true });
    await build();
    // What HR uploaded first, kept to compare the next version with.
    await fs.cp(dist, uploaded, { recursive: true });
    [browser, served] = await Promise.all([launchChromium(), startCourseServer(dist)]);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.server.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  it('a learner of version 1 resumes in version 2 at the bookmark with every answer; identifiers stay, the version changes', async () => {
    const v1: RuntimeCourse = readPackagedCourse(served.packageDir(LANG));
    const v1Manifest = await manifestFacts();
    const [first, second] = v1.lessons;
    const assessment = v1.lessons.find((lesson) => lesson.assessment)!;
    const harness = await HarnessPage.openStrict(browser, served.strictHarnessUrl);
    try {
      // Version 1: the second lesson's checks, half of the assessment, then the learner closes the course.
      const launched = await harness.launch({ url: served.packageUrl(LANG) });
      const learner = new PointerLearner(launched.frame, harness, v1);
      await learner.go('#next', second!.title);
      const checks = new Map(second!.questions.map((id, index): [string, Answer] => [id, index % 2 === 0 ? rightAnswer(v1.questions[id]!) : wrongAnswer(v1.questions[id]!)]));
      for (const [id, answer] of checks) await learner.answerCheck(id, answer);
      await learner.go(`#toc a[data-lesson-link="${assessment.id}"]`, assessment.title);
      const drafts = new Map(assessment.questions.slice(0, Math.ceil(assessment.questions.length / 2)).map((id, index): [string, Answer] => [id, index % 3 === 0 ? wrongAnswer(v1.questions[id]!) : rightAnswer(v1.questions[id]!)]));
      for (const [id, answer] of drafts) await learner.setAnswer(id, answer);
      const { persisted } = await harness.close();
      expect(persisted?.core).toMatchObject({ exit: 'suspend', lesson_location: assessment.id, lesson_status: 'incomplete' });

      // Version 2 replaces version 1 at the same address.
      await editToVersion2();
      await build();
      const v2: RuntimeCourse = readPackagedCourse(served.packageDir(LANG));
      expect(v2.version).toBe('1.1.0');
      expect(v2.lessons[1]!.questions).toEqual([...second!.questions, ADDED_QUESTION]);
      const v2Manifest = await manifestFacts();
      expect(v2Manifest.identifiers).toEqual(v1Manifest.identifiers);
      expect(v1Manifest.identifiers.item).toEqual([`ITEM_${LANG}_customer-focus`]);
      expect([v1Manifest.version, v2Manifest.version]).toEqual(['1.0.0', '1.1.0']);

      // The version 2 course reads the record version 1 left.
      const restored = decodeLearnerState(v2, persisted!.suspend_data);
      expect([...restored.visited].sort()).toEqual([first!.id, second!.id, assessment.id].sort());
      expect(restored.completed.has(second!.id)).toBe(true);
      expect(restored.checks).toEqual(checks);
      expect(restored.assessment.answers).toEqual(drafts);
      expect(restored.assessment.attempt).toBe(1);

      const relaunched = await harness.launch({ url: served.packageUrl(LANG), cmi: persisted });
      const back = new PointerLearner(relaunched.frame, harness, v2);
      expect(await back.heading()).toBe(assessment.title);
      for (const id of assessment.questions) expect(await back.formState(id), id).toEqual(formStateOf(drafts.get(id)));
      const mark = (lessonId: string) => relaunched.frame.locator(`#toc [data-lesson="${lessonId}"] .toc-state`).getAttribute('data-state');
      // Complete in version 1, complete in version 2, although it has a check the learner has not answered.
      expect(await mark(second!.id)).toBe('complete');
      await back.go(`#toc a[data-lesson-link="${second!.id}"]`, second!.title);
      for (const [id, answer] of checks) expect(await back.formState(id), id).toEqual(formStateOf(answer));
      expect(await back.formState(ADDED_QUESTION)).toEqual(formStateOf(undefined));
      await back.go(`#toc a[data-lesson-link="${first!.id}"]`, first!.title);
      expect(await relaunched.frame.locator('main').innerText()).toContain(ADDED_TEXT);
      const { persisted: after } = await harness.close();
      const calls = await harness.calls(relaunched.session);
      expect(calls.find((call) => call.args[0] === 'cmi.core.entry')?.result).toBe('resume');
      expect(lifecycleViolations(calls, { initialStatus: 'incomplete', initialInteractions: 0 })).toEqual([]);
      expect(valueViolations(calls)).toEqual([]);

      // What version 2 saved still holds everything from version 1.
      const kept = decodeLearnerState(v2, after!.suspend_data);
      expect(kept.checks).toEqual(checks);
      expect(kept.assessment.answers).toEqual(drafts);
      expect(kept.completed.has(second!.id)).toBe(true);
      expect(after!.core.lesson_location).toBe(first!.id);
    } finally {
      await harness.dispose();
    }

    // The update check agrees: every record kept, the new question named.
    const check = await runCli(['check', '--course', courseDir, '--lang', LANG, '--against', uploaded]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(EXIT.ok);
    expect(check.stdout).toContain('✓ Learners who started the old package keep their records, progress and answers.');
    expect(check.stdout).toContain(`Question \`${ADDED_QUESTION}\` (knowledge check in lesson \`${second!.id}\`) is new`);
    expect(check.stdout).toContain('version 1.0.0 → 1.1.0');
  }, 120_000);
});
