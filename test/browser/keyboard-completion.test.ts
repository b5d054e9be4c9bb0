// For every language package: a learner on a 320 px wide screen takes the whole course by
// keyboard alone under a scorm-again LMS, fails the assessment once, retries, passes, reads the
// results and exits. Every API call is then checked against the strict SCORM 1.2 rules.
import { expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import type { Answer } from '../../src/runtime/logic/learner-state.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { scoreAttempt } from '../../src/runtime/logic/scoring.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { SHIPPED_LANGUAGES } from '../helpers/packaged-course.js';
import { HarnessPage } from '../helpers/lms-harness.js';
import { KeyboardLearner } from '../helpers/keyboard-learner.js';
import { expectedResponse, rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { cmiViolations, sessionViolations } from '../helpers/scorm-rules.js';

const NARROW = { width: 320, height: 640 };

/** Attempt 1 fails (only the first third right); attempt 2 passes with one mistake. */
function attemptAnswers(course: RuntimeCourse, ids: readonly string[], attempt: 1 | 2): Map<string, Answer> {
  return new Map(ids.map((id, index) => {
    const question = course.questions[id]!;
    const right = attempt === 1 ? index < ids.length / 3 : index !== 1;
    return [id, right ? rightAnswer(question) : wrongAnswer(question)];
  }));
}

describeInBrowser('keyboard-only completion in every language', () => {
  const setup = useBrowserWithCourses();

  it.each(SHIPPED_LANGUAGES)('%s: keyboard only, fail then pass, strict CMI', async (lang) => {
    const course = setup.served.course(lang);
    const strings = course.strings;
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, NARROW);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(lang) });
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

      expect(sessionViolations(calls)).toEqual([]);
      const commits = calls.filter((call) => call.name === 'LMSCommit').length;
      expect(commits).toBeGreaterThan(0);
      expect(commits).toBeLessThanOrEqual(learner.actions + 1);

      // The CMI the LMS kept (after its own masteryscore override at LMSFinish).
      const cmi = persisted!;
      expect(cmiViolations(cmi)).toEqual([]);
      const secondScore = scoreAttempt(assessment.questions, course.questions, second).score;
      expect(secondScore).toBeGreaterThanOrEqual(course.passMark);
      expect(cmi.core.lesson_status).toBe('passed');
      expect(cmi.core.score).toEqual({ raw: String(secondScore), min: '0', max: '100' });
      expect(cmi.core.exit).toBe('');
      expect(cmi.core.lesson_location).toBe(':results');
      // Status moved incomplete → passed only; the failed attempt reported no score (passed-incomplete).
      const statuses = calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.lesson_status').map((call) => call.args[1]);
      expect(statuses).toEqual(['incomplete', 'passed']);
      expect(calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.score.raw').map((call) => call.args[1])).toEqual([String(secondScore)]);

      // Interactions: both attempts, every question, responses as given.
      const interactions = Object.values(cmi.interactions);
      expect(interactions).toHaveLength(assessment.questions.length * 2);
      for (const [attempt, answers] of [first, second].entries()) {
        for (const [index, id] of assessment.questions.entries()) {
          const interaction = interactions[attempt * assessment.questions.length + index]!;
          expect(interaction.id).toBe(id);
          expect(interaction.student_response).toBe(expectedResponse(answers.get(id)!));
          expect(interaction.result).toBe(scoreAttempt([id], course.questions, answers).correct === 1 ? 'correct' : 'wrong');
        }
      }

      // suspend_data holds what the learner did.
      const state = decodeLearnerState(course, cmi.suspend_data);
      expect([...state.visited].sort()).toEqual(course.lessons.map((lesson) => lesson.id).sort());
      expect(state.checks).toEqual(checkAnswers);
      expect(state.assessment).toMatchObject({ attempt: 2, submitted: true, score: secondScore });
    } finally {
      await harness.dispose();
    }
  });
});
