// The results screen: verdict, score, pass mark and lessons completed.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { LearnerState } from '../logic/learner-state.js';
import type { UiText } from '../logic/ui-text.js';
import { formatNumber } from '../logic/ui-text.js';
import { attemptsExhausted, completedLessonCount, hasAssessment, hasPassedAssessment, shownScore } from '../logic/course-progress.js';
import { cloneTemplate, fillSlots } from './shell-templates.js';

function verdictKey(course: RuntimeCourse, state: LearnerState): string {
  if (!hasAssessment(course)) return completedLessonCount(course, state) === course.lessons.length ? 'results.completed' : 'results.notTaken';
  if (hasPassedAssessment(course, state)) return 'results.passed';
  return state.assessment.score === null ? 'results.notTaken' : 'results.failed';
}

export function renderResults(doc: Document, course: RuntimeCourse, state: LearnerState, text: UiText): DocumentFragment {
  const view = cloneTemplate(doc, 'tpl-results');
  const score = shownScore(state);
  fillSlots(view, {
    verdict: text(verdictKey(course, state)),
    score: hasAssessment(course) && score !== null ? text('results.score', { score: formatNumber(course.lang, score) }) : null,
    passMark: hasAssessment(course) ? text('results.passMark', { passMark: formatNumber(course.lang, course.passMark) }) : null,
    lessons: text('results.lessonsDone', { done: completedLessonCount(course, state), total: course.lessons.length }),
    noAttempts: hasAssessment(course) && attemptsExhausted(course, state) ? text('assessment.noAttemptsLeft') : null,
  });
  return view;
}
