// A whole course, passed and failed, for both targets, under scorm-again (Scorm12API,
// Scorm2004API): the German learner reads every lesson, answers every knowledge check, and either
// passes the assessment at the first attempt or fails all three, then reads the results and exits.
// Every call keeps the strict rules of its version, and the CMI the LMS kept is the one each
// version should hold: SCORM 1.2 one lesson_status; SCORM 2004 completion and success apart. With
// SCORMDOWN_CMI_OUT=<folder> the final CMI of each run is written there as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { scoreAttempt } from '../../src/runtime/logic/scoring.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, TARGETS, type Target } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { rulesFor } from '../helpers/target-rules.js';

const LANG = 'de';
type Outcome = 'passed' | 'failed';
const RUNS = TARGETS.flatMap((target) => (['passed', 'failed'] as const).map((outcome): [Target, Outcome] => [target, outcome]));

describeInBrowser('pass and fail, whole course', () => {
  const setup = useBrowserWithCourses();

  it.each(RUNS)('%s: %s', async (target, outcome) => {
    const course = setup.served.course(LANG, target);
    const rules = rulesFor(target);
    const assessment = course.lessons.find((lesson) => lesson.assessment)!;
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
      const learner = new PointerLearner(frame, harness, course);
      for (const [index, lesson] of course.lessons.entries()) {
        if (index > 0) await learner.go('#next', lesson.title);
        if (lesson.assessment) break;
        for (const id of lesson.questions) await learner.answerCheck(id, rightAnswer(course.questions[id]!));
      }
      const attempts = outcome === 'passed' ? 1 : course.attempts;
      // A pass: every answer right; a fail: the first two right of each attempt.
      const answerFor = (id: string, position: number) => (outcome === 'passed' || position < 2 ? rightAnswer(course.questions[id]!) : wrongAnswer(course.questions[id]!));
      for (let attempt = 1; attempt <= attempts; attempt++) {
        for (const [position, id] of assessment.questions.entries()) await learner.setAnswer(id, answerFor(id, position));
        await learner.click('[data-action="submit-assessment"]', `submit ${attempt}`);
        if (attempt < attempts) await learner.go('[data-action="retry-assessment"]', assessment.title);
      }
      const answers = new Map(assessment.questions.map((id, position) => [id, answerFor(id, position)]));
      const score = scoreAttempt(assessment.questions, course.questions, answers).score;
      expect(score >= course.passMark).toBe(outcome === 'passed');
      await learner.go('#next', course.strings['results.title']!);
      await learner.click('#exit', 'exit');
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course.strings['exit.done']);
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      expect(rules.sessionViolations(calls)).toEqual([]);
      expect(rules.cmiViolations(persisted!)).toEqual([]);

      const out = process.env.SCORMDOWN_CMI_OUT;
      if (out !== undefined && out !== '') {
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, `${LANG}-${target}-${outcome}.json`), `${JSON.stringify(persisted, null, 2)}\n`);
      }

      const record = rules.view(persisted!);
      // Done either way: every lesson complete, the assessment passed or out of attempts.
      expect(record).toMatchObject({ location: ':results', exit: 'done', score: String(score), passed: outcome === 'passed' });
      if (target === 'scorm12') expect(record.lessonStatus).toBe(outcome);
      else expect(record).toMatchObject({ completion: 'completed', success: outcome });
      expect(record.interactions).toHaveLength(assessment.questions.length * attempts);
      const state = decodeLearnerState(course, record.suspendData);
      expect([...state.visited].sort()).toEqual(course.lessons.map((lesson) => lesson.id).sort());
      expect(state.assessment).toMatchObject({ attempt: attempts, submitted: true, score });
    } finally {
      await harness.dispose();
    }
  }, 120_000);
});
