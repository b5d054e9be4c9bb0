// The SCORM 1.2 run-time data types as an LMS checks a value handed to LMSSetValue (or a launch
// value an LMS profile hands to the course). Each type names itself for diagnostics. DOM-free.
//
// Lengths are counted in UTF-16 code units and any character is accepted in the string types, as
// Moodle does (its CMIString patterns are `[\u0000-\uFFFF]{0,n}` with "SCORM 1.2 standard" on).

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

export const CMI_STRING_255 = characterString('CMIString255', 255);
export const CMI_STRING_4096 = characterString('CMIString4096', 4096);

/** One to 255 printable ASCII characters without spaces (Moodle allows none at all; an empty id identifies nothing). */
export const CMI_IDENTIFIER = type('CMIIdentifier', (value) => /^[\x21-\x7e]{1,255}$/.test(value));

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

const TIMESPAN = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,2})?$/;

/** `HH[HH]:MM:SS[.S[S]]`: two to four hour digits, minutes and seconds below 60. */
export const CMI_TIMESPAN = type('CMITimespan', (value) => {
  const match = TIMESPAN.exec(value);
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

/** Statuses a SCO may write: "not attempted" is the LMS's own. */
export const WRITABLE_STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed'] as const;
export const LESSON_STATUS = cmiVocabulary('Status', WRITABLE_STATUSES);
/** An objective's status may also be set back to "not attempted". */
export const OBJECTIVE_STATUS = cmiVocabulary('Status', [...WRITABLE_STATUSES, 'not attempted']);
export const EXIT = cmiVocabulary('Exit', ['time-out', 'suspend', 'logout', '']);
export const CREDIT = cmiVocabulary('Credit', ['credit', 'no-credit']);
export const ENTRY = cmiVocabulary('Entry', ['ab-initio', 'resume', '']);
export const LESSON_MODE = cmiVocabulary('Lesson mode', ['normal', 'review', 'browse']);
export const TIME_LIMIT_ACTION = cmiVocabulary('Time limit action', ['exit,message', 'exit,no message', 'continue,message', 'continue,no message', '']);
export const INTERACTION_TYPE = cmiVocabulary('Interaction', ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric']);

const RESULT_WORDS = ['correct', 'wrong', 'unanticipated', 'neutral'];
/** An interaction's result: a word, or a decimal of at most three integer digits, not negative (Moodle). */
export const INTERACTION_RESULT = type('CMIVocabulary (Result: "correct", "wrong", "unanticipated", "neutral") or CMIDecimal', (value) => RESULT_WORDS.includes(value) || /^(\d{1,3}(\.\d*)?|\.\d+)$/.test(value));

/**
 * A response or correct-response pattern. Its format depends on the interaction type in the book,
 * but Moodle (like most LMSes) only checks the length, as CMIString255.
 */
export const CMI_FEEDBACK = characterString('CMIFeedback', 255);
