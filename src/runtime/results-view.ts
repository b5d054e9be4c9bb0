// The results screen: verdict, score, pass mark and lessons completed.
import type { RuntimeCourse } from './course-shape.js';
import type { LearnerState } from './learner-state.js';
import type { UiText } from './ui-text.js';
import { formatNumber } from './ui-text.js';
import { completedLessonCount, hasAssessment, hasPassedAssessment } from './course-progress.js';
import { cloneTemplate, fillSlots } from './shell-templates.js';

function verdictKey(course: RuntimeCourse, state: LearnerState): string {
  if (!hasAssessment(course)) return completedLessonCount(course, state) === course.lessons.length ? 'results.completed' : 'results.notTaken';
  if (state.assessment.score === null) return 'results.notTaken';
  return hasPassedAssessment(course, state) ? 'results.passed' : 'results.failed';
}

export function renderResults(doc: Document, course: RuntimeCourse, state: LearnerState, text: UiText): DocumentFragment {
  const view = cloneTemplate(doc, 'tpl-results');
  const { score } = state.assessment;
  fillSlots(view, {
    verdict: text(verdictKey(course, state)),
    score: hasAssessment(course) && score !== null ? text('results.score', { score: formatNumber(course.lang, score) }) : null,
    passMark: hasAssessment(course) ? text('results.passMark', { passMark: formatNumber(course.lang, course.passMark) }) : null,
    lessons: text('results.lessonsDone', { done: completedLessonCount(course, state), total: course.lessons.length }),
  });
  return view;
}
