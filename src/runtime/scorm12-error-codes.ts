// The SCORM 1.2 error codes LMSGetLastError reports, by name: one list for the course's adapter
// and for the LMS doubles that answer it. DOM-free.

/** SCORM 1.2 error codes (RTE 3.3.3). */
export const ScormErrorCode = {
  noError: 0,
  generalException: 101,
  invalidArgument: 201,
  elementCannotHaveChildren: 202,
  elementNotAnArray: 203,
  notInitialized: 301,
  notImplemented: 401,
  invalidSetValue: 402,
  elementIsReadOnly: 403,
  elementIsWriteOnly: 404,
  incorrectDataType: 405,
} as const;

export type ScormErrorCodeValue = (typeof ScormErrorCode)[keyof typeof ScormErrorCode];
