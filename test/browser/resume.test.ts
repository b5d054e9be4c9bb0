// Leaving and coming back, for both targets: close mid-course and relaunch with entry=resume
// (every language), and close at seeded random moments (20, or 100 with SCORMDOWN_SOAK=1)
// checking that no answer the learner gave is ever lost.
import { expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import { emptyLearnerState, type Answer, type LearnerState } from '../../src/runtime/logic/learner-state.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { scoreAttempt } from '../../src/runtime/logic/scoring.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { SHIPPED_LANGUAGES } from '../helpers/packaged-course.js';
import { HarnessPage, TARGETS, type CmiOf, type Target } from '../helpers/lms-harness.js';
import { PointerLearner, formStateOf } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { rulesFor } from '../helpers/target-rules.js';

const MOMENTS = process.env.SCORMDOWN_SOAK === '1' ? 100 : 20;

describeInBrowser('resume', () => {
  const setup = useBrowserWithCourses();

  const runs = TARGETS.flatMap((target) => SHIPPED_LANGUAGES.map((lang): [string, Target] => [lang, target]));

  it.each(runs)('%s %s: close mid-course, relaunch with entry=resume: same lesson, same order, answers kept', async (lang, target) => {
    const course = setup.served.course(lang, target);
    const rules = rulesFor(target);
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);
    try {
      const [, second, third] = course.lessons;
      const assessment = course.lessons.find((lesson) => lesson.assessment)!;
      const launched = await harness.launch({ url: setup.served.packageUrl(lang, target) });
      const learner = new PointerLearner(launched.frame, harness, course);
      await learner.go('#next', second!.title);
      const checks = new Map(second!.questions.map((id, index): [string, Answer] => [id, index % 2 === 0 ? rightAnswer(course.questions[id]!) : wrongAnswer(course.questions[id]!)]));
      for (const [id, answer] of checks) await learner.answerCheck(id, answer);
      await learner.go(`#toc a[data-lesson-link="${assessment.id}"]`, assessment.title);
      const order = await learner.screenOrder();
      const drafts = new Map(assessment.questions.slice(0, Math.ceil(assessment.questions.length / 2)).map((id, index): [string, Answer] => [id, index % 3 === 0 ? wrongAnswer(course.questions[id]!) : rightAnswer(course.questions[id]!)]));
      for (const [id, answer] of drafts) await learner.setAnswer(id, answer);
      const { persisted } = await harness.close();
      const firstCalls = await harness.calls(launched.session);
      expect(rules.lifecycleViolations(firstCalls)).toEqual([]);
      expect(rules.failedCalls(firstCalls)).toEqual([]);
      expect(rules.view(persisted!)).toMatchObject({ exit: 'suspend', location: assessment.id, lessonStatus: target === 'scorm12' ? 'incomplete' : '', completion: target === 'scorm2004' ? 'incomplete' : '' });

      const relaunched = await harness.launch({ url: setup.served.packageUrl(lang, target), cmi: persisted });
      const back = new PointerLearner(relaunched.frame, harness, course);
      expect(await back.heading()).toBe(assessment.title);
      expect(await back.screenOrder()).toEqual(order);
      for (const id of assessment.questions) expect(await back.formState(id), id).toEqual(formStateOf(drafts.get(id)));
      expect((await relaunched.frame.locator('#notice').innerText()).trim()).toBe(course.strings['resume.notice']);
      const mark = (lessonId: string) => relaunched.frame.locator(`#toc [data-lesson="${lessonId}"] .toc-state`).getAttribute('data-state');
      expect(await mark(course.lessons[0]!.id)).toBe(course.lessons[0]!.questions.length === 0 ? 'complete' : 'visited');
      expect(await mark(second!.id)).toBe('complete');
      expect(await mark(third!.id)).toBe('not-visited');
      expect(await mark(assessment.id)).toBe('visited');

      await back.go(`#toc a[data-lesson-link="${second!.id}"]`, second!.title);
      // The greeting has done its job once the learner moves on.
      expect(await relaunched.frame.locator('#notice').isVisible()).toBe(false);
      for (const [id, answer] of checks) {
        expect(await back.formState(id), id).toEqual(formStateOf(answer));
        expect(await relaunched.frame.locator(`#q-${id} .question-feedback`).isVisible()).toBe(true);
      }
      await harness.close();
      const secondCalls = await harness.calls(relaunched.session);
      expect(secondCalls.find((call) => call.args[0] === rules.elements.entry)?.result).toBe('resume');
      expect(rules.lifecycleViolations(secondCalls, persisted)).toEqual([]);
      expect(rules.valueViolations(secondCalls)).toEqual([]);
      expect(rules.failedCalls(secondCalls)).toEqual([]);
      expect(rules.commitViolations(secondCalls)).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it.each(TARGETS)(`de %s: close at ${MOMENTS} seeded random moments; no answer given is ever lost`, async (target) => {
    const lang = 'de';
    const course = setup.served.course(lang, target);
    const rules = rulesFor(target);
    const random = seededRandom(20240611);
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);
    try {
      let cmi: CmiOf<Target> | null = null;
      let model = emptyLearnerState();
      let location = course.lessons[0]!.id;
      let moments = 0;
      let learners = 1;
      while (moments < MOMENTS) {
        const launched = await harness.launch({ url: setup.served.packageUrl(lang, target), cmi });
        const learner = new PointerLearner(launched.frame, harness, course);
        // Back where the learner left, with every answer shown again.
        expect(await learner.heading()).toBe(titleOf(course, location));
        await expectFormsShowModel(learner, course, model, location);

        const steps = 1 + Math.floor(random() * 6);
        let done = false;
        for (let step = 0; step < steps && !done; step++) {
          const settle = random() < 0.5 || step < steps - 1;
          const outcome = await randomAction(learner, course, model, location, random, settle);
          location = outcome.location;
          done = outcome.exited;
        }
        const { persisted } = await harness.close();
        moments++;
        const calls = await harness.calls(launched.session);
        expect(rules.lifecycleViolations(calls, cmi), `moment ${moments}`).toEqual([]);
        expect(rules.failedCalls(calls)).toEqual([]);
        expect(rules.valueViolations(calls)).toEqual([]);

        const record = rules.view(persisted!);
        expectStateKept(decodeLearnerState(course, record.suspendData), model, `moment ${moments}`);
        expect(record.location).toBe(location);
        if (record.exit === 'done') {
          // Finished: the LMS starts a new attempt; a new learner takes over.
          cmi = null;
          model = emptyLearnerState();
          location = course.lessons[0]!.id;
          learners++;
        } else cmi = persisted;
      }
      expect(moments).toBe(MOMENTS);
      expect(learners).toBeGreaterThanOrEqual(1);
    } finally {
      await harness.dispose();
    }
  }, 240_000);
});

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    state ^= state >>> 13;
    return (state >>> 0) / 4294967296;
  };
}

