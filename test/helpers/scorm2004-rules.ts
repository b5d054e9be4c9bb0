// Strict SCORM 2004 rules checked against the calls a session made. scorm-again's Scorm2004API is
// lenient (calls after Terminate, a timestamp in any time zone form, "wrong" in place of
// "incorrect" where it is not checked), so these are ours: the value rules and session rules of
// src/scorm2004/ (the ones the preview's emulator highlights), and on top of them what our runtime
// promises to write: the elements it uses, completion and success reported apart with only the
// moves a record allows, scores scaled 0–1 (four decimals) with raw 0–100 (two decimals), ISO 8601
// durations no longer than the session, exit "suspend", "normal" or "time-out", interactions of
// its three types in SCORM 2004 formats (choice items [0-9a-z] joined by "[,]", true-false
// "true"/"false", fill-in patterns with {case_matters=false}), result "correct" or "incorrect",
// UTC timestamps, and adl.nav.request suspendAll or exitAll. One Initialize, one Terminate, and no
// call at all after it. Each function returns the list of violations: an empty list is a pass.
import * as api from '../../src/scorm2004/api.js';
import * as session from '../../src/scorm2004/session-rules.js';
import { isDuration, parseDuration } from '../../src/scorm2004/timeinterval.js';
import { checkSetValue } from '../../src/scorm2004/value-rules.js';
import type { ApiCall, Cmi2004 } from './lms-harness.js';
import { commitViolations as commitViolationsOf } from './scorm-rules.js';
import { describeViolation as describe, failedCallsOf, interactionCounts, sessionOrderViolations, sessionViolationsOf, setValueViolations, statusMoveViolations, type SessionCallRules } from './session-call-rules.js';

type Call = ApiCall<api.ApiMethod>;

/** Interaction timestamps as the runtime writes them: UTC to the hundredth of a second. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/;
const CHOICE_ITEMS = /^[0-9a-z](\[,\][0-9a-z])*$/;
/** Scores as the runtime writes them: scaled 0–1 with at most four decimals, raw 0–100 with at most two. */
const SCALED = /^(0(\.\d{1,4})?|1)$/;
const RAW = /^\d{1,3}(\.\d{1,2})?$/;
const EXITS = ['suspend', 'normal', 'time-out'];
const COMPLETIONS = ['completed', 'incomplete'];
const SUCCESSES = ['passed', 'failed'];
const NAV_REQUESTS = ['suspendAll', 'exitAll'];
const INTERACTION_TYPES = ['choice', 'true-false', 'fill-in'];
const RESULTS = ['correct', 'incorrect'];
const COMPLETION_MOVES: Record<string, string[]> = {
  unknown: ['incomplete', 'completed'],
  'not attempted': ['incomplete', 'completed'],
  incomplete: ['incomplete', 'completed'],
  completed: ['completed'],
};
const SUCCESS_MOVES: Record<string, string[]> = {
  unknown: ['passed', 'failed'],
  failed: ['failed', 'passed'],
  passed: ['passed'],
};
const WRITABLE = /^(cmi\.(location|suspend_data|completion_status|success_status|exit|session_time|score\.(scaled|raw|min|max)|interactions\.\d+\.(id|type|timestamp|learner_response|result|latency|correct_responses\.\d+\.pattern))|adl\.nav\.request)$/;

export const SCORM2004_NAMES = { commit: 'Commit', setValue: 'SetValue', finish: 'Terminate' };

