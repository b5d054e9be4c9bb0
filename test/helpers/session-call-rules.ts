// The strict checks of recorded API calls that SCORM 1.2 (scorm-rules.ts) and SCORM 2004
// (scorm2004-rules.ts) share, each run with the version's method names and session rules: the
// lifecycle of a session (the session rules call by call, one initialize first, "" parameters,
// "true"/"false" results, one finish last with session_time before it, error queries only after
// a failed call, interactions written at n = _count onwards with the id first), status moves, the
// calls that failed, each SetValue judged in turn, and a whole session's rule families.
import type { ApiCall } from './lms-harness.js';

/** A broken rule of src/scorm12/ or src/scorm2004/: its id and the values it names. */
export interface Violation {
  rule: string;
  values?: unknown;
}

/** One version's calls and session rules, as the checks here need them. */
export interface SessionCallRules<M extends string, P extends string> {
  names: { initialize: M; finish: M; getValue: M; setValue: M; commit: M };
  /** The version's api.ts: the error queries, and the calls whose one parameter must be "". */
  api: { ERROR_QUERIES: readonly M[]; EMPTY_PARAMETER_CALLS: readonly M[] };
  /** The version's session-rules.ts. */
  session: { orderViolations(phase: P, method: M, args: readonly string[]): Violation[]; phaseAfter(phase: P, method: M, result: string): P };
  /** The session_time element. */
  sessionTime: string;
  /** The problem when calls follow the one finish (`later`: their names). */
  callsAfterFinish(later: readonly M[]): string;
}

/** A broken rule as text: its id and details. */
export function describeViolation(violation: Violation): string {
  return violation.values === undefined ? violation.rule : `${violation.rule} ${JSON.stringify(violation.values)}`;
}

/**
 * cmi.interactions._count before each call: what the LMS said at launch (the course reads it),
 * grown by each successful write at index n = _count, as the LMS appends an item.
 */
export function interactionCounts<M extends string>(calls: readonly ApiCall<M>[], names: { getValue: M; setValue: M }): number[] {
  const counts: number[] = [];
  let count = 0;
  for (const call of calls) {
    counts.push(count);
    if (call.name === names.getValue && call.args[0] === 'cmi.interactions._count' && /^\d+$/.test(call.result)) count = Number(call.result);
    const index = /^cmi\.interactions\.(\d+)\./.exec(call.args[0] ?? '')?.[1];
    if (call.name === names.setValue && call.result === 'true' && index !== undefined) count = Math.max(count, Number(index) + 1);
  }
  return counts;
}

/** What a check of one SetValue gets: the call, its element and value, its place, and `fail` to report a problem. */
export interface SetValueCheck<M extends string> {
  call: ApiCall<M>;
  element: string;
  value: string;
  /** The call's index in `calls`. */
  position: number;
  /** When the session was initialized (`at` of the initialize call, 0 without one). */
  started: number;
  fail(what: string): void;
}

/** Run `check` on every SetValue of a session; each problem names the call's number, element and value. */
export function setValueViolations<M extends string>(calls: readonly ApiCall<M>[], names: { initialize: M; setValue: M }, check: (setValue: SetValueCheck<M>) => void): string[] {
  const problems: string[] = [];
  const started = calls.find((call) => call.name === names.initialize)?.at ?? 0;
  calls.forEach((call, position) => {
    if (call.name !== names.setValue) return;
    const [element = '', value = ''] = call.args;
    const fail = (what: string) => problems.push(`#${call.seq} SetValue(${element}, ${JSON.stringify(value.slice(0, 80))}): ${what}`);
    check({ call, element, value, position, started, fail });
  });
  return problems;
}

/**
 * The lifecycle of one session, status moves aside: the version's session rules call by call,
 * initialize first and once, "" as the parameter where it must be, results "true"/"false", the
 * finish once and last with session_time set before it (or no finish with `finished: false`),
 * error queries only right after a failed call, interactions at n = _count onwards with the id first.
 */
