// SCORM 1.2 session rules across the calls of one launch: one LMSInitialize, nothing after
// LMSFinish, no session call before LMSInitialize, "" as the parameter of LMSInitialize,
// LMSFinish and LMSCommit, and no LMSCommit inside a batch of LMSSetValue calls. The strict LMS
// refuses a call by these rules, the preview's emulator highlights it, the tests' strict checker
// lists it.
import { VersionSessionRules, type CallFactsOf, type SessionVerdict } from '../scorm/session-rules.js';
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

export type CallFacts = CallFactsOf<ApiMethod>;

export type { SessionVerdict };

/** Every rule, call by call, over one session: the order rules, the value rules, commits in a batch. */
export class SessionRules extends VersionSessionRules<ApiMethod, 'finished'> {
  constructor() {
    super({ setValue: 'LMSSetValue', commit: 'LMSCommit', finished: 'finished', commitBetweenSetValues: 'commit-between-setvalues', orderViolations, phaseAfter });
  }

  protected override setValueViolations(call: CallFacts): RuleViolation[] {
    return checkSetValue(call.args[0] ?? '', call.args[1] ?? '', { interactionCount: call.interactionCount });
  }
}