function titleOf(course: RuntimeCourse, location: string): string {
  return location === ':results' ? course.strings['results.title']! : course.lessons.find((lesson) => lesson.id === location)!.title;
}

async function expectFormsShowModel(learner: PointerLearner, course: RuntimeCourse, model: LearnerState, location: string): Promise<void> {
  const lesson = course.lessons.find((candidate) => candidate.id === location);
  if (lesson === undefined) return;
  for (const id of lesson.questions) {
    const answer = lesson.assessment ? model.assessment.answers.get(id) : model.checks.get(id);
    expect(await learner.formState(id), `${location} ${id}`).toEqual(formStateOf(answer));
  }
}

function expectStateKept(decoded: LearnerState, model: LearnerState, moment: string): void {
  for (const lesson of model.visited) expect(decoded.visited.has(lesson), `${moment}: visited ${lesson}`).toBe(true);
  for (const [id, answer] of model.checks) expect(decoded.checks.get(id), `${moment}: check ${id}`).toEqual(answer);
  expect(decoded.assessment.attempt, `${moment}: attempt`).toBe(model.assessment.attempt);
  expect(decoded.assessment.submitted, `${moment}: submitted`).toBe(model.assessment.submitted);
  expect(decoded.assessment.score, `${moment}: score`).toBe(model.assessment.score);
  expect(new Map(decoded.assessment.answers), `${moment}: assessment answers`).toEqual(model.assessment.answers);
}

/** One random learner action; the model records what the learner did. */
async function randomAction(learner: PointerLearner, course: RuntimeCourse, model: LearnerState, location: string, random: () => number, settle: boolean): Promise<{ location: string; exited: boolean }> {
  const index = course.lessons.findIndex((lesson) => lesson.id === location);
  const lesson = course.lessons[index];
  const pick = (id: string): Answer => (random() < 0.6 ? rightAnswer(course.questions[id]!) : wrongAnswer(course.questions[id]!));
  const visit = async (targetIndex: number): Promise<string> => {
    const target = course.lessons[targetIndex];
    if (target === undefined) {
      await learner.go('#next', course.strings['results.title']!, { settle });
      return ':results';
    }
    await learner.go(`#toc a[data-lesson-link="${target.id}"]`, target.title, { settle });
    model.visited.add(target.id);
    if (target.assessment && model.assessment.attempt === 0) model.assessment.attempt = 1;
    return target.id;
  };
  if (lesson === undefined) {
    // On the results screen: leave by the exit button (done) or go back to the start.
    if (random() < 0.5) {
      await learner.click('#exit', 'exit', { settle });
      return { location, exited: true };
    }
    return { location: await visit(0), exited: false };
  }
  if (!lesson.assessment) {
    const open = lesson.questions.filter((id) => !model.checks.has(id) || random() < 0.2);
    const question = open[0];
    if (question !== undefined && random() < 0.7) {
      const answer = pick(question);
      await learner.answerCheck(question, answer, { settle });
      model.checks.set(question, answer);
      return { location, exited: false };
    }
    return { location: await visit(index + 1), exited: false };
  }
  const attempt = model.assessment;
  if (!attempt.submitted) {
    const open = lesson.questions.filter((id) => !attempt.answers.has(id));
    const question = open[Math.floor(random() * open.length)];
    if (question !== undefined) {
      const answer = pick(question);
      await learner.setAnswer(question, answer, { settle });
      attempt.answers.set(question, answer);
      return { location, exited: false };
    }
    await learner.click('[data-action="submit-assessment"]', 'submit', { settle });
    attempt.submitted = true;
    attempt.score = scoreAttempt(lesson.questions, course.questions, attempt.answers).score;
    return { location, exited: false };
  }
  const canRetry = attempt.score! < course.passMark && (course.attempts === 0 || attempt.attempt < course.attempts);
  if (canRetry && random() < 0.7) {
    await learner.go('[data-action="retry-assessment"]', lesson.title, { settle });
    model.assessment = { attempt: attempt.attempt + 1, seed: 0, submitted: false, answers: new Map(), score: attempt.score };
    return { location, exited: false };
  }
  return { location: await visit(index + 1), exited: false };
}
