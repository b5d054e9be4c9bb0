// cmi.core.lesson_status, score and exit from the learner state, per reporting mode.
//
// passed-incomplete (default): passed when the assessment is passed, otherwise incomplete.
// passed-failed: passed, or failed after a failed attempt (a later attempt may still pass).
// completed-incomplete / completed-failed: the same with "completed" instead of "passed"
// (no adlcp:masteryscore in the manifest, so the LMS never derives passed/failed itself).
// In every mode, a learner whose last allowed attempt failed is finished and did not pass:
// failed, with the score, so HR can tell them from a learner still at work.
// A course without an assessment is completed once every lesson is complete.
//
// LMSes such as Moodle override the status at LMSFinish from adlcp:masteryscore (= passMark) and
// score.raw. To agree with them, passed-incomplete reports score.raw only for a passing score:
// a raw score under the mastery score would turn our "incomplete" into "failed".
import type { LearnerState } from './learner-state.js';
import type { ReportingMode } from '../../model/course.js';
import { assessmentFinished, attemptsExhausted, completedLessonCount, hasAssessment, hasPassedAssessment, type ProgressCourse } from './course-progress.js';

/** The values we write; SCORM 1.2 also has "browsed" and "not attempted", which we never set. */
export type ReportedStatus = 'passed' | 'completed' | 'failed' | 'incomplete';

export interface StatusCourse extends ProgressCourse {
  reporting: ReportingMode;
}

export interface Reporting {
  status: ReportedStatus;
  /** score.raw to report (0–100, two decimals), or null to leave it unset. */
  score: number | null;
  /** "suspend" while the learner should come back, "" once done. */
  exit: 'suspend' | '';
  done: boolean;
}

export function reportingFor(course: StatusCourse, state: LearnerState): Reporting {
  const success: ReportedStatus = course.reporting.startsWith('passed') ? 'passed' : 'completed';
  const failure: ReportedStatus = course.reporting.endsWith('failed') ? 'failed' : 'incomplete';
  if (!hasAssessment(course)) {
    const done = completedLessonCount(course, state) === course.lessons.length;
    return { status: done ? 'completed' : 'incomplete', score: null, exit: done ? '' : 'suspend', done };
  }
  const { score } = state.assessment;
  const passed = hasPassedAssessment(course, state);
  const done = assessmentFinished(course, state);
  const exhausted = attemptsExhausted(course, state);
  const status: ReportedStatus = passed ? success : score === null ? 'incomplete' : exhausted ? 'failed' : failure;
  const reportedScore = course.reporting === 'passed-incomplete' && !passed && !exhausted ? null : score;
  return { status, score: reportedScore, exit: done ? '' : 'suspend', done };
}

const FINAL_STATUSES: readonly string[] = ['passed', 'completed', 'failed'];
const SUCCESS_STATUSES: readonly string[] = ['passed', 'completed'];

/** Stands for a lesson_status the LMS failed to return at launch (not a SCORM value, never written). */
export const UNREADABLE_STATUS = 'unreadable';

/**
 * The status to write given what the LMS reported at launch, or null to leave the LMS value:
 * never take back a success, and never turn a final verdict into "incomplete" (our state may
 * have been lost while the LMS kept its record). Compared case-insensitively.
 */
export function statusToWrite(computed: ReportedStatus, atLaunch: string): ReportedStatus | null {
  atLaunch = atLaunch.toLowerCase();
  // Unknown status at launch (the read failed): only a result earned now may replace it.
  if (atLaunch === UNREADABLE_STATUS && computed === 'incomplete') return null;
  // A success on record stays as the LMS holds it (passed is never turned into completed or back).
  if (SUCCESS_STATUSES.includes(atLaunch)) return null;
  if (FINAL_STATUSES.includes(atLaunch) && computed === 'incomplete') return null;
  return computed;
}

/** The score.raw to write, or null to leave the LMS's: a record's score never goes down. */
export function scoreToWrite(computed: number | null, atLaunch: number | null): number | null {
  if (computed === null) return null;
  return atLaunch !== null && computed < atLaunch ? null : computed;
}
