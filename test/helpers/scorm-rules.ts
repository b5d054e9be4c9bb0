// Strict SCORM 1.2 rules checked against the calls a session made. scorm-again is lenient
// (64000-character suspend_data, "00:60:00", calls after LMSFinish), so these are ours: the
// value rules and session rules of src/scorm12/ (the ones the preview's emulator highlights),
// and on top of them what our runtime promises to write (the elements, interaction types and
// response formats it uses, result "correct" or "wrong", a session_time no longer than the
// session, exit never "logout"). Each function returns the list of violations: an empty list is
// a pass.
import * as api from '../../src/scorm12/api.js';
import { CMI_FEEDBACK, TIMESPAN_PATTERN } from '../../src/scorm12/data-types.js';
import * as session from '../../src/scorm12/session-rules.js';
import { parseTimespan } from '../../src/scorm12/timespan.js';
import { checkSetValue, isTime, isTimespan } from '../../src/scorm12/value-rules.js';
import type { ApiCall, Cmi } from './lms-harness.js';
import { describeViolation as describe, failedCallsOf, interactionCounts, sessionOrderViolations, sessionViolationsOf, setValueViolations, statusMoveViolations, type SessionCallRules } from './session-call-rules.js';

export const TIMESPAN = TIMESPAN_PATTERN;
/** Interaction times as the runtime writes them: whole seconds. */
export const TIME_OF_DAY = /^\d{2}:\d{2}:\d{2}$/;
const CHOICE_RESPONSE = /^[0-9a-z](,[0-9a-z])*$/;
/** Scores as the runtime writes them: 0–100 with at most two decimals, no sign. */
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;
const EXITS = ['suspend', '', 'time-out'];
const INTERACTION_TYPES = ['choice', 'true-false', 'fill-in'];
const RESULTS = ['correct', 'wrong'];
const STATUS_MOVES: Record<string, string[]> = {
  // browsed: a first launch in browse mode.
  'not attempted': ['incomplete', 'passed', 'completed', 'failed', 'browsed'],
  incomplete: ['incomplete', 'passed', 'completed', 'failed'],
  failed: ['failed', 'passed', 'completed'],
  passed: ['passed'],
  completed: ['completed'],
  browsed: ['incomplete', 'passed', 'completed', 'failed'],
};
const WRITABLE = /^cmi\.(core\.(lesson_location|lesson_status|exit|session_time|score\.(raw|min|max))|suspend_data|interactions\.\d+\.(id|type|time|student_response|result|latency|correct_responses\.\d+\.pattern))$/;

const NAMES = { initialize: 'LMSInitialize', finish: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' } as const;

const SESSION_RULES: SessionCallRules<api.ApiMethod, session.SessionPhase> = { names: NAMES, api, session, sessionTime: 'cmi.core.session_time', callsAfterFinish: () => 'calls were made after LMSFinish' };

function score(value: string): boolean {
  return SCORE.test(value) && Number(value) <= 100;
}

function timeOfDay(value: string): boolean {
  return isTime(value) && TIME_OF_DAY.test(value);
}

/** Every value written breaks no SCORM 1.2 value rule and is in the form our runtime writes. */
export function valueViolations(calls: readonly ApiCall[]): string[] {
  const types = new Map<string, string>();
  const counts = interactionCounts(calls, NAMES);
  return setValueViolations(calls, NAMES, ({ call, element, value, position, started, fail }) => {
    for (const violation of checkSetValue(element, value, { interactionCount: counts[position] ?? 0 })) fail(describe(violation));
    if (!WRITABLE.test(element)) fail('not an element the course should write');
    if (/^cmi\.core\.score\./.test(element) && !score(value)) fail('score outside 0–100 with at most two decimals');
    if (element === 'cmi.core.session_time' && isTimespan(value) && (parseTimespan(value) ?? 0) > call.at - started + 1000) fail('session_time longer than the session');
    if (element === 'cmi.core.exit' && !EXITS.includes(value)) fail('exit is not "suspend", "time-out" or ""');
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (interaction !== null) {
      const [, index = '', field = ''] = interaction;
      if (field === 'type') {
        if (!INTERACTION_TYPES.includes(value)) fail('interaction type not choice|true-false|fill-in');
        types.set(index, value);
      }
      if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
        const type = types.get(index);
        if (type === undefined) fail('response written before the type');
        if (type === 'choice' && !CHOICE_RESPONSE.test(value)) fail('choice response is not comma-separated [0-9a-z]');
        if (type === 'true-false' && !/^[tf]$/.test(value)) fail('true-false response is not t|f');
        if (type === 'fill-in' && !CMI_FEEDBACK.accepts(value)) fail('fill-in response longer than 255');
      }
      if (field === 'result' && !RESULTS.includes(value)) fail('result not correct|wrong');
      if (field === 'time' && !timeOfDay(value)) fail('time is not HH:MM:SS');
    }
  });
}

