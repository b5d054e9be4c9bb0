// The SCORM 1.2 error codes LMSGetLastError reports (RTE 3.3.3), by name, with the book's texts
// for LMSGetErrorString: one list for the course's adapter and for the LMS doubles that answer it.

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

export const ERROR_STRINGS: Readonly<Record<ScormErrorCodeValue, string>> = {
  0: 'No error',
  101: 'General exception',
  201: 'Invalid argument error',
  202: 'Element cannot have children',
  203: 'Element not an array - cannot have count',
  301: 'Not initialized',
  401: 'Not implemented error',
  402: 'Invalid set value, element is a keyword',
  403: 'Element is read only',
  404: 'Element is write only',
  405: 'Incorrect data type',
};

/** The text of an error code given as a string ("" for a code that is not SCORM 1.2's). */
export function errorString(code: string): string {
  return Object.keys(ERROR_STRINGS).includes(code) ? ERROR_STRINGS[Number(code) as ScormErrorCodeValue] : '';
}
