// The SCORM 1.2 error codes an LMS reports through LMSGetLastError, with the book's texts for
// LMSGetErrorString. DOM-free.

import { ScormErrorCode, type ScormErrorCodeValue } from '../runtime/scorm12-error-codes.js';

/** The codes, named as the course's adapter names them. */
export const LMS_ERROR = ScormErrorCode;

export type LmsErrorCode = ScormErrorCodeValue;

export const ERROR_STRINGS: Readonly<Record<LmsErrorCode, string>> = {
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
  return Object.keys(ERROR_STRINGS).includes(code) ? ERROR_STRINGS[Number(code) as LmsErrorCode] : '';
}
