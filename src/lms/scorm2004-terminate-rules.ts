// What a SCORM 2004 LMS works out itself (RTE 4.2.4.1, 4.2.22.1 and ADL's sample RTE at
// Terminate), in this order:
//  1. cmi.session_time is added to cmi.total_time (at Terminate);
//  2. with a cmi.completion_threshold, completion_status follows cmi.progress_measure: completed
//     at or above the threshold, incomplete below it, unknown without a progress measure;
//  3. with a cmi.scaled_passing_score, success_status follows cmi.score.scaled: passed at or above
//     it, failed below it, unknown without a scaled score, whatever the SCO wrote.
// The statuses are worked out the same way when the SCO reads them with GetValue.
import { addDurations } from '../scorm2004/timeinterval.js';

export interface StatusInputs {
  completionStatus: string;
  successStatus: string;
  completionThreshold: string;
  progressMeasure: string;
  scaledPassingScore: string;
  scoreScaled: string;
}

export interface TerminateInputs extends StatusInputs {
  totalTime: string;
  sessionTime: string;
}

export interface TerminateOutcome {
  completionStatus: string;
  successStatus: string;
  totalTime: string;
}

export function evaluatedCompletion(inputs: StatusInputs): string {
  if (inputs.completionThreshold === '') return inputs.completionStatus;
  if (inputs.progressMeasure === '') return 'unknown';
  return Number(inputs.progressMeasure) >= Number(inputs.completionThreshold) ? 'completed' : 'incomplete';
}

export function evaluatedSuccess(inputs: StatusInputs): string {
  if (inputs.scaledPassingScore === '') return inputs.successStatus;
  if (inputs.scoreScaled === '') return 'unknown';
  return Number(inputs.scoreScaled) >= Number(inputs.scaledPassingScore) ? 'passed' : 'failed';
}

export function applyTerminateRules(inputs: TerminateInputs): TerminateOutcome {
  return {
    completionStatus: evaluatedCompletion(inputs),
    successStatus: evaluatedSuccess(inputs),
    totalTime: addDurations(inputs.totalTime, inputs.sessionTime),
  };
}