const NAMES = { initialize: 'Initialize', finish: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' } as const;

const SESSION_RULES: SessionCallRules<api.ApiMethod, session.SessionPhase> = { names: NAMES, api, session, sessionTime: 'cmi.session_time', callsAfterFinish: (later) => `calls were made after Terminate: ${later.join(', ')}` };

function score(element: string, value: string): boolean {
  if (element.endsWith('.scaled')) return SCALED.test(value);
  if (element.endsWith('.min')) return value === '0';
  if (element.endsWith('.max')) return value === '100';
  return RAW.test(value) && Number(value) <= 100;
}

/**
 * What the session set so far, before each call: cmi.interactions._count (what the LMS said at
 * launch, grown by each successful write at n = _count), each interaction's type and pattern count.
 */
function contexts(calls: readonly Call[]): Array<{ count: number; types: Map<number, string>; patterns: Map<number, number> }> {
  const result: Array<{ count: number; types: Map<number, string>; patterns: Map<number, number> }> = [];
  const counts = interactionCounts(calls, NAMES);
  const types = new Map<number, string>();
  const patterns = new Map<number, number>();
  calls.forEach((call, position) => {
    result.push({ count: counts[position]!, types: new Map(types), patterns: new Map(patterns) });
    if (call.name !== 'SetValue' || call.result !== 'true') return;
    const [element = '', value = ''] = call.args;
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type !== null) types.set(Number(type[1]), value);
    const pattern = /^cmi\.interactions\.(\d+)\.correct_responses\.(\d+)\.pattern$/.exec(element);
    if (pattern !== null) patterns.set(Number(pattern[1]), Math.max(patterns.get(Number(pattern[1])) ?? 0, Number(pattern[2]) + 1));
  });
  return result;
}

/** Every value written breaks no SCORM 2004 value rule and is in the form our runtime writes. */
export function valueViolations(calls: readonly Call[]): string[] {
  const before = contexts(calls);
  return setValueViolations(calls, NAMES, ({ call, element, value, position, started, fail }) => {
    const context = before[position]!;
    for (const violation of checkSetValue(element, value, { interactionCount: context.count, interactionType: (index) => context.types.get(index), patternCount: (index) => context.patterns.get(index) ?? 0 })) fail(describe(violation));
    if (!WRITABLE.test(element)) fail('not an element the course should write');
    if (/^cmi\.score\./.test(element) && !score(element, value)) fail('score not scaled 0–1 (four decimals), raw 0–100 (two decimals), min 0, max 100');
    if (element === 'cmi.session_time' && isDuration(value) && (parseDuration(value) ?? 0) > call.at - started + 1000) fail('session_time longer than the session');
    if (element === 'cmi.exit' && !EXITS.includes(value)) fail('exit is not "suspend", "normal" or "time-out"');
    if (element === 'cmi.completion_status' && !COMPLETIONS.includes(value)) fail('completion_status is not completed|incomplete');
    if (element === 'cmi.success_status' && !SUCCESSES.includes(value)) fail('success_status is not passed|failed');
    if (element === 'adl.nav.request' && !NAV_REQUESTS.includes(value)) fail('adl.nav.request is not suspendAll|exitAll');
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (interaction === null) return;
    const [, index = '', field = ''] = interaction;
    const type = context.types.get(Number(index));
    if (field === 'type' && !INTERACTION_TYPES.includes(value)) fail('interaction type not choice|true-false|fill-in');
    if (field === 'learner_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
      if (type === undefined) fail('response written before the type');
      if (type === 'choice' && !CHOICE_ITEMS.test(value)) fail('choice response is not [0-9a-z] items joined by "[,]"');
      if (type === 'true-false' && value !== 'true' && value !== 'false') fail('true-false response is not true|false');
      if (type === 'fill-in' && field !== 'learner_response' && !value.startsWith('{case_matters=false}')) fail('fill-in pattern without {case_matters=false}');
    }
    if (field === 'result' && !RESULTS.includes(value)) fail('result not correct|incorrect');
    if (field === 'timestamp' && !TIMESTAMP.test(value)) fail('timestamp is not YYYY-MM-DDThh:mm:ss.ssZ');
  });
}

/**
 * The lifecycle of one session: the session rules of src/scorm2004/ (Initialize("") first and
 * once, "" as the parameter), and as our runtime keeps them: Terminate("") once and last with no
 * call at all after it, results compared as "true"/"false", error queries only right after a
 * "false" (or a GetValue ""), session_time before Terminate, interactions at n = _count onwards
 * with the id first, only the status moves a record allows.
 */
