// Which lessons are complete and whether the assessment is over.
import type { LearnerState } from './learner-state.js';
import { assessmentLesson, type CourseShape, type ShapeLesson } from './course-shape.js';
import { hasPassed } from './scoring.js';

export interface ProgressCourse extends CourseShape {
  passMark: number;
}

/** Passed in this state, or recorded as passed by the LMS. */
export function hasPassedAssessment(course: ProgressCourse, state: LearnerState): boolean {
  return hasPassed(state.assessment.score, course.passMark) || state.assessment.recorded !== undefined;
}

/** The score to show: this state's, or the one the LMS recorded with its pass. */
export function shownScore(state: LearnerState): number | null {
  const { score, recorded } = state.assessment;
  if (recorded === undefined) return score;
  if (score === null) return recorded.score;
  return recorded.score === null ? score : Math.max(score, recorded.score);
}

/** The learner submitted the last attempt allowed without passing. */
export function attemptsExhausted(course: ProgressCourse, state: LearnerState): boolean {
  const { attempt, submitted } = state.assessment;
  return course.attempts > 0 && submitted && attempt >= course.attempts && !hasPassedAssessment(course, state);
}

/** Passed, or out of attempts: nothing more to do in the assessment. */
export function assessmentFinished(course: ProgressCourse, state: LearnerState): boolean {
  return hasPassedAssessment(course, state) || attemptsExhausted(course, state);
}

/** A failed, submitted attempt with attempts left. */
export function canRetryAssessment(course: ProgressCourse, state: LearnerState): boolean {
  const { attempt, submitted } = state.assessment;
  return submitted && !hasPassedAssessment(course, state) && (course.attempts === 0 || attempt < course.attempts);
}

/**
 * Every knowledge check of an ordinary lesson answered: in this state, or at some point before as
 * recorded in `state.completed`. The second half matters after a resume, because suspend_data
 * may have dropped some of the answers; a lesson once complete therefore stays complete (also
 * when an author later adds a check to it).
 */
export function knowledgeChecksDone(lesson: ShapeLesson, state: LearnerState): boolean {
  return state.completed.has(lesson.id) || lesson.questions.every((id) => state.checks.has(id));
}

/** A lesson is complete when opened and its knowledge checks done; the assessment when finished. */
export function isLessonComplete(course: ProgressCourse, state: LearnerState, lessonId: string): boolean {
  const lesson = course.lessons.find((candidate) => candidate.id === lessonId);
  if (lesson === undefined || !state.visited.has(lessonId)) return false;
  if (lesson.assessment) return assessmentFinished(course, state);
  return knowledgeChecksDone(lesson, state);
}

export function completedLessonCount(course: ProgressCourse, state: LearnerState): number {
  return course.lessons.filter((lesson) => isLessonComplete(course, state, lesson.id)).length;
}

export function hasAssessment(course: CourseShape): boolean {
  return assessmentLesson(course) !== undefined;
}
