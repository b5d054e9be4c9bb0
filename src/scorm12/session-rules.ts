// SCORM 1.2 session rules across the calls of one launch: one LMSInitialize, nothing after
// LMSFinish, no session call before LMSInitialize, "" as the parameter of LMSInitialize,
// LMSFinish and LMSCommit, and no LMSCommit inside a batch of LMSSetValue calls. The strict LMS
// refuses a call by these rules, the preview's emulator highlights it, the tests' strict checker
// lists it.
import { EMPTY_PARAMETER_CALLS, SESSION_CALLS, type ApiMethod } from './api.js';
import { checkSetValue, type RuleViolation } from './value-rules.js';

export type SessionPhase = 'not-initialized' | 'running' | 'finished';

/** The order rules a call breaks in `phase`, before it runs (value rules aside). */
export function orderViolations(phase: SessionPhase, method: ApiMethod, args: readonly string[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (phase === 'finished') violations.push({ rule: 'call-after-finish' });
  else if (phase === 'not-initialized' && SESSION_CALLS.includes(method)) violations.push({ rule: 'call-before-initialize' });
  if (method === 'LMSInitialize' && phase !== 'not-initialized') violations.push({ rule: 'initialize-twice' });
  if (EMPTY_PARAMETER_CALLS.includes(method) && (args[0] ?? '') !== '') violations.push({ rule: 'argument-not-empty' });
  return violations;
}

/** The phase after a call that answered `result`: LMSInitialize and LMSFinish count when they answer "true". */
export function phaseAfter(phase: SessionPhase, method: ApiMethod, result: string): SessionPhase {
  if (method === 'LMSInitialize' && result === 'true' && phase === 'not-initialized') return 'running';
  if (method === 'LMSFinish' && result === 'true') return 'finished';
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

/** Every rule, call by call, over one session: the order rules, the value rules, commits in a batch. */
export class SessionRules {
  private phase: SessionPhase = 'not-initialized';
  /** The last LMSSetValue/LMSCommit calls, newest last. */
  private recent: { method: ApiMethod; index: number; task: number }[] = [];

  get initialized(): boolean {
    return this.phase !== 'not-initialized';
  }

  get isFinished(): boolean {
    return this.phase === 'finished';
  }

  /** Judge a call before it runs. */
  check(call: CallFacts): SessionVerdict {
    const violations = orderViolations(this.phase, call.method, call.args);
    const earlier: SessionVerdict['earlier'] = [];
    if (call.method === 'LMSSetValue') {
      violations.push(...checkSetValue(call.args[0] ?? '', call.args[1] ?? '', { interactionCount: call.interactionCount }));
      const [beforeLast, last] = this.recent.slice(-2);
      if (last?.method === 'LMSCommit' && beforeLast?.method === 'LMSSetValue' && last.task === call.task && beforeLast.task === call.task) {
        earlier.push({ index: last.index, violation: { rule: 'commit-between-setvalues' } });
      }
    }
    if (call.method === 'LMSSetValue' || call.method === 'LMSCommit') this.recent = [...this.recent.slice(-1), { method: call.method, index: call.index, task: call.task }];
    return { violations, earlier };
  }

  /** Record what a call did (after it ran). */
  record(method: ApiMethod, result: string): void {
    this.phase = phaseAfter(this.phase, method, result);
  }
}
