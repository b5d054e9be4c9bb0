// Strict SCORM 1.2 rules checked against the calls a session made. scorm-again is
// lenient (64000-character suspend_data, "00:60:00", calls after LMSFinish), so these are ours.
// Each function returns the list of violations: an empty list is a pass.
import type { ApiCall, Cmi } from './lms-harness.js';

export const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
export const TIME_OF_DAY = /^\d{2}:\d{2}:\d{2}$/;
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const INTERACTION_ID = /^[A-Za-z0-9_.-]{1,255}$/;
const CHOICE_RESPONSE = /^[0-9a-z](,[0-9a-z])*$/;
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;
const STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];
const STATUS_MOVES: Record<string, string[]> = {
  // browsed: a first launch in browse mode.
  'not attempted': ['incomplete', 'passed', 'completed', 'failed', 'browsed'],
  incomplete: ['incomplete', 'passed', 'completed', 'failed'],
  failed: ['failed', 'passed', 'completed'],
  passed: ['passed'],
  completed: ['completed'],
  browsed: ['incomplete', 'passed', 'completed', 'failed'],
};
const ERROR_QUERIES = ['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];
const WRITABLE = /^cmi\.(core\.(lesson_location|lesson_status|exit|session_time|score\.(raw|min|max))|suspend_data|interactions\.\d+\.(id|type|time|student_response|result|latency|correct_responses\.\d+\.pattern))$/;

function timespanSeconds(value: string): number {
  const [hours, minutes, seconds] = value.split(':').map(Number);
  return hours! * 3600 + minutes! * 60 + seconds!;
}

function validTimespan(value: string): boolean {
  if (!TIMESPAN.test(value)) return false;
  const [, minutes, seconds] = value.split(':').map(Number);
  return minutes! < 60 && seconds! < 60;
}

function validTimeOfDay(value: string): boolean {
  if (!TIME_OF_DAY.test(value)) return false;
  const [hours, minutes, seconds] = value.split(':').map(Number);
  return hours! < 24 && minutes! < 60 && seconds! < 60;
}

/** Every value written is in its SCORM 1.2 format. */
export function valueViolations(calls: readonly ApiCall[]): string[] {
  const problems: string[] = [];
  const types = new Map<string, string>();
  const started = calls.find((call) => call.name === 'LMSInitialize')?.at ?? 0;
  for (const call of calls.filter((entry) => entry.name === 'LMSSetValue')) {
    const [element = '', value = ''] = call.args;
    const fail = (what: string) => problems.push(`#${call.seq} SetValue(${element}, ${JSON.stringify(value.slice(0, 80))}): ${what}`);
    if (!WRITABLE.test(element)) fail('not an element the course should write');
    if (element === 'cmi.core.lesson_status' && !STATUSES.includes(value)) fail('status outside passed|completed|failed|incomplete|browsed');
    if (/^cmi\.core\.score\./.test(element) && (!SCORE.test(value) || Number(value) > 100)) fail('score outside 0–100 with at most two decimals');
    if (element === 'cmi.core.session_time') {
      if (!validTimespan(value)) fail('session_time is not HH[HH]:MM:SS[.SS]');
      else if (timespanSeconds(value) > (call.at - started) / 1000 + 1) fail('session_time longer than the session');
    }
    if (element === 'cmi.core.exit' && !['suspend', '', 'time-out'].includes(value)) fail('exit is not "suspend", "time-out" or ""');
    if (element === 'cmi.core.lesson_location' && (value.length > 255 || !PRINTABLE_ASCII.test(value))) fail('lesson_location is not ≤ 255 printable ASCII');
    if (element === 'cmi.suspend_data' && (value.length > 4096 || !PRINTABLE_ASCII.test(value))) fail(`suspend_data of ${value.length} characters is not ≤ 4096 printable ASCII`);
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (interaction !== null) {
      const [, index = '', field = ''] = interaction;
      if (field === 'id' && !INTERACTION_ID.test(value)) fail('interaction id not ^[A-Za-z0-9_.-]{1,255}$');
      if (field === 'type') {
        if (!['choice', 'true-false', 'fill-in'].includes(value)) fail('interaction type not choice|true-false|fill-in');
        types.set(index, value);
      }
      if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
        const type = types.get(index);
        if (type === undefined) fail('response written before the type');
        if (type === 'choice' && !CHOICE_RESPONSE.test(value)) fail('choice response is not comma-separated [0-9a-z]');
        if (type === 'true-false' && !/^[tf]$/.test(value)) fail('true-false response is not t|f');
        if (type === 'fill-in' && value.length > 255) fail('fill-in response longer than 255');
      }
      if (field === 'result' && !['correct', 'wrong'].includes(value)) fail('result not correct|wrong');
      if (field === 'latency' && !validTimespan(value)) fail('latency is not a timespan');
      if (field === 'time' && !validTimeOfDay(value)) fail('time is not HH:MM:SS');
    }
  }
  return problems;
}

