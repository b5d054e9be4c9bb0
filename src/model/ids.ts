// The identifier rules of the course format and of SCORM 1.2.

/** Lesson, question and course ids: ASCII, usable as SCORM interaction ids. */
export const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const ID_PATTERN_TEXT = 'an ASCII id of letters, digits, `_`, `.` or `-`';

/** Language folder names (BCP 47 style: `de`, `pt-BR`). */
export const LANG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANG_PATTERN_TEXT = 'language codes such as `de` or `pt-BR`';

/** Choice responses are single characters [0-9a-z]; keep below the 10 some LMSes accept. */
export const MAX_CHOICE_OPTIONS = 9;

/**
 * What the id of an author's heading starts with, before its GitHub-style anchor (`## Promises` is
 * `h-promises`): the ids of the launch page, of questions (`q-…`) and of footnotes never do.
 */
export const HEADING_ID_PREFIX = 'h-';
