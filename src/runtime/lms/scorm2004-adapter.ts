// The SCORM 2004 API (window.API_1484_11) bound for the shared adapter (lms-adapter.ts): the eight
// calls of IEEE 1484.11.2, and what SCORM 2004's error codes mean to the course.
import type { Scorm2004Api } from '../../scorm2004/api.js';
import { Scorm2004ErrorCode } from '../../scorm2004/errors.js';
import { ScormAdapter, type ApiBinding, type ErrorMeaning } from './lms-adapter.js';

export const SCORM2004_ERRORS: ErrorMeaning = {
  noError: Scorm2004ErrorCode.noError,
  generalException: Scorm2004ErrorCode.generalException,
  notRunning: Scorm2004ErrorCode.storeDataBeforeInitialization,
  afterFinish: Scorm2004ErrorCode.storeDataAfterTermination,
  // GetValue of an element the learner never set (cmi.location, cmi.score.scaled on a first launch).
  noValueYet: Scorm2004ErrorCode.valueNotInitialized,
  // 201, 401, 402, 404–408: sending the same element again changes nothing. 351 (general set
  // failure) and 391 (general commit failure) may pass, so they are retried.
  permanent: [
    Scorm2004ErrorCode.generalArgumentError,
    Scorm2004ErrorCode.undefinedDataModelElement,
    Scorm2004ErrorCode.unimplementedDataModelElement,
    Scorm2004ErrorCode.elementIsReadOnly,
    Scorm2004ErrorCode.elementIsWriteOnly,
    Scorm2004ErrorCode.typeMismatch,
    Scorm2004ErrorCode.valueOutOfRange,
    Scorm2004ErrorCode.dependencyNotEstablished,
  ],
  // An LMS without interactions says 402 (or, not knowing them at all, 401) once for all of them.
  missing: [Scorm2004ErrorCode.unimplementedDataModelElement, Scorm2004ErrorCode.undefinedDataModelElement],
};

function bind(api: Scorm2004Api): ApiBinding {
  return {
    names: { initialize: 'Initialize', finish: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' },
    initialize: () => api.Initialize(''),
    finish: () => api.Terminate(''),
    getValue: (element) => api.GetValue(element),
    setValue: (element, value) => api.SetValue(element, value),
    commit: () => api.Commit(''),
    lastError: () => api.GetLastError(),
    errorString: (code) => api.GetErrorString(code),
    diagnostic: (code) => api.GetDiagnostic(code),
  };
}

export class Scorm2004Adapter extends ScormAdapter {
  constructor(api: Scorm2004Api) {
    super(bind(api), SCORM2004_ERRORS);
  }
}