/**
 * The lifecycle of one session: LMSInitialize("") first and once, LMSFinish("") once and last,
 * results compared as "true"/"false", error queries only right after a "false", session_time
 * before LMSFinish, interactions at n = _count onwards with the id first, status moves allowed.
 */
export function lifecycleViolations(calls: readonly ApiCall[], options: { initialStatus?: string; initialInteractions?: number; finished?: boolean } = {}): string[] {
  const problems: string[] = [];
  const names = calls.map((call) => call.name);
  if (names[0] !== 'LMSInitialize') problems.push(`the first call is ${names[0] ?? 'missing'}, not LMSInitialize`);
  if (names.filter((name) => name === 'LMSInitialize').length !== 1) problems.push('LMSInitialize is not called exactly once');
  for (const call of calls) {
    if (['LMSInitialize', 'LMSFinish', 'LMSCommit'].includes(call.name) && call.args[0] !== '') problems.push(`#${call.seq} ${call.name} with a parameter other than ""`);
    if (!ERROR_QUERIES.includes(call.name) && call.name !== 'LMSGetValue' && call.result !== 'true' && call.result !== 'false') problems.push(`#${call.seq} ${call.name} returned ${call.result}`);
  }
  const finishes = names.filter((name) => name === 'LMSFinish').length;
  if (options.finished !== false) {
    if (finishes !== 1) problems.push(`LMSFinish is called ${finishes} times, expected once`);
    else if (names[names.length - 1] !== 'LMSFinish') problems.push('calls were made after LMSFinish');
    const finishIndex = names.indexOf('LMSFinish');
    if (!calls.slice(0, finishIndex).some((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.session_time')) problems.push('session_time is not set before LMSFinish');
  } else if (finishes > 0) problems.push('LMSFinish was called');
  calls.forEach((call, index) => {
    if (!ERROR_QUERIES.includes(call.name)) return;
    const previous = calls.slice(0, index).reverse().find((entry) => !ERROR_QUERIES.includes(entry.name));
    // Error queries belong after a call that returned "false", or after an LMSGetValue that returned
    // "" (an empty value and a failed read look alike until the error code is asked for).
    const askable = previous !== undefined && (previous.result === 'false' || (previous.name === 'LMSGetValue' && previous.result === ''));
    if (!askable) problems.push(`#${call.seq} ${call.name} without a failed call before it`);
  });
  // Interactions: contiguous indices from the launch count, id first.
  let expected = options.initialInteractions ?? 0;
  const seen = new Set<string>();
  for (const call of calls.filter((entry) => entry.name === 'LMSSetValue' && entry.result === 'true')) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(call.args[0] ?? '');
    if (match === null) continue;
    const [, index = '', field] = match;
    if (!seen.has(index)) {
      if (Number(index) !== expected) problems.push(`#${call.seq} interaction ${index} written, expected index ${expected}`);
      if (field !== 'id') problems.push(`#${call.seq} interaction ${index} starts with ${field ?? ''}, not id`);
      seen.add(index);
      expected = Number(index) + 1;
    }
  }
  let status = options.initialStatus ?? 'not attempted';
  for (const call of calls.filter((entry) => entry.name === 'LMSSetValue' && entry.args[0] === 'cmi.core.lesson_status' && entry.result === 'true')) {
    const next = call.args[1] ?? '';
    if (!(STATUS_MOVES[status] ?? []).includes(next)) problems.push(`#${call.seq} status ${status} → ${next} is not allowed`);
    status = next;
  }
  return problems;
}

/** Calls that did not succeed (for sessions that should have none). */
export function failedCalls(calls: readonly ApiCall[]): string[] {
  return calls.filter((call) => ['LMSInitialize', 'LMSFinish', 'LMSSetValue', 'LMSCommit'].includes(call.name) && (call.result !== 'true' || call.error !== 0))
    .map((call) => `#${call.seq} ${call.name}(${call.args.join(', ').slice(0, 60)}) → ${call.result} (${call.error})`);
}

/**
 * Commits are not chattier than one per learner action: at most one LMSCommit per marked action
 * (and at launch), each after every SetValue of its action (none between consecutive SetValues),
 * and never without a SetValue since the commit before.
 */
export function commitViolations(calls: readonly ApiCall[]): string[] {
  const problems: string[] = [];
  const segments = new Map<string, ApiCall[]>();
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
    const commits = segmentCalls.filter((call) => call.name === 'LMSCommit');
    if (commits.length > 1) problems.push(`${commits.length} commits during action "${key}"`);
    const commitIndex = segmentCalls.findIndex((call) => call.name === 'LMSCommit');
    const closing = segmentCalls.some((call) => call.name === 'LMSFinish');
    if (commitIndex >= 0 && !closing && segmentCalls.slice(commitIndex + 1).some((call) => call.name === 'LMSSetValue')) problems.push(`a SetValue follows the commit during action "${key}"`);
  }
  let setSinceCommit = true;
  for (const call of calls) {
    if (call.name === 'LMSSetValue' && call.result === 'true') setSinceCommit = true;
    if (call.name === 'LMSCommit') {
      if (!setSinceCommit) problems.push(`#${call.seq} LMSCommit with nothing set since the last commit`);
      setSinceCommit = false;
    }
  }
  return problems;
}

/** The last value a session set for an element (undefined if never set). */
export function lastSet(calls: readonly ApiCall[], element: string): string | undefined {
  return calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === element && call.result === 'true').pop()?.args[1];
}