export function lifecycleViolations(calls: readonly Call[], options: { initialCompletion?: string; initialSuccess?: string; initialInteractions?: number; finished?: boolean } = {}): string[] {
  return [
    ...sessionOrderViolations(calls, SESSION_RULES, options),
    ...statusMoveViolations(calls, 'SetValue', 'cmi.completion_status', 'cmi.completion_status', options.initialCompletion ?? 'unknown', COMPLETION_MOVES),
    ...statusMoveViolations(calls, 'SetValue', 'cmi.success_status', 'cmi.success_status', options.initialSuccess ?? 'unknown', SUCCESS_MOVES),
  ];
}

/** Calls that did not succeed (for sessions that should have none). */
export function failedCalls(calls: readonly Call[]): string[] {
  return failedCallsOf(calls, NAMES);
}

/** At most one Commit per learner action, after all its SetValues, never without a SetValue since the last. */
export function commitViolations(calls: readonly Call[]): string[] {
  return commitViolationsOf(calls, SCORM2004_NAMES);
}

/**
 * Final CMI checks: each value the LMS kept, as a SetValue of it would be judged by the value
 * rules of src/scorm2004/, and in the form our runtime writes.
 */
export function cmiViolations(cmi: Cmi2004): string[] {
  const problems: string[] = [];
  const types = new Map<number, string>();
  const judge = (element: string, value: string, interactionCount = 0, patternCount = 0): void => {
    for (const violation of checkSetValue(element, value, { interactionCount, interactionType: (index) => types.get(index), patternCount: () => patternCount })) problems.push(`${element.replace(/^cmi\./, '')} ${value.slice(0, 80)}: ${describe(violation)}`);
  };
  judge('cmi.completion_status', cmi.completion_status);
  if (!COMPLETIONS.includes(cmi.completion_status)) problems.push(`completion_status ${cmi.completion_status}`);
  if (cmi.success_status !== 'unknown') judge('cmi.success_status', cmi.success_status);
  for (const field of ['scaled', 'raw', 'min', 'max'] as const) {
    const value = cmi.score[field];
    if (value === '') continue;
    judge(`cmi.score.${field}`, value);
    if (!score(`cmi.score.${field}`, value)) problems.push(`score.${field} ${value}`);
  }
  if (cmi.session_time !== '') judge('cmi.session_time', cmi.session_time);
  if (cmi.exit !== '') {
    judge('cmi.exit', cmi.exit);
    if (!EXITS.includes(cmi.exit)) problems.push(`exit ${cmi.exit}`);
  }
  judge('cmi.suspend_data', cmi.suspend_data);
  judge('cmi.location', cmi.location);
  for (const [index, interaction] of Object.entries(cmi.interactions)) {
    const n = Number(index);
    // Kept at index n, it was written at n = _count.
    judge(`cmi.interactions.${index}.id`, interaction.id, n);
    types.set(n, interaction.type);
    for (const field of ['type', 'timestamp', 'latency', 'result'] as const) judge(`cmi.interactions.${index}.${field}`, interaction[field], n + 1);
    if (interaction.learner_response !== '') judge(`cmi.interactions.${index}.learner_response`, interaction.learner_response, n + 1);
    Object.values(interaction.correct_responses).forEach((response, m) => judge(`cmi.interactions.${index}.correct_responses.${m}.pattern`, response.pattern, n + 1, m));
    if (!RESULTS.includes(interaction.result)) problems.push(`interaction ${index} result ${interaction.result}`);
    if (!TIMESTAMP.test(interaction.timestamp)) problems.push(`interaction ${index} timestamp ${interaction.timestamp}`);
  }
  return problems;
}

/** Every rule of a whole session that ended normally, each problem prefixed with the rule family. */
export function sessionViolations(calls: readonly Call[]): string[] {
  return sessionViolationsOf(calls, { lifecycle: lifecycleViolations, value: valueViolations, failed: failedCalls, commit: commitViolations });
}