/**
 * The lifecycle of one session: the session rules of src/scorm12/ (LMSInitialize("") first and
 * once, nothing after LMSFinish, "" as the parameter), and as our runtime keeps them: LMSFinish("")
 * once and last, results compared as "true"/"false", error queries only right after a "false",
 * session_time before LMSFinish, interactions at n = _count onwards with the id first, status
 * moves allowed.
 */
export function lifecycleViolations(calls: readonly ApiCall[], options: { initialStatus?: string; initialInteractions?: number; finished?: boolean } = {}): string[] {
  return [
    ...sessionOrderViolations(calls, SESSION_RULES, options),
    ...statusMoveViolations(calls, 'LMSSetValue', 'cmi.core.lesson_status', 'status', options.initialStatus ?? 'not attempted', STATUS_MOVES),
  ];
}

/** Calls that did not succeed (for sessions that should have none). */
export function failedCalls(calls: readonly ApiCall[]): string[] {
  return failedCallsOf(calls, NAMES);
}

/**
 * Commits are not chattier than one per learner action: at most one LMSCommit per marked action
 * (and at launch), each after every SetValue of its action (none between consecutive SetValues),
 * and never without a SetValue since the commit before.
 */
export function commitViolations(calls: readonly ApiCall<string>[], names: { commit: string; setValue: string; finish: string } = { commit: 'LMSCommit', setValue: 'LMSSetValue', finish: 'LMSFinish' }): string[] {
  const problems: string[] = [];
  const segments = new Map<string, ApiCall<string>[]>();
  let segment = 0;
  let previousMark = '';
  for (const call of calls) {
    if (call.mark !== previousMark) {
      segment++;
      previousMark = call.mark;
    }
    const key = `${segment}:${call.mark}`;
    segments.set(key, [...(segments.get(key) ?? []), call]);
  }
  for (const [key, segmentCalls] of segments) {
    const commits = segmentCalls.filter((call) => call.name === names.commit);
    if (commits.length > 1) problems.push(`${commits.length} commits during action "${key}"`);
    const commitIndex = segmentCalls.findIndex((call) => call.name === names.commit);
    const closing = segmentCalls.some((call) => call.name === names.finish);
    if (commitIndex >= 0 && !closing && segmentCalls.slice(commitIndex + 1).some((call) => call.name === names.setValue)) problems.push(`a SetValue follows the commit during action "${key}"`);
  }
  let setSinceCommit = true;
  for (const call of calls) {
    if (call.name === names.setValue && call.result === 'true') setSinceCommit = true;
    if (call.name === names.commit) {
      if (!setSinceCommit) problems.push(`#${call.seq} ${names.commit} with nothing set since the last commit`);
      setSinceCommit = false;
    }
  }
  return problems;
}

/** The last value a session set for an element (undefined if never set), under either version's SetValue. */
export function lastSet(calls: readonly ApiCall<string>[], element: string): string | undefined {
  return calls.filter((call) => (call.name === 'LMSSetValue' || call.name === 'SetValue') && call.args[0] === element && call.result === 'true').pop()?.args[1];
}

/**
 * Final CMI checks: each value the LMS kept as a SetValue of it would be judged by the value
 * rules of src/scorm12/, and in the form our runtime writes: a status it sets, scores, exit,
 * interactions.
 */
export function cmiViolations(cmi: Cmi): string[] {
  const problems: string[] = [];
  const judge = (element: string, value: string, interactionCount = 0): void => {
    for (const violation of checkSetValue(element, value, { interactionCount })) problems.push(`${element.replace(/^cmi\.(core\.)?/, '')} ${value}: ${describe(violation)}`);
  };
  const { core } = cmi;
  judge('cmi.core.lesson_status', core.lesson_status);
  for (const field of ['raw', 'min', 'max'] as const) {
    const value = core.score[field];
    judge(`cmi.core.score.${field}`, value);
    if (value !== '' && !score(value)) problems.push(`score.${field} ${value}`);
  }
  if (core.session_time !== '') judge('cmi.core.session_time', core.session_time);
  judge('cmi.core.exit', core.exit);
  if (!EXITS.includes(core.exit)) problems.push(`exit ${core.exit}`);
  judge('cmi.suspend_data', cmi.suspend_data);
  for (const [index, interaction] of Object.entries(cmi.interactions)) {
    // Kept at index n, it was written at n = _count.
    judge(`cmi.interactions.${index}.id`, interaction.id, Number(index));
    judge(`cmi.interactions.${index}.latency`, interaction.latency);
    judge(`cmi.interactions.${index}.time`, interaction.time);
    judge(`cmi.interactions.${index}.result`, interaction.result);
    if (!RESULTS.includes(interaction.result)) problems.push(`interaction ${index} result ${interaction.result}`);
    if (!timeOfDay(interaction.time)) problems.push(`interaction ${index} time ${interaction.time}`);
  }
  return problems;
}

/**
 * Every rule of a whole session that ended normally, each problem prefixed with the rule family:
 * lifecycle, values, failed calls, commits. Empty when the session followed them all.
 */
export function sessionViolations(calls: readonly ApiCall[]): string[] {
  return sessionViolationsOf(calls, { lifecycle: lifecycleViolations, value: valueViolations, failed: failedCalls, commit: commitViolations });
}
