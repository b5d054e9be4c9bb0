// The SCORM 1.2 API (window.API) bound for the shared adapter (lms-adapter.ts): the eight LMS…
// calls, and what SCORM 1.2's error codes mean to the course.
import type { Scorm12Api } from '../../scorm12/api.js';
import { ScormErrorCode } from '../../scorm12/errors.js';
import { ScormAdapter, type ApiBinding, type ErrorMeaning } from './lms-adapter.js';

export type { ScormFault, SetResult } from './lms-adapter.js';

export const SCORM12_ERRORS: ErrorMeaning = {
  noError: ScormErrorCode.noError,
  generalException: ScormErrorCode.generalException,
  notRunning: ScormErrorCode.notInitialized,
  afterFinish: ScormErrorCode.generalException,
  // 201, 401–405: sending the same element again changes nothing.
  permanent: [
    ScormErrorCode.invalidArgument,
    ScormErrorCode.notImplemented,
    ScormErrorCode.invalidSetValue,
    ScormErrorCode.elementIsReadOnly,
    ScormErrorCode.elementIsWriteOnly,
    ScormErrorCode.incorrectDataType,
  ],
  // Interactions are optional in SCORM 1.2: an LMS without them says 401 once for all of them.
  missing: [ScormErrorCode.notImplemented],
};

function bind(api: Scorm12Api): ApiBinding {
  return {
    names: { initialize: 'LMSInitialize', finish: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' },
    initialize: () => api.LMSInitialize(''),
    finish: () => api.LMSFinish(''),
    getValue: (element) => api.LMSGetValue(element),
    setValue: (element, value) => api.LMSSetValue(element, value),
    commit: () => api.LMSCommit(''),
    lastError: () => api.LMSGetLastError(),
    errorString: (code) => api.LMSGetErrorString(code),
    diagnostic: (code) => api.LMSGetDiagnostic(code),
  };
}

export class Scorm12Adapter extends ScormAdapter {
  constructor(api: Scorm12Api) {
    super(bind(api), SCORM12_ERRORS);
  }
}
