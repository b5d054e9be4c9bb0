// What Moodle does to the record at LMSFinish, before it stores it, in its order:
//  1. a lesson_status still "not attempted" becomes "completed" (in every mode);
//  2. in normal mode with credit, when cmi.student_data.mastery_score and cmi.core.score.raw are
//     both set, lesson_status becomes "passed" if raw ≥ mastery score, else "failed", whatever the
//     SCO wrote (the activity's "mastery score overrides status" setting, on by default);
//  3. cmi.core.session_time is added to cmi.core.total_time.
// Moodle also has a rule turning "not attempted" into "browsed" in browse mode, but it runs after
// rule 1, so it never applies: a browse-mode session the SCO left "not attempted" ends "completed".
// LMSCommit applies none of these.
import { addTimespans } from '../scorm12/timespan.js';

export interface FinishInputs {
  lessonStatus: string;
  lessonMode: string;
  credit: string;
  masteryScore: string;
  scoreRaw: string;
  totalTime: string;
  sessionTime: string;
  /** Moodle's per-activity setting; true unless an LMS says otherwise. */
  masteryOverride: boolean;
}

export interface FinishOutcome {
  lessonStatus: string;
  totalTime: string;
}

export function statusAtFinish(inputs: FinishInputs): string {
  const status = inputs.lessonStatus === 'not attempted' ? 'completed' : inputs.lessonStatus;
  const overrides = inputs.masteryOverride && inputs.lessonMode === 'normal' && inputs.credit === 'credit' && inputs.masteryScore !== '' && inputs.scoreRaw !== '';
  if (!overrides) return status;
  return Number.parseFloat(inputs.scoreRaw) >= Number.parseFloat(inputs.masteryScore) ? 'passed' : 'failed';
}

export function applyFinishRules(inputs: FinishInputs): FinishOutcome {
  return { lessonStatus: statusAtFinish(inputs), totalTime: addTimespans(inputs.totalTime, inputs.sessionTime) };
}
