// What an LMS profile's quirks changed in a call: the emulator compares what scorm-again (the LMS
// underneath) was asked and answered with what the course received, so the call log can say "LMS
// quirk" rather than let a made-up "false" pass for a failure. DOM-free.
import type { ApiMethod, Scorm12Api } from '../../scorm12/api.js';

/** One call as it reached scorm-again, under the quirks layer. */
export interface ForwardedCall {
  method: ApiMethod;
  args: string[];
  result: string;
}

/** A quirk seen in a call: its id (UI text `quirk.<id>` in templates/preview/strings.json) and details. */
export interface QuirkNote {
  quirk: 'false-with-no-error' | 'refused' | 'truncated' | 'changed-value';
  values?: Record<string, string | number>;
}

/** The call as the course made it and what it received. */
export interface DeliveredCall {
  method: ApiMethod;
  args: readonly string[];
  result: string;
  errorCode: string;
}

/** `api`, remembering the last call that went through it until `take()` is called. */
export class ForwardingRecorder {
  readonly api: Scorm12Api;
  private last: ForwardedCall | undefined;

  constructor(target: Scorm12Api) {
    const forward = (method: ApiMethod, args: string[]): unknown => {
      const result = (target[method] as (...values: string[]) => unknown).apply(target, args);
      this.last = { method, args, result: String(result) };
      return result;
    };
    this.api = {
      LMSInitialize: (parameter) => forward('LMSInitialize', [parameter]),
      LMSFinish: (parameter) => forward('LMSFinish', [parameter]),
      LMSGetValue: (element) => forward('LMSGetValue', [element]),
      LMSSetValue: (element, value) => forward('LMSSetValue', [element, value]),
      LMSCommit: (parameter) => forward('LMSCommit', [parameter]),
      LMSGetLastError: () => forward('LMSGetLastError', []),
      LMSGetErrorString: (code) => forward('LMSGetErrorString', [code]),
      LMSGetDiagnostic: (code) => forward('LMSGetDiagnostic', [code]),
    };
  }

  /** The call forwarded since the last take(), if any. */
  take(): ForwardedCall | undefined {
    const last = this.last;
    this.last = undefined;
    return last;
  }
}

/** The quirk that made `delivered` differ from what scorm-again was asked or answered. */
export function quirkOf(delivered: DeliveredCall, forwarded: ForwardedCall | undefined): QuirkNote | undefined {
  if (forwarded === undefined || forwarded.method !== delivered.method) {
    return delivered.method === 'LMSSetValue' ? { quirk: 'refused', values: { code: delivered.errorCode } } : undefined;
  }
  if (delivered.method === 'LMSSetValue') {
    const given = delivered.args[1] ?? '';
    const kept = forwarded.args[1] ?? '';
    if (kept !== given) return { quirk: 'truncated', values: { kept: kept.length, length: given.length } };
  }
  if (forwarded.result === delivered.result) return undefined;
  if (delivered.result === 'false' && delivered.errorCode === '0') return { quirk: 'false-with-no-error' };
  return { quirk: 'changed-value', values: { held: JSON.stringify(forwarded.result), returned: JSON.stringify(delivered.result) } };
}
