// The SCORM 1.2 run-time data types as an LMS checks a value handed to LMSSetValue (or a launch
// value an LMS profile hands to the course). Each type names itself for diagnostics.
//
// Lengths are counted in UTF-16 code units and any character is accepted in the string types, as
// Moodle does (its CMIString patterns are `[\u0000-\uFFFF]{0,n}` with "SCORM 1.2 standard" on).
import { SUSPEND_DATA_LIMIT, TEXT_LIMIT } from './limits.js';
import { ALL_STATUSES, CREDITS, ENTRIES, EXITS, INTERACTION_RESULTS, INTERACTION_TYPES, LESSON_MODES, TIME_LIMIT_ACTIONS, WRITABLE_STATUSES } from './vocabulary.js';

export interface DataType {
  /** The type's name in the SCORM 1.2 book, e.g. "CMITimespan". */
  readonly name: string;
  accepts(value: string): boolean;
}

function type(name: string, accepts: (value: string) => boolean): DataType {
  return { name, accepts };
}

/** Up to `limit` characters of any kind. */
function characterString(name: string, limit: number): DataType {
  return type(name, (value) => value.length <= limit);
}

export const CMI_STRING_255 = characterString('CMIString255', TEXT_LIMIT);
export const CMI_STRING_4096 = characterString('CMIString4096', SUSPEND_DATA_LIMIT);

/** One to 255 printable ASCII characters without spaces (Moodle allows none at all; an empty id identifies nothing). */
export const CMI_IDENTIFIER = type('CMIIdentifier', (value) => value.length <= TEXT_LIMIT && /^[\x21-\x7e]+$/.test(value));

/** A decimal of at most three integer digits (Moodle's pattern), within [min, max]. */
export function cmiDecimal(min: number, max: number, options: { blank?: boolean } = {}): DataType {
  const name = `CMIDecimal [${min}, ${max}]${options.blank === true ? ' or CMIBlank' : ''}`;
  return type(name, (value) => {
    if (value === '') return options.blank === true;
    if (!/^-?(\d{1,3}(\.\d*)?|\.\d+)$/.test(value)) return false;
    const number = Number(value);
    return number >= min && number <= max;
  });
}

/** A signed integer within [min, max]. */
export function cmiSignedInteger(min: number, max: number): DataType {
  return type(`CMISInteger [${min}, ${max}]`, (value) => /^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max);
}

/** `HH[HH]:MM:SS[.S[S]]` as a pattern; CMI_TIMESPAN also wants minutes and seconds below 60. */
export const TIMESPAN_PATTERN = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,2})?$/;

/** `HH[HH]:MM:SS[.S[S]]`: two to four hour digits, minutes and seconds below 60. */
export const CMI_TIMESPAN = type('CMITimespan', (value) => {
  const match = TIMESPAN_PATTERN.exec(value);
  return match !== null && Number(match[2]) < 60 && Number(match[3]) < 60;
});

/** `HH:MM:SS[.S[S]]`, a time of day on the 24-hour clock. */
export const CMI_TIME = type('CMITime', (value) => {
  const match = TIME_OF_DAY.exec(value);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60 && Number(match[3]) < 60;
});

/** One of a fixed list of words (CMIVocabulary). */
export function cmiVocabulary(name: string, words: readonly string[]): DataType {
  return type(`CMIVocabulary (${name}: ${words.map((word) => JSON.stringify(word)).join(', ')})`, (value) => words.includes(value));
}

/** The statuses a SCO may write. */
export const LESSON_STATUS = cmiVocabulary('Status', WRITABLE_STATUSES);
/** An objective's status may also be set back to "not attempted". */
export const OBJECTIVE_STATUS = cmiVocabulary('Status', ALL_STATUSES);
export const EXIT = cmiVocabulary('Exit', EXITS);
export const CREDIT = cmiVocabulary('Credit', CREDITS);
export const ENTRY = cmiVocabulary('Entry', ENTRIES);
export const LESSON_MODE = cmiVocabulary('Lesson mode', LESSON_MODES);
export const TIME_LIMIT_ACTION = cmiVocabulary('Time limit action', TIME_LIMIT_ACTIONS);
export const INTERACTION_TYPE = cmiVocabulary('Interaction', INTERACTION_TYPES);

const RESULT_WORDS: readonly string[] = INTERACTION_RESULTS;
/** An interaction's result: a word, or a decimal of at most three integer digits, not negative (Moodle). */
export const INTERACTION_RESULT = type('CMIVocabulary (Result: "correct", "wrong", "unanticipated", "neutral") or CMIDecimal', (value) => RESULT_WORDS.includes(value) || /^(\d{1,3}(\.\d*)?|\.\d+)$/.test(value));

/**
 * A response or correct-response pattern. Its format depends on the interaction type in the book,
 * but Moodle (like most LMSes) only checks the length, as CMIString255.
 */
export const CMI_FEEDBACK = characterString('CMIFeedback', TEXT_LIMIT);
