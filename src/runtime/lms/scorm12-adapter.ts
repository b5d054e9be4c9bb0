// Typed wrappers for the eight SCORM 1.2 calls. Results are compared to the string "true"; after
// any "false" the error code, its text and the diagnostic are recorded. A "false" whose error code
// is 0 is a success: some LMSes store the value and still answer "false". One LMSInitialize, one
// LMSFinish, and no call at all once LMSFinish has been made.
import type { Scorm12Api } from '../../scorm12/api.js';
import { ScormErrorCode } from '../../scorm12/errors.js';

export interface ScormFault {
  call: string;
  element?: string;
  code: number;
  message: string;
  diagnostic: string;
}

export type SetResult = { ok: true } | { ok: false; code: number };

type Phase = 'ready' | 'running' | 'failed' | 'finished';

const MAX_RECORDED_FAULTS = 50;

export class Scorm12Adapter {
  private phase: Phase = 'ready';
  /** The latest faults, oldest first. */
  readonly faults: ScormFault[] = [];

  constructor(private readonly api: Scorm12Api) {}

  get running(): boolean {
    return this.phase === 'running';
  }

  get finished(): boolean {
    return this.phase === 'finished';
  }

  /** LMSInitialize(""), at most once. */
  initialize(): boolean {
    if (this.phase !== 'ready') return false;
    const ok = this.call('LMSInitialize', () => this.api.LMSInitialize(''));
    this.phase = ok ? 'running' : 'failed';
    return ok;
  }

  /** LMSGetValue; "" when the element is empty or unreadable. */
  getValue(element: string): string {
    return this.readValue(element) ?? '';
  }

  /**
   * LMSGetValue, telling an empty value from a failed read: "" is both, so after "" the error code
   * decides. Undefined (and a recorded fault) when the LMS could not give the value.
   */
  readValue(element: string): string | undefined {
    if (!this.running) return undefined;
    let text: string;
    try {
      const value = this.api.LMSGetValue(element);
      text = value === null || value === undefined ? '' : String(value);
    } catch (error) {
      this.record({ call: 'LMSGetValue', element, code: ScormErrorCode.generalException, message: String(error), diagnostic: '' });
      return undefined;
    }
    if (text !== '') return text;
    const code = this.lastErrorCode();
    if (code === ScormErrorCode.noError) return text;
    this.record(this.describeError('LMSGetValue', element, code));
    return undefined;
  }

  /** A `_count` element; 0 when the LMS cannot tell. */
  getCount(element: string): number {
    const count = Number.parseInt(this.getValue(element), 10);
    return Number.isFinite(count) && count >= 0 ? count : 0;
  }

  setValue(element: string, value: string): SetResult {
    if (!this.running) return { ok: false, code: this.finished ? ScormErrorCode.generalException : ScormErrorCode.notInitialized };
    const ok = this.call('LMSSetValue', () => this.api.LMSSetValue(element, value), element);
    return ok ? { ok: true } : { ok: false, code: this.faults[this.faults.length - 1]?.code ?? ScormErrorCode.generalException };
  }

  commit(): boolean {
    if (!this.running) return false;
    return this.call('LMSCommit', () => this.api.LMSCommit(''));
  }

  /** LMSFinish(""), at most once; afterwards the adapter makes no call at all. */
  finish(): boolean {
    if (!this.running) return false;
    this.phase = 'finished';
    let ok = false;
    try {
      ok = String(this.api.LMSFinish('')) === 'true';
    } catch {
      ok = false;
    }
    // Asking for the error would be a call after LMSFinish, so the fault is recorded without it.
    if (!ok) this.record({ call: 'LMSFinish', code: ScormErrorCode.generalException, message: 'LMSFinish did not return "true"', diagnostic: '' });
    return ok;
  }

  private call(name: string, invoke: () => unknown, element?: string): boolean {
    let result: unknown;
    try {
      result = invoke();
    } catch (error) {
      this.record({ call: name, element, code: ScormErrorCode.generalException, message: String(error), diagnostic: '' });
      return false;
    }
    if (String(result) === 'true') return true;
    const code = this.lastErrorCode();
    // "false" with error 0: the LMS kept the value (it says there is no error); counting it as a
    // failure would re-send it for ever and warn the learner about a save that worked.
    if (code === ScormErrorCode.noError) return true;
    this.record(this.describeError(name, element, code));
    return false;
  }

  private lastErrorCode(): number {
    try {
      const parsed = Number.parseInt(String(this.api.LMSGetLastError()), 10);
      return Number.isFinite(parsed) ? parsed : ScormErrorCode.generalException;
    } catch {
      return ScormErrorCode.generalException;
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
      message: read(() => this.api.LMSGetErrorString(String(code))),
      diagnostic: read(() => this.api.LMSGetDiagnostic(String(code))),
    };
  }

  private record(fault: ScormFault): void {
    this.faults.push(fault);
    if (this.faults.length > MAX_RECORDED_FAULTS) this.faults.shift();
    console.warn(`SCORM ${fault.call}${fault.element === undefined ? '' : `(${fault.element})`} failed: ${fault.code} ${fault.message} ${fault.diagnostic}`.trim());
  }
}
