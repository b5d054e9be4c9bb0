// SCORM 2004 session rules across the calls of one launch: one Initialize, nothing after Terminate
// but the support methods (GetLastError, GetErrorString, GetDiagnostic), no session call before
// Initialize, "" as the parameter of Initialize, Terminate and Commit, and no Commit inside a batch
// of SetValue calls. The strict LMS refuses a call by these rules, the preview's emulator
// highlights it, the tests' strict checker lists it.
import { VersionSessionRules, type CallFactsOf, type SessionVerdict } from '../scorm/session-rules.js';
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

export type CallFacts = CallFactsOf<ApiMethod>;

export type { SessionVerdict };

/**
 * Every rule, call by call, over one session: the order rules, the value rules (with the
 * interaction types and pattern counts the session has set), commits in a batch.
 */
export class SessionRules extends VersionSessionRules<ApiMethod, 'terminated'> {
  private readonly types = new Map<number, string>();
  private readonly patterns = new Map<number, number>();

  constructor() {
    super({ setValue: 'SetValue', commit: 'Commit', finished: 'terminated', commitBetweenSetValues: '2004-commit-between-setvalues', orderViolations, phaseAfter });
  }

  protected override setValueViolations(call: CallFacts): RuleViolation[] {
    return checkSetValue(call.args[0] ?? '', call.args[1] ?? '', {
      interactionCount: call.interactionCount,
      interactionType: (index) => this.types.get(index),
      patternCount: (index) => this.patterns.get(index) ?? 0,
    });
  }

  /** Record what a call did (after it ran): the phase, and the interaction types and patterns a successful SetValue gave. */
  override record(method: ApiMethod, result: string, args: readonly string[] = []): void {
    super.record(method, result);
    if (method !== 'SetValue' || result !== 'true') return;
    const [element = '', value = ''] = args;
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type !== null) this.types.set(Number(type[1]), value);
    const pattern = /^cmi\.interactions\.(\d+)\.correct_responses\.(\d+)\.pattern$/.exec(element);
    if (pattern !== null) this.patterns.set(Number(pattern[1]), Math.max(this.patterns.get(Number(pattern[1])) ?? 0, Number(pattern[2]) + 1));
  }
}
