// The SCORM 2004 run-time data types (RTE 4.1.1, IEEE 1484.11.1) as an LMS checks a value handed to
// SetValue (or a launch value an LMS profile hands to the course). Each type names itself for
// diagnostics and says whether a value is of it (406 when not) and, for numbers, within range (407).
//
// Lengths are counted in UTF-16 code units; a string longer than the smallest permitted maximum
// is refused, as Moodle's and scorm-again's patterns do.
import { LOCALIZED_STRING_LIMIT, LONG_IDENTIFIER_LIMIT, SHORT_IDENTIFIER_LIMIT } from './limits.js';
import { isDuration, isTimestamp } from './timeinterval.js';
import { AUDIO_CAPTIONING, COMPLETION_STATUSES, CREDITS, ENTRIES, EXITS, INTERACTION_RESULTS, INTERACTION_TYPES, MODES, NAV_REQUESTS, SUCCESS_STATUSES, TARGETED_NAV_REQUESTS, TIME_LIMIT_ACTIONS, type NavRequest } from './vocabulary.js';

export interface DataType {
  /** The type's name in the book, e.g. "timeinterval (second,10,2)". */
  readonly name: string;
  /** The value has the type's form (else 406). */
  accepts(value: string): boolean;
  /** A value of the right form is within the type's range (else 407); true when the type has none. */
  inRange?(value: string): boolean;
}

function type(name: string, accepts: (value: string) => boolean, inRange?: (value: string) => boolean): DataType {
  return inRange === undefined ? { name, accepts } : { name, accepts, inRange };
}

/** Up to `limit` characters of any kind. */
export function characterString(limit: number): DataType {
  return type(`characterstring (SPM ${limit})`, (value) => value.length <= limit);
}

/** A language tag: a primary subtag of 1–8 letters (or i, x) and subtags of 2–8 letters and digits. */
export const LANGUAGE_TAG = /^([A-Za-z]{1,8}|i|x)(-[A-Za-z0-9]{2,8})*$/;

/**
 * localized_string_type: an optional `{lang=<tag>}` delimiter, then up to `limit` characters that
 * do not begin with "{" (which an LMS would read as a delimiter).
 */
export function localizedString(limit: number): DataType {
  return type(`localized_string_type (SPM ${limit})`, (value) => {
    const match = /^\{lang=([^}]*)\}/.exec(value);
    if (match !== null && !LANGUAGE_TAG.test(match[1]!)) return false;
    const text = match === null ? value : value.slice(match[0].length);
    return text.length <= limit && !text.startsWith('{');
  });
}

/** The characters of a URI (RFC 3986): unreserved, reserved and percent signs. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

function identifier(name: string, limit: number): DataType {
  return type(`${name} (SPM ${limit})`, (value) => value.length >= 1 && value.length <= limit && URI_CHARACTERS.test(value) && (!value.startsWith('urn:') || /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:./.test(value)));
}

/** long_identifier_type: a URI of 1–4000 characters (interaction and objective ids, learner_id). */
export const LONG_IDENTIFIER = identifier('long_identifier_type', LONG_IDENTIFIER_LIMIT);
/** short_identifier_type: a URI of 1–250 characters (choice and likert response items). */
export const SHORT_IDENTIFIER = identifier('short_identifier_type', SHORT_IDENTIFIER_LIMIT);

const REAL = /^-?(\d{1,10}(\.\d{1,7})?|\.\d{1,7})$/;

/** real (10,7): at most ten integer digits and seven decimals, within [min, max] where they are given. */
export function real(range: { min?: number; max?: number } = {}): DataType {
  const bounds = range.min === undefined && range.max === undefined ? '' : ` [${range.min ?? '-∞'}, ${range.max ?? '∞'}]`;
  return type(`real (10,7)${bounds}`, (value) => REAL.test(value), (value) => {
    const number = Number(value);
    return (range.min === undefined || number >= range.min) && (range.max === undefined || number <= range.max);
  });
}

/** timeinterval (second,10,2): an ISO 8601 duration, e.g. "PT1H2M3.45S". */
export const TIMEINTERVAL = type('timeinterval (second,10,2)', isDuration);

/** time (second,10,0): a point in time, e.g. "2024-06-11T08:03:59.12Z". */
export const TIME = type('time (second,10,0)', isTimestamp);

/** One of a fixed list of words (a state type). */
export function state(name: string, words: readonly string[]): DataType {
  return type(`state (${name}: ${words.map((word) => JSON.stringify(word)).join(', ')})`, (value) => words.includes(value));
}

export const COMPLETION_STATUS = state('completion_status', COMPLETION_STATUSES);
export const SUCCESS_STATUS = state('success_status', SUCCESS_STATUSES);
export const EXIT = state('exit', EXITS);
export const CREDIT = state('credit', CREDITS);
export const ENTRY = state('entry', ENTRIES);
export const MODE = state('mode', MODES);
export const TIME_LIMIT_ACTION = state('time_limit_action', TIME_LIMIT_ACTIONS);
export const INTERACTION_TYPE = state('interaction type', INTERACTION_TYPES);
export const AUDIO_CAPTIONING_STATE = state('audio_captioning', AUDIO_CAPTIONING);

const RESULT_WORDS: readonly string[] = INTERACTION_RESULTS;
/** An interaction's result: a word of the vocabulary, or a real number. */
export const INTERACTION_RESULT = type('state (result: "correct", "incorrect", "unanticipated", "neutral") or real (10,7)', (value) => RESULT_WORDS.includes(value) || REAL.test(value));

const NAV_WORDS: readonly string[] = NAV_REQUESTS;
/** adl.nav.request: a request word, "choice" and "jump" with their `{target=<id>}`. */
export const NAV_REQUEST = type('adl.nav.request (continue, previous, {target=…}choice, {target=…}jump, exit, exitAll, abandon, abandonAll, suspendAll, _none_)', (value) => {
  const targeted = /^\{target=([^}]+)\}(choice|jump)$/.exec(value);
  if (targeted !== null) return SHORT_IDENTIFIER.accepts(targeted[1]!);
  return NAV_WORDS.includes(value) && !TARGETED_NAV_REQUESTS.includes(value as NavRequest);
});

export const LOCALIZED_STRING_250 = localizedString(LOCALIZED_STRING_LIMIT);
