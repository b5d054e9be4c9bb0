// The SCORM 1.2 run-time API as an LMS (or scorm-again) exposes it on `window.API`.

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

const API_FUNCTIONS: ReadonlyArray<keyof Scorm12Api> = [
  'LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic',
];

export function isScorm12Api(candidate: unknown): candidate is Scorm12Api {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const record = candidate as Record<string, unknown>;
  return API_FUNCTIONS.every((name) => typeof record[name] === 'function');
}