/** Final CMI checks: status vocabulary, score range, timespan, exit, suspend_data. */
export function cmiViolations(cmi: Cmi): string[] {
  const problems: string[] = [];
  const { core } = cmi;
  if (!STATUSES.includes(core.lesson_status)) problems.push(`lesson_status ${core.lesson_status}`);
  for (const field of ['raw', 'min', 'max'] as const) {
    const value = core.score[field];
    if (value !== '' && (!SCORE.test(value) || Number(value) > 100)) problems.push(`score.${field} ${value}`);
  }
  if (core.session_time !== '' && !validTimespan(core.session_time)) problems.push(`session_time ${core.session_time}`);
  if (!['suspend', '', 'time-out'].includes(core.exit)) problems.push(`exit ${core.exit}`);
  if (cmi.suspend_data.length > 4096 || !PRINTABLE_ASCII.test(cmi.suspend_data)) problems.push('suspend_data is not ≤ 4096 printable ASCII');
  for (const [index, interaction] of Object.entries(cmi.interactions)) {
    if (!INTERACTION_ID.test(interaction.id)) problems.push(`interaction ${index} id ${interaction.id}`);
    if (!['correct', 'wrong'].includes(interaction.result)) problems.push(`interaction ${index} result ${interaction.result}`);
    if (!validTimespan(interaction.latency)) problems.push(`interaction ${index} latency ${interaction.latency}`);
    if (!validTimeOfDay(interaction.time)) problems.push(`interaction ${index} time ${interaction.time}`);
  }
  return problems;
}

/**
 * Every rule of a whole session that ended normally, each problem prefixed with the rule family:
 * lifecycle, values, failed calls, commits. Empty when the session followed them all.
 */
export function sessionViolations(calls: readonly ApiCall[]): string[] {
  return [
    ...lifecycleViolations(calls).map((problem) => `lifecycle: ${problem}`),
    ...valueViolations(calls).map((problem) => `value: ${problem}`),
    ...failedCalls(calls).map((problem) => `failed: ${problem}`),
    ...commitViolations(calls).map((problem) => `commit: ${problem}`),
  ];
}
