// What an LMS profile's quirks changed in a call: the emulator compares what scorm-again (the LMS
// underneath) was asked and answered with what the course received, so the call log can say "LMS
// quirk" rather than let a made-up "false" pass for a failure. For SCORM 1.2 and 2004 alike: calls
// go by the version's method names. DOM-free.
import { methodNames, neutralApi, RTE_CALLS, versionApi, type RteApi, type Target, type VersionApi } from '../../lms/rte-api.js';

/** One call as it reached scorm-again, under the quirks layer. */
export interface ForwardedCall {
  /** The version's method name (LMSSetValue, SetValue, …). */
  method: string;
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
  method: string;
  args: readonly string[];
  result: string;
  errorCode: string;
}

/** `api`, remembering the last call that went through it until `take()` is called. */
export class ForwardingRecorder<T extends Target = 'scorm12'> {
  readonly api: VersionApi<T>;
  private last: ForwardedCall | undefined;

  constructor(target: VersionApi<T>, version: T = 'scorm12' as T) {
    const underneath = neutralApi(target, version);
    const names = methodNames(version);
    const forwarding = Object.fromEntries(RTE_CALLS.map((call) => [call, (...args: string[]): unknown => {
      const result = (underneath[call] as (...values: string[]) => unknown)(...args);
      this.last = { method: names[call], args, result: String(result) };
      return result;
    }])) as unknown as RteApi;
    this.api = versionApi(forwarding, version);
  }

  /** The call forwarded since the last take(), if any. */
  take(): ForwardedCall | undefined {
    const last = this.last;
    this.last = undefined;
    return last;
  }
}

const SET_VALUE = ['LMSSetValue', 'SetValue'];

/** The quirk that made `delivered` differ from what scorm-again was asked or answered. */
export function quirkOf(delivered: DeliveredCall, forwarded: ForwardedCall | undefined): QuirkNote | undefined {
  if (forwarded === undefined || forwarded.method !== delivered.method) {
    return SET_VALUE.includes(delivered.method) ? { quirk: 'refused', values: { code: delivered.errorCode } } : undefined;
  }
  if (SET_VALUE.includes(delivered.method)) {
    const given = delivered.args[1] ?? '';
    const kept = forwarded.args[1] ?? '';
    if (kept !== given) return { quirk: 'truncated', values: { kept: kept.length, length: given.length } };
  }
  if (forwarded.result === delivered.result) return undefined;
  if (delivered.result === 'false' && delivered.errorCode === '0') return { quirk: 'false-with-no-error' };
  return { quirk: 'changed-value', values: { held: JSON.stringify(forwarded.result), returned: JSON.stringify(delivered.result) } };
}
