// The run-time API of either SCORM version under neutral names, so that what wraps an LMS (the
// LMS profiles' quirks, the tests' faults and call recording, the preview's log) is written once:
// `neutralApi` turns a SCORM 1.2 (LMSInitialize …) or SCORM 2004 (Initialize …) API object into
// an RteApi, `versionApi` turns one back into the version's API object.
import { API_METHODS as SCORM12_METHODS, type Scorm12Api } from '../scorm12/api.js';
import { API_METHODS as SCORM2004_METHODS, type Scorm2004Api } from '../scorm2004/api.js';

export type Target = 'scorm12' | 'scorm2004';

/** The eight calls, in the book's order. */
export const RTE_CALLS = ['initialize', 'finish', 'getValue', 'setValue', 'commit', 'lastError', 'errorString', 'diagnostic'] as const;
export type RteCall = (typeof RTE_CALLS)[number];

export interface RteApi {
  initialize(parameter: string): unknown;
  finish(parameter: string): unknown;
  getValue(element: string): unknown;
  setValue(element: string, value: string): unknown;
  commit(parameter: string): unknown;
  lastError(): unknown;
  errorString(code: string): unknown;
  diagnostic(code: string): unknown;
}

export type VersionApi<T extends Target> = T extends 'scorm2004' ? Scorm2004Api : Scorm12Api;

/** The version's method name of each call ("LMSFinish", "Terminate", …). */
export function methodNames(target: Target): Readonly<Record<RteCall, string>> {
  const names = target === 'scorm2004' ? SCORM2004_METHODS : SCORM12_METHODS;
  return Object.fromEntries(RTE_CALLS.map((call, index) => [call, names[index]!])) as Record<RteCall, string>;
}

/** The call a version's method name stands for, or undefined. */
export function callOf(target: Target, method: string): RteCall | undefined {
  const names = methodNames(target);
  return RTE_CALLS.find((call) => names[call] === method);
}

/** A version's API object under neutral names. */
export function neutralApi(api: Scorm12Api | Scorm2004Api, target: Target): RteApi {
  const names = methodNames(target);
  const methods = api as unknown as Record<string, (...args: string[]) => unknown>;
  const bound = (call: RteCall) => (...args: string[]): unknown => methods[names[call]]!.apply(api, args);
  return Object.fromEntries(RTE_CALLS.map((call) => [call, bound(call)])) as unknown as RteApi;
}

/** An RteApi as the version's API object, with the version's method names. */
export function versionApi<T extends Target>(api: RteApi, target: T): VersionApi<T> {
  const names = methodNames(target);
  return Object.fromEntries(RTE_CALLS.map((call) => [names[call], (...args: string[]): unknown => (api[call] as (...values: string[]) => unknown)(...args)])) as unknown as VersionApi<T>;
}