export function sessionOrderViolations<M extends string, P extends string>(calls: readonly ApiCall<M>[], rules: SessionCallRules<M, P>, options: { initialInteractions?: number; finished?: boolean }): string[] {
  const problems: string[] = [];
  const { initialize, finish, getValue, setValue } = rules.names;
  const names = calls.map((call) => call.name);
  let phase = 'not-initialized' as P;
  for (const call of calls) {
    for (const violation of rules.session.orderViolations(phase, call.name, call.args)) problems.push(`#${call.seq} ${call.name}: ${describeViolation(violation)}`);
    phase = rules.session.phaseAfter(phase, call.name, call.result);
  }
  if (names[0] !== initialize) problems.push(`the first call is ${names[0] ?? 'missing'}, not ${initialize}`);
  if (names.filter((name) => name === initialize).length !== 1) problems.push(`${initialize} is not called exactly once`);
  for (const call of calls) {
    if (rules.api.EMPTY_PARAMETER_CALLS.includes(call.name) && call.args[0] !== '') problems.push(`#${call.seq} ${call.name} with a parameter other than ""`);
    if (!rules.api.ERROR_QUERIES.includes(call.name) && call.name !== getValue && call.result !== 'true' && call.result !== 'false') problems.push(`#${call.seq} ${call.name} returned ${call.result}`);
  }
  const finishes = names.filter((name) => name === finish).length;
  if (options.finished !== false) {
    if (finishes !== 1) problems.push(`${finish} is called ${finishes} times, expected once`);
    else if (names[names.length - 1] !== finish) problems.push(rules.callsAfterFinish(names.slice(names.indexOf(finish) + 1)));
    const finishIndex = names.indexOf(finish);
    if (!calls.slice(0, finishIndex).some((call) => call.name === setValue && call.args[0] === rules.sessionTime)) problems.push(`session_time is not set before ${finish}`);
  } else if (finishes > 0) problems.push(`${finish} was called`);
  calls.forEach((call, index) => {
    if (!rules.api.ERROR_QUERIES.includes(call.name)) return;
    const previous = calls.slice(0, index).reverse().find((entry) => !rules.api.ERROR_QUERIES.includes(entry.name));
    // Error queries belong after a call that returned "false", or after a GetValue that returned
    // "" (an empty value and a failed read look alike until the error code is asked for).
    const askable = previous !== undefined && (previous.result === 'false' || (previous.name === getValue && previous.result === ''));
    if (!askable) problems.push(`#${call.seq} ${call.name} without a failed call before it`);
  });
  // Interactions: contiguous indices from the launch count, id first.
  let expected = options.initialInteractions ?? 0;
  const seen = new Set<string>();
  for (const call of calls.filter((entry) => entry.name === setValue && entry.result === 'true')) {
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
  return problems;
}

/** Each successful write of a status element is a move `allowed` from the status before it (`label` names it in a problem). */
export function statusMoveViolations<M extends string>(calls: readonly ApiCall<M>[], setValue: M, element: string, label: string, start: string, allowed: Readonly<Record<string, string[]>>): string[] {
  const problems: string[] = [];
  let status = start;
  for (const call of calls.filter((entry) => entry.name === setValue && entry.args[0] === element && entry.result === 'true')) {
    const next = call.args[1] ?? '';
    if (!(allowed[status] ?? []).includes(next)) problems.push(`#${call.seq} ${label} ${status} → ${next} is not allowed`);
    status = next;
  }
  return problems;
}

/** The initialize, finish, SetValue and commit calls that did not succeed (for sessions that should have none). */
export function failedCallsOf<M extends string>(calls: readonly ApiCall<M>[], names: { initialize: M; finish: M; setValue: M; commit: M }): string[] {
  const checked: readonly string[] = [names.initialize, names.finish, names.setValue, names.commit];
  return calls.filter((call) => checked.includes(call.name) && (call.result !== 'true' || call.error !== 0))
    .map((call) => `#${call.seq} ${call.name}(${call.args.join(', ').slice(0, 60)}) → ${call.result} (${call.error})`);
}

/** Every rule family of a whole session, each problem prefixed with its family: lifecycle, values, failed calls, commits. */
export function sessionViolationsOf<C>(calls: C, families: { lifecycle(calls: C): string[]; value(calls: C): string[]; failed(calls: C): string[]; commit(calls: C): string[] }): string[] {
  return [
    ...families.lifecycle(calls).map((problem) => `lifecycle: ${problem}`),
    ...families.value(calls).map((problem) => `value: ${problem}`),
    ...families.failed(calls).map((problem) => `failed: ${problem}`),
    ...families.commit(calls).map((problem) => `commit: ${problem}`),
  ];
}
