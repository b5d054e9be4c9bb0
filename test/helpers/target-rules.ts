// The strict rules and the record of either target under one interface, for browser tests that
// run the same learner against a SCORM 1.2 and a SCORM 2004 package: the checks of scorm-rules.ts
// (SCORM 1.2) or scorm2004-rules.ts (SCORM 2004), the version's element and method names, and a
// view of the kept record in the course's own terms (bookmark, state, score, how it ended,
// interactions) with the version's statuses beside it.
import type { ApiCall, Cmi, Cmi2004, CmiOf, MethodOf, Target } from './lms-harness.js';
import * as rules12 from './scorm-rules.js';
import * as rules2004 from './scorm2004-rules.js';

/** The record as the course sees it, in either version. */
export interface RecordView {
  location: string;
  suspendData: string;
  /** How the session ended: to come back, done, or by the LMS's time limit ("" when not said). */
  exit: 'suspend' | 'done' | 'time-out' | '';
  /** The score on 0–100 ("" when none): 1.2 score.raw, 2004 score.raw (= scaled × 100). */
  score: string;
  /** SCORM 1.2 cmi.core.lesson_status; "" in SCORM 2004. */
  lessonStatus: string;
  /** SCORM 2004 completion_status and success_status; "" in SCORM 1.2. */
  completion: string;
  success: string;
  /** Passed in the version's terms: 1.2 status passed, 2004 success passed. */
  passed: boolean;
  interactions: Array<{ id: string; type: string; response: string; correct: boolean; patterns: string[] }>;
}

export interface TargetRules<T extends Target> {
  target: T;
  names: { initialize: MethodOf<T>; finish: MethodOf<T>; getValue: MethodOf<T>; setValue: MethodOf<T>; commit: MethodOf<T>; lastError: MethodOf<T>; errorString: MethodOf<T>; diagnostic: MethodOf<T> };
  /** Element names the tests look for. */
  elements: { sessionTime: string; exit: string; location: string; entry: string; scoreRaw: string; status: readonly string[] };
  /** Elements of the learner's record (never written in review, browse or no-credit). */
  recordElements: RegExp;
  sessionViolations(calls: readonly ApiCall<MethodOf<T>>[]): string[];
  /** The lifecycle rules for a session launched with `launchedWith` (null for a first launch). */
  lifecycleViolations(calls: readonly ApiCall<MethodOf<T>>[], launchedWith?: CmiOf<T> | null, options?: { finished?: boolean }): string[];
  valueViolations(calls: readonly ApiCall<MethodOf<T>>[]): string[];
  failedCalls(calls: readonly ApiCall<MethodOf<T>>[]): string[];
  commitViolations(calls: readonly ApiCall<MethodOf<T>>[]): string[];
  cmiViolations(cmi: CmiOf<T>): string[];
  view(cmi: CmiOf<T>): RecordView;
}

/** A record's interactions as the course sees them; `response` reads the version's learner response. */
function interactionViews<I extends { id: string; type: string; result: string; correct_responses: Record<string, { pattern: string }> }>(interactions: Record<string, I>, response: (interaction: I) => string): RecordView['interactions'] {
  return Object.values(interactions).map((interaction) => ({
    id: interaction.id,
    type: interaction.type,
    response: response(interaction),
    correct: interaction.result === 'correct',
    patterns: Object.values(interaction.correct_responses).map((pattern) => pattern.pattern),
  }));
}

const RULES_12: TargetRules<'scorm12'> = {
  target: 'scorm12',
  names: { initialize: 'LMSInitialize', finish: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic' },
  elements: { sessionTime: 'cmi.core.session_time', exit: 'cmi.core.exit', location: 'cmi.core.lesson_location', entry: 'cmi.core.entry', scoreRaw: 'cmi.core.score.raw', status: ['cmi.core.lesson_status'] },
  recordElements: /^cmi\.(core\.(lesson_status|score\.|lesson_location)|suspend_data|interactions\.)/,
  sessionViolations: rules12.sessionViolations,
  lifecycleViolations: (calls, launchedWith, options = {}) => rules12.lifecycleViolations(calls, {
    initialStatus: launchedWith?.core.lesson_status || 'not attempted',
    initialInteractions: Object.keys(launchedWith?.interactions ?? {}).length,
    ...options,
  }),
  valueViolations: rules12.valueViolations,
  failedCalls: rules12.failedCalls,
  commitViolations: (calls) => rules12.commitViolations(calls),
  cmiViolations: rules12.cmiViolations,
  view: (cmi: Cmi) => ({
    location: cmi.core.lesson_location,
    suspendData: cmi.suspend_data,
    exit: cmi.core.exit === 'suspend' ? 'suspend' : cmi.core.exit === 'time-out' ? 'time-out' : cmi.core.exit === '' ? 'done' : '',
    score: cmi.core.score.raw,
    lessonStatus: cmi.core.lesson_status,
    completion: '',
    success: '',
    passed: cmi.core.lesson_status === 'passed',
    interactions: interactionViews(cmi.interactions, (interaction) => interaction.student_response),
  }),
};

const RULES_2004: TargetRules<'scorm2004'> = {
  target: 'scorm2004',
  names: { initialize: 'Initialize', finish: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic' },
  elements: { sessionTime: 'cmi.session_time', exit: 'cmi.exit', location: 'cmi.location', entry: 'cmi.entry', scoreRaw: 'cmi.score.raw', status: ['cmi.completion_status', 'cmi.success_status'] },
  recordElements: /^cmi\.(completion_status|success_status|score\.|location|suspend_data|interactions\.)/,
  sessionViolations: rules2004.sessionViolations,
  lifecycleViolations: (calls, launchedWith, options = {}) => rules2004.lifecycleViolations(calls, {
    initialCompletion: launchedWith?.completion_status || 'unknown',
    initialSuccess: launchedWith?.success_status || 'unknown',
    initialInteractions: Object.keys(launchedWith?.interactions ?? {}).length,
    ...options,
  }),
  valueViolations: rules2004.valueViolations,
  failedCalls: rules2004.failedCalls,
  commitViolations: rules2004.commitViolations,
  cmiViolations: rules2004.cmiViolations,
  view: (cmi: Cmi2004) => ({
    location: cmi.location,
    suspendData: cmi.suspend_data,
    exit: cmi.exit === 'suspend' ? 'suspend' : cmi.exit === 'time-out' ? 'time-out' : cmi.exit === 'normal' ? 'done' : '',
    score: cmi.score.raw,
    lessonStatus: '',
    completion: cmi.completion_status,
    success: cmi.success_status,
    passed: cmi.success_status === 'passed',
    interactions: interactionViews(cmi.interactions, (interaction) => interaction.learner_response),
  }),
};

export function rulesFor<T extends Target>(target: T): TargetRules<T> {
  return (target === 'scorm2004' ? RULES_2004 : RULES_12) as unknown as TargetRules<T>;
}
