// The results screen: the verdict, the score against the pass mark (in words and as a bar with the
// pass mark on it), lessons completed, what to do next, and a record to print: the course title,
// the learner's name when the LMS gives one, and the date.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { LearnerState } from '../logic/learner-state.js';
import type { UiText } from '../logic/ui-text.js';
import { formatNumber } from '../logic/ui-text.js';
import { attemptsExhausted, completedLessonCount, hasAssessment, hasPassedAssessment, shownScore } from '../logic/course-progress.js';
import { cloneTemplate, fillSlots } from './shell-templates.js';

/** `learnerName`: what the LMS calls the learner (cmi.core.student_name), "" when it gives no name. */
export function renderResults(doc: Document, course: RuntimeCourse, state: LearnerState, text: UiText, learnerName = ''): DocumentFragment {
  const view = cloneTemplate(doc, 'tpl-results');
  const assessed = hasAssessment(course);
  const score = assessed ? shownScore(state) : null;
  const done = completedLessonCount(course, state);
  const exhausted = assessed && attemptsExhausted(course, state);
  // Passed the assessment (or, without one, completed every lesson), failed an attempt, or neither yet.
  const good = assessed ? hasPassedAssessment(course, state) : done === course.lessons.length;
  const failed = !good && score !== null;
  const card = view.querySelector<HTMLElement>('.results-card');
  // The card's mark: a tick for a pass or a completed course, a cross for a failed attempt.
  if (card !== null && (good || failed)) card.dataset.result = good ? 'correct' : 'wrong';
  const meter = view.querySelector<HTMLElement>('.results-meter');
  // Through the CSSOM, which a content security policy without 'unsafe-inline' still allows.
  if (score === null) meter?.remove();
  else if (meter) meter.style.cssText = `--score:${Math.min(100, Math.max(0, score))}%;--pass:${course.passMark}%`;
  const name = learnerName.trim();
  fillSlots(view, {
    verdict: text(good ? (assessed ? 'results.passed' : 'results.completed') : failed ? 'results.failed' : 'results.notTaken'),
    score: score === null ? null : text('results.score', { score: formatNumber(course.lang, score) }),
    passMark: assessed ? text('results.passMark', { passMark: formatNumber(course.lang, course.passMark) }) : null,
    lessons: text('results.lessonsDone', { done, total: course.lessons.length }),
    next: good ? text('results.nextPassed') : !assessed || exhausted ? null : text(failed ? 'results.nextFailed' : 'results.nextNotTaken'),
    noAttempts: exhausted ? text('assessment.noAttemptsLeft') : null,
    learner: name === '' ? null : text('results.learner', { name }),
    date: text('results.date', { date: new Date().toLocaleDateString(course.lang, { dateStyle: 'long' }) }),
  });
  // After a pass the advice is to print and exit: for the screen, not for the printed record.
  if (good) view.querySelector('[data-slot="next"]')?.classList.add('results-screen-only');
  view.querySelector('[data-action="print"]')?.addEventListener('click', () => doc.defaultView?.print());
  return view;
}
