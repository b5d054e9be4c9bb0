// SCORM 1.2 session rules across the calls of one launch: one LMSInitialize, nothing
// after LMSFinish, no LMSCommit inside a batch of LMSSetValue calls. DOM-free.
import { checkSetValue, type RuleViolation } from './value-rules.js';

export type ApiMethod =
  | 'LMSInitialize'
  | 'LMSFinish'
  | 'LMSGetValue'
  | 'LMSSetValue'
  | 'LMSCommit'
  | 'LMSGetLastError'
  | 'LMSGetErrorString'
  | 'LMSGetDiagnostic';

export const API_METHODS: readonly ApiMethod[] = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];

/** Calls that need an open session (the error functions work at any time). */
const SESSION_CALLS: readonly ApiMethod[] = ['LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'];

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

export class SessionRules {
  private initializeCalls = 0;
  private finished = false;
  /** The last LMSSetValue/LMSCommit calls, newest last. */
  private recent: { method: ApiMethod; index: number; task: number }[] = [];

  get initialized(): boolean {
    return this.initializeCalls > 0;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Judge a call before it runs. */
  check(call: CallFacts): SessionVerdict {
    const violations: RuleViolation[] = [];
    const earlier: SessionVerdict['earlier'] = [];
    if (this.finished) violations.push({ rule: 'call-after-finish' });
    else if (!this.initialized && SESSION_CALLS.includes(call.method)) violations.push({ rule: 'call-before-initialize' });
    if (call.method === 'LMSInitialize' && this.initialized) violations.push({ rule: 'initialize-twice' });
    if ((call.method === 'LMSInitialize' || call.method === 'LMSFinish' || call.method === 'LMSCommit') && (call.args[0] ?? '') !== '') {
      violations.push({ rule: 'argument-not-empty' });
    }
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
    if (method === 'LMSInitialize' && result === 'true') this.initializeCalls++;
    if (method === 'LMSFinish' && result === 'true') this.finished = true;
  }
}
