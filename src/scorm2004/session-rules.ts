// SCORM 2004 session rules across the calls of one launch: one Initialize, nothing after Terminate
// but the support methods (GetLastError, GetErrorString, GetDiagnostic), no session call before
// Initialize, "" as the parameter of Initialize, Terminate and Commit, and no Commit inside a batch
// of SetValue calls. The strict LMS refuses a call by these rules, the preview's emulator
// highlights it, the tests' strict checker lists it.
import { EMPTY_PARAMETER_CALLS, ERROR_QUERIES, SESSION_CALLS, type ApiMethod } from './api.js';
import { checkSetValue, type RuleViolation } from './value-rules.js';

export type SessionPhase = 'not-initialized' | 'running' | 'terminated';

/** The order rules a call breaks in `phase`, before it runs (value rules aside). */
export function orderViolations(phase: SessionPhase, method: ApiMethod, args: readonly string[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (phase === 'terminated' && !ERROR_QUERIES.includes(method)) violations.push({ rule: '2004-call-after-terminate' });
  else if (phase === 'not-initialized' && SESSION_CALLS.includes(method)) violations.push({ rule: '2004-call-before-initialize' });
  if (method === 'Initialize' && phase === 'running') violations.push({ rule: '2004-initialize-twice' });
  if (EMPTY_PARAMETER_CALLS.includes(method) && (args[0] ?? '') !== '') violations.push({ rule: '2004-argument-not-empty' });
  return violations;
}

/** The phase after a call that answered `result`: Initialize and Terminate count when they answer "true". */
export function phaseAfter(phase: SessionPhase, method: ApiMethod, result: string): SessionPhase {
  if (method === 'Initialize' && result === 'true' && phase === 'not-initialized') return 'running';
  if (method === 'Terminate' && result === 'true' && phase === 'running') return 'terminated';
  return phase;
}

export interface CallFacts {
  method: ApiMethod;
  args: readonly string[];
  /** Index of the call in the session's log. */
  index: number;
  /** Calls in the same synchronous run of script share a task number. */
  task: number;
  /** cmi.interactions._count before the call. */
  interactionCount: number;
}

export interface SessionVerdict {
  /** Rules this call broke. */
  violations: RuleViolation[];
  /** Earlier calls that this call shows to have broken a rule (by log index). */
  earlier: { index: number; violation: RuleViolation }[];
}

/**
 * Every rule, call by call, over one session: the order rules, the value rules (with the
 * interaction types and pattern counts the session has set), commits in a batch.
 */
export class SessionRules {
  private phase: SessionPhase = 'not-initialized';
  /** The last SetValue/Commit calls, newest last. */
  private recent: { method: ApiMethod; index: number; task: number }[] = [];
  private readonly types = new Map<number, string>();
  private readonly patterns = new Map<number, number>();

  get initialized(): boolean {
    return this.phase !== 'not-initialized';
  }

  get isFinished(): boolean {
    return this.phase === 'terminated';
  }

  /** Judge a call before it runs. */
  check(call: CallFacts): SessionVerdict {
    const violations = orderViolations(this.phase, call.method, call.args);
    const earlier: SessionVerdict['earlier'] = [];
    if (call.method === 'SetValue') {
      violations.push(...checkSetValue(call.args[0] ?? '', call.args[1] ?? '', {
        interactionCount: call.interactionCount,
        interactionType: (index) => this.types.get(index),
        patternCount: (index) => this.patterns.get(index) ?? 0,
      }));
      const [beforeLast, last] = this.recent.slice(-2);
      if (last?.method === 'Commit' && beforeLast?.method === 'SetValue' && last.task === call.task && beforeLast.task === call.task) {
        earlier.push({ index: last.index, violation: { rule: '2004-commit-between-setvalues' } });
      }
    }
    if (call.method === 'SetValue' || call.method === 'Commit') this.recent = [...this.recent.slice(-1), { method: call.method, index: call.index, task: call.task }];
    return { violations, earlier };
  }

  /** Record what a call did (after it ran): the phase, and the interaction types and patterns a successful SetValue gave. */
  record(method: ApiMethod, result: string, args: readonly string[] = []): void {
    this.phase = phaseAfter(this.phase, method, result);
    if (method !== 'SetValue' || result !== 'true') return;
    const [element = '', value = ''] = args;
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type !== null) this.types.set(Number(type[1]), value);
    const pattern = /^cmi\.interactions\.(\d+)\.correct_responses\.(\d+)\.pattern$/.exec(element);
    if (pattern !== null) this.patterns.set(Number(pattern[1]), Math.max(this.patterns.get(Number(pattern[1])) ?? 0, Number(pattern[2]) + 1));
  }
}
