// The SCORM 1.2 run-time API as an LMS (or scorm-again) exposes it on `window.API`: the eight
// methods, their names, and which of them need a running session.

/** The window property an LMS puts its API object on. */
export const API_PROPERTY = 'API';

/** The eight methods, in the book's order. */
export const API_METHODS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The error functions: they answer at any time, also before LMSInitialize and after LMSFinish. */
export const ERROR_QUERIES: readonly ApiMethod[] = ['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];

/** Calls that need a running session (between LMSInitialize and LMSFinish). */
export const SESSION_CALLS: readonly ApiMethod[] = ['LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'];

/** Calls whose one parameter must be the empty string "". */
export const EMPTY_PARAMETER_CALLS: readonly ApiMethod[] = ['LMSInitialize', 'LMSFinish', 'LMSCommit'];

export interface Scorm12Api {
  LMSInitialize(parameter: string): unknown;
  LMSFinish(parameter: string): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: string): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
  LMSGetDiagnostic(code: string): unknown;
}

/** Whether `candidate` has the eight methods. */
export function isScorm12Api(candidate: unknown): candidate is Scorm12Api {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const record = candidate as Record<string, unknown>;
  return API_METHODS.every((name) => typeof record[name] === 'function');
}
