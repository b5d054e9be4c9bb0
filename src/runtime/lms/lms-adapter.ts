// Typed wrappers for the eight calls of a SCORM run-time API, the same for SCORM 1.2 and 2004:
// each version binds its method names and says what its error codes mean (scorm12-adapter.ts,
// scorm2004-adapter.ts). Results are compared to the string "true"; after any "false" the error
// code, its text and the diagnostic are recorded. A "false" whose error code is 0 is a success:
// some LMSes store the value and still answer "false". One initialize, one finish (LMSFinish or
// Terminate), and no call at all once finish has been made.

export interface ScormFault {
  call: string;
  element?: string;
  code: number;
  message: string;
  diagnostic: string;
}

export type SetResult = { ok: true } | { ok: false; code: number };

/** The LMS's API object, its calls bound under neutral names. */
export interface ApiBinding {
  /** The version's own method names, for faults and the console. */
  readonly names: { readonly initialize: string; readonly finish: string; readonly getValue: string; readonly setValue: string; readonly commit: string };
  initialize(): unknown;
  finish(): unknown;
  getValue(element: string): unknown;
  setValue(element: string, value: string): unknown;
  commit(): unknown;
  lastError(): unknown;
  errorString(code: string): unknown;
  diagnostic(code: string): unknown;
}

/** What a version's error codes mean to the course. */
export interface ErrorMeaning {
  readonly noError: 0;
  readonly generalException: number;
  /** What a SetValue answers before the session runs, and after it was finished. */
  readonly notRunning: number;
  readonly afterFinish: number;
  /** A GetValue answering "" with this code is an element without a value yet (2004's 403), not a failed read. */
  readonly noValueYet?: number;
  /** Refusals that sending the same element again cannot change. */
  readonly permanent: readonly number[];
  /** Refusals that say the LMS lacks the element: an optional family (all interactions) is given up at once. */
  readonly missing: readonly number[];
}

type Phase = 'ready' | 'running' | 'failed' | 'finished';

const MAX_RECORDED_FAULTS = 50;

export class ScormAdapter {
  private phase: Phase = 'ready';
  /** The latest faults, oldest first. */
  readonly faults: ScormFault[] = [];

  constructor(private readonly api: ApiBinding, readonly errors: ErrorMeaning) {}

  get running(): boolean {
    return this.phase === 'running';
  }

  get finished(): boolean {
    return this.phase === 'finished';
  }

  /** Initialize with "", at most once. */
  initialize(): boolean {
    if (this.phase !== 'ready') return false;
    const ok = this.call(this.api.names.initialize, () => this.api.initialize());
    this.phase = ok ? 'running' : 'failed';
    return ok;
  }

  /** GetValue; "" when the element is empty or unreadable. */
  getValue(element: string): string {
    return this.readValue(element) ?? '';
  }

  /**
   * GetValue, telling an empty value from a failed read: "" is both, so after "" the error code
   * decides. Undefined (and a recorded fault) when the LMS could not give the value.
   */
  readValue(element: string): string | undefined {
    if (!this.running) return undefined;
    const call = this.api.names.getValue;
    let text: string;
    try {
      const value = this.api.getValue(element);
      text = value === null || value === undefined ? '' : String(value);
    } catch (error) {
      this.record({ call, element, code: this.errors.generalException, message: String(error), diagnostic: '' });
      return undefined;
    }
    if (text !== '') return text;
    const code = this.lastErrorCode();
    if (code === this.errors.noError || code === this.errors.noValueYet) return text;
    this.record(this.describeError(call, element, code));
    return undefined;
  }

  /** A `_count` element; 0 when the LMS cannot tell. */
  getCount(element: string): number {
    const count = Number.parseInt(this.getValue(element), 10);
    return Number.isFinite(count) && count >= 0 ? count : 0;
  }

  setValue(element: string, value: string): SetResult {
    if (!this.running) return { ok: false, code: this.finished ? this.errors.afterFinish : this.errors.notRunning };
    const ok = this.call(this.api.names.setValue, () => this.api.setValue(element, value), element);
    return ok ? { ok: true } : { ok: false, code: this.faults[this.faults.length - 1]?.code ?? this.errors.generalException };
  }

  commit(): boolean {
    if (!this.running) return false;
    return this.call(this.api.names.commit, () => this.api.commit());
  }

  /** Finish with "" (LMSFinish, Terminate), at most once; afterwards the adapter makes no call at all. */
  finish(): boolean {
    if (!this.running) return false;
    this.phase = 'finished';
    let ok = false;
    try {
      ok = String(this.api.finish()) === 'true';
    } catch {
      ok = false;
    }
    // Asking for the error would be a call after the finish, so the fault is recorded without it.
    const call = this.api.names.finish;
    if (!ok) this.record({ call, code: this.errors.generalException, message: `${call} did not return "true"`, diagnostic: '' });
    return ok;
  }

  private call(name: string, invoke: () => unknown, element?: string): boolean {
    let result: unknown;
    try {
      result = invoke();
    } catch (error) {
      this.record({ call: name, element, code: this.errors.generalException, message: String(error), diagnostic: '' });
      return false;
    }
    if (String(result) === 'true') return true;
    const code = this.lastErrorCode();
    // "false" with error 0: the LMS kept the value (it says there is no error); counting it as a
    // failure would re-send it for ever and warn the learner about a save that worked.
    if (code === this.errors.noError) return true;
    this.record(this.describeError(name, element, code));
    return false;
  }

  private lastErrorCode(): number {
    try {
      const parsed = Number.parseInt(String(this.api.lastError()), 10);
      return Number.isFinite(parsed) ? parsed : this.errors.generalException;
    } catch {
      return this.errors.generalException;
    }
  }

  private describeError(call: string, element: string | undefined, code: number): ScormFault {
    const read = (invoke: () => unknown): string => {
      try {
        const value = invoke();
        return value === null || value === undefined ? '' : String(value);
      } catch {
        return '';
      }
    };
    return {
      call,
      element,
      code,
      message: read(() => this.api.errorString(String(code))),
      diagnostic: read(() => this.api.diagnostic(String(code))),
    };
  }

  private record(fault: ScormFault): void {
    this.faults.push(fault);
    if (this.faults.length > MAX_RECORDED_FAULTS) this.faults.shift();
    console.warn(`SCORM ${fault.call}${fault.element === undefined ? '' : `(${fault.element})`} failed: ${fault.code} ${fault.message} ${fault.diagnostic}`.trim());
  }
}
