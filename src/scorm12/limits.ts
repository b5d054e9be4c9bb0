// The lengths SCORM 1.2 guarantees, in UTF-16 code units (as LMSes count them).

/** cmi.suspend_data, cmi.launch_data and cmi.comments are CMIString4096. */
export const SUSPEND_DATA_LIMIT = 4096;

/** CMIString255 (cmi.core.lesson_location, student_name), CMIIdentifier and CMIFeedback (interaction ids, responses, patterns). */
export const TEXT_LIMIT = 255;

// Printable ASCII is the same in SCORM 2004 (scorm2004/limits.ts re-exports it). It stays here, in a
// file without imports, so that the bundler can inline the limits above into the learner runtime.

/** Printable ASCII, the characters every LMS stores and hands back unchanged (a portable CMIString). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Whether `value` is printable ASCII only. */
export function isPrintableAscii(value: string): boolean {
  return PRINTABLE_ASCII.test(value);
}

/** The first character that is not printable ASCII, with its index, or null. */
export function firstNotPrintableAscii(value: string): { code: number; index: number } | null {
  const match = /[^\x20-\x7e]/.exec(value);
  return match === null ? null : { code: match[0].charCodeAt(0), index: match.index };
}
