// The SCORM 2004 run-time API as an LMS (or scorm-again) exposes it on `window.API_1484_11`: the
// eight methods of IEEE 1484.11.2, their names, and which of them need a running session.

/** The window property an LMS puts its API object on. */
export const API_PROPERTY = 'API_1484_11';

/** The eight methods, in the book's order. */
export const API_METHODS = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The support methods: they answer at any time, also before Initialize and after Terminate. */
export const ERROR_QUERIES: readonly ApiMethod[] = ['GetLastError', 'GetErrorString', 'GetDiagnostic'];

/** Calls that need a running session (between Initialize and Terminate). */
export const SESSION_CALLS: readonly ApiMethod[] = ['Terminate', 'GetValue', 'SetValue', 'Commit'];

/** Calls whose one parameter must be the empty string "". */
export const EMPTY_PARAMETER_CALLS: readonly ApiMethod[] = ['Initialize', 'Terminate', 'Commit'];

export interface Scorm2004Api {
  Initialize(parameter: string): unknown;
  Terminate(parameter: string): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(parameter: string): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
  GetDiagnostic(code: string): unknown;
}

/** Whether `candidate` has the eight methods. */
export function isScorm2004Api(candidate: unknown): candidate is Scorm2004Api {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const record = candidate as Record<string, unknown>;
  return API_METHODS.every((name) => typeof record[name] === 'function');
}
