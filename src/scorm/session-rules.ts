// The session rules both versions share, over the calls of one launch: the phase the session is
// in (its finish call ends it), the version's order rules before each call, its value rules on
// each SetValue, and no Commit inside a batch of SetValue calls. Each version names its calls and
// rules and gives its order rules (`SessionCalls`); the strict LMS refuses a call by these rules,
// the preview's emulator highlights it, the tests' strict checker lists it.
import type { RuleViolation } from './rule-violation.js';

/** The phases of a session; `Finished` is the version's name for the phase after its finish call. */
export type SessionPhaseOf<Finished extends string> = 'not-initialized' | 'running' | Finished;

export interface CallFactsOf<Method extends string> {
  method: Method;
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

/** What a version's session rules are made of. */
export interface SessionCalls<Method extends string, Finished extends string> {
  /** The version's SetValue and Commit. */
  readonly setValue: Method;
  readonly commit: Method;
  /** The phase after the finish call. */
  readonly finished: Finished;
  /** The rule id of a Commit between two SetValue calls of one task. */
  readonly commitBetweenSetValues: string;
  /** The order rules a call breaks in `phase`, before it runs (value rules aside). */
  orderViolations(phase: SessionPhaseOf<Finished>, method: Method, args: readonly string[]): RuleViolation[];
  /** The phase after a call that answered `result`. */
  phaseAfter(phase: SessionPhaseOf<Finished>, method: Method, result: string): SessionPhaseOf<Finished>;
}

/** Every rule, call by call, over one session: the order rules, the value rules (`setValueViolations`), commits in a batch. */
export abstract class VersionSessionRules<Method extends string, Finished extends string> {
  private phase: SessionPhaseOf<Finished> = 'not-initialized';
  /** The last SetValue/Commit calls, newest last. */
  private recent: { method: Method; index: number; task: number }[] = [];

  protected constructor(private readonly calls: SessionCalls<Method, Finished>) {}

  get initialized(): boolean {
    return this.phase !== 'not-initialized';
  }

  get isFinished(): boolean {
    return this.phase === this.calls.finished;
  }

  /** The value rules a SetValue call breaks. */
  protected abstract setValueViolations(call: CallFactsOf<Method>): RuleViolation[];

  /** Judge a call before it runs. */
  check(call: CallFactsOf<Method>): SessionVerdict {
    const { setValue, commit } = this.calls;
    const violations = this.calls.orderViolations(this.phase, call.method, call.args);
    const earlier: SessionVerdict['earlier'] = [];
    if (call.method === setValue) {
      violations.push(...this.setValueViolations(call));
      const [beforeLast, last] = this.recent.slice(-2);
      if (last?.method === commit && beforeLast?.method === setValue && last.task === call.task && beforeLast.task === call.task) {
        earlier.push({ index: last.index, violation: { rule: this.calls.commitBetweenSetValues } });
      }
    }
    if (call.method === setValue || call.method === commit) this.recent = [...this.recent.slice(-1), { method: call.method, index: call.index, task: call.task }];
    return { violations, earlier };
  }

  /** Record what a call did (after it ran). */
  record(method: Method, result: string): void {
    this.phase = this.calls.phaseAfter(this.phase, method, result);
  }
}
