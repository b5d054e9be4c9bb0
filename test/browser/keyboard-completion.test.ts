// For every language package of both targets: a learner on a 320 px wide screen takes the whole
// course by keyboard alone under a scorm-again LMS (Scorm12API, Scorm2004API), fails the
// assessment once, retries, passes, reads the results and exits. Every API call is then checked
// against the strict rules of the target (SCORM 1.2, SCORM 2004).
import { expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import type { Answer } from '../../src/runtime/logic/learner-state.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { scoreAttempt } from '../../src/runtime/logic/scoring.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { SHIPPED_LANGUAGES } from '../helpers/packaged-course.js';
import { HarnessPage, TARGETS, type Cmi, type Cmi2004, type Target } from '../helpers/lms-harness.js';
import { KeyboardLearner } from '../helpers/keyboard-learner.js';
import { expectedResponse, rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { rulesFor } from '../helpers/target-rules.js';

const NARROW = { width: 320, height: 640 };

/** Attempt 1 fails (only the first third right); attempt 2 passes with one mistake. */
function attemptAnswers(course: RuntimeCourse, ids: readonly string[], attempt: 1 | 2): Map<string, Answer> {
  return new Map(ids.map((id, index) => {
    const question = course.questions[id]!;
    const right = attempt === 1 ? index < ids.length / 3 : index !== 1;
    return [id, right ? rightAnswer(question) : wrongAnswer(question)];
  }));
}

const RUNS = TARGETS.flatMap((target) => SHIPPED_LANGUAGES.map((lang): [string, Target] => [lang, target]));

describeInBrowser('keyboard-only completion in every language', () => {
  const setup = useBrowserWithCourses();

  it.each(RUNS)('%s %s: keyboard only, fail then pass, strict CMI', async (lang, target) => {
    const course = setup.served.course(lang, target);
    const strings = course.strings;
    const rules = rulesFor(target);
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, NARROW, target);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(lang, target) });
      const learner = new KeyboardLearner(harness.page, frame, harness, course);
      const checkAnswers = new Map<string, Answer>();
      const assessment = course.lessons.find((lesson) => lesson.assessment)!;

      for (const [index, lesson] of course.lessons.entries()) {
        if (lesson.assessment) break;
        for (const [position, id] of lesson.questions.entries()) {
          const answer = position % 2 === 0 ? rightAnswer(course.questions[id]!) : wrongAnswer(course.questions[id]!);
          await learner.answerCheck(id, answer);
          checkAnswers.set(id, answer);
          // Immediate feedback with the explanation, announced in the live region.
          const verdict = position % 2 === 0 ? strings['question.correct']! : strings['question.incorrect']!;
          await expect.poll(() => frame.locator('#live').textContent()).toContain(verdict);
          expect(await frame.locator(`#q-${id} .question-feedback`).isVisible()).toBe(true);
          expect(await frame.locator(`#q-${id} .question-explanation`).isVisible()).toBe(true);
        }
        const nextLesson = course.lessons[index + 1]!;
        await learner.pressAndArrive('#next', `next to ${nextLesson.id}`, nextLesson.title);
        // 320 px wide: nothing sticks out sideways.
        expect(await frame.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(NARROW.width);
      }

      const first = attemptAnswers(course, assessment.questions, 1);
      await learner.takeAssessment(first);
      expect(await frame.locator('.assessment-result').textContent()).toContain(strings['results.failed']!);
      await learner.tabTo('[data-action="retry-assessment"]');
      await learner.act('retry', () => harness.page.keyboard.press('Enter'), () => learner.waitForHeadingFocus(assessment.title));
      const second = attemptAnswers(course, assessment.questions, 2);
      await learner.takeAssessment(second);
      expect(await frame.locator('.assessment-result').textContent()).toContain(strings['results.passed']!);
      await learner.pressAndArrive('#next', 'results', strings['results.title']!);
      expect(await frame.locator('main').textContent()).toContain(strings['results.passed']!);
      await learner.tabTo('#exit', { backwards: true });
      await learner.act('exit', () => harness.page.keyboard.press('Enter'));
      // Saved is said only once the last commit and LMSFinish returned "true".
      expect((await frame.locator('.exit-message').textContent())?.trim()).toBe(strings['exit.done']!);
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);

      expect(rules.sessionViolations(calls)).toEqual([]);
      const commits = calls.filter((call) => call.name === rules.names.commit).length;
      expect(commits).toBeGreaterThan(0);
      expect(commits).toBeLessThanOrEqual(learner.actions + 1);
      const sets = (element: string) => calls.filter((call) => call.name === rules.names.setValue && call.args[0] === element).map((call) => call.args[1]);

      // The CMI the LMS kept (after its own status rules at the finish).
      expect(persisted).not.toBeNull();
      expect(rules.cmiViolations(persisted!)).toEqual([]);
      const record = rules.view(persisted!);
      const firstScore = scoreAttempt(assessment.questions, course.questions, first).score;
      const secondScore = scoreAttempt(assessment.questions, course.questions, second).score;
      expect(secondScore).toBeGreaterThanOrEqual(course.passMark);
      expect(record.location).toBe(':results');
      expect(record.exit).toBe('done');
      if (target === 'scorm12') {
        const cmi = persisted as Cmi;
        expect(cmi.core.lesson_status).toBe('passed');
        expect(cmi.core.score).toEqual({ raw: String(secondScore), min: '0', max: '100' });
        expect(cmi.core.exit).toBe('');
        // Status moved incomplete → passed only; the failed attempt reported no score (passed-incomplete).
        expect(sets('cmi.core.lesson_status')).toEqual(['incomplete', 'passed']);
        expect(sets('cmi.core.score.raw')).toEqual([String(secondScore)]);
      } else {
        const cmi = persisted as Cmi2004;
        // Completion and success apart: incomplete until every lesson is done, failed after the
        // first attempt, then passed, each attempt's score reported.
        expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal' });
        expect(cmi.score).toEqual({ scaled: String(Math.round(secondScore * 100) / 10000), raw: String(secondScore), min: '0', max: '100' });
        expect(sets('cmi.completion_status')).toEqual(['incomplete', 'completed']);
        expect(sets('cmi.success_status')).toEqual(['failed', 'passed']);
        expect(sets('cmi.score.raw')).toEqual([String(firstScore), String(secondScore)]);
        expect(sets('cmi.exit').at(-1)).toBe('normal');
        // The learner's own exit asks the LMS to close the course.
        expect(sets('adl.nav.request')).toEqual(['exitAll']);
      }

      // Interactions: both attempts, every question, responses as given.
      const interactions = record.interactions;
      expect(interactions).toHaveLength(assessment.questions.length * 2);
      for (const [attempt, answers] of [first, second].entries()) {
        for (const [index, id] of assessment.questions.entries()) {
          const interaction = interactions[attempt * assessment.questions.length + index]!;
          expect(interaction.id).toBe(id);
          expect(interaction.response).toBe(expectedResponse(answers.get(id)!, target));
          expect(interaction.correct).toBe(scoreAttempt([id], course.questions, answers).correct === 1);
        }
      }

      // suspend_data holds what the learner did.
      const state = decodeLearnerState(course, record.suspendData);
      expect([...state.visited].sort()).toEqual(course.lessons.map((lesson) => lesson.id).sort());
      expect(state.checks).toEqual(checkAnswers);
      expect(state.assessment).toMatchObject({ attempt: 2, submitted: true, score: secondScore });
    } finally {
      await harness.dispose();
    }
  });
});
