// The smallest permitted maxima (SPM) SCORM 2004 4th Edition guarantees, in characters (UTF-16
// code units, as LMSes count them): an LMS must keep at least this much, and may refuse more.
import type { InteractionTypeWord } from './vocabulary.js';

/** The "[,]" between the items of a set in a response or a correct-response pattern. */
export const ITEM_SEPARATOR = '[,]';

/** cmi.suspend_data: characterstring (SPM 64000). */
export const SUSPEND_DATA_LIMIT = 64000;

/** cmi.location: characterstring (SPM 1000). */
export const LOCATION_LIMIT = 1000;

/** long_identifier_type (interaction and objective ids, learner_id): SPM 4000. */
export const LONG_IDENTIFIER_LIMIT = 4000;

/** short_identifier_type (choice, likert, matching and sequencing response items): SPM 250. */
export const SHORT_IDENTIFIER_LIMIT = 250;

/** localized_string_type (descriptions, learner_name, each fill-in string): SPM 250. */
export const LOCALIZED_STRING_LIMIT = 250;

/** cmi.launch_data, comments, long-fill-in and "other" responses: SPM 4000. */
export const LONG_STRING_LIMIT = 4000;

/** Records an LMS keeps at least: cmi.interactions (250), cmi.objectives (100). */
export const INTERACTIONS_LIMIT = 250;
export const OBJECTIVES_LIMIT = 100;

/** How many items a learner_response (or one correct-response pattern) of each type holds at least, and how long each is. */
export const RESPONSE_ITEM_LIMITS: Readonly<Record<InteractionTypeWord, { items: number; length: number }>> = {
  'true-false': { items: 1, length: 5 },
  choice: { items: 36, length: SHORT_IDENTIFIER_LIMIT },
  'fill-in': { items: 10, length: LOCALIZED_STRING_LIMIT },
  'long-fill-in': { items: 1, length: LONG_STRING_LIMIT },
  matching: { items: 36, length: SHORT_IDENTIFIER_LIMIT },
  performance: { items: 250, length: LOCALIZED_STRING_LIMIT },
  sequencing: { items: 36, length: SHORT_IDENTIFIER_LIMIT },
  likert: { items: 1, length: SHORT_IDENTIFIER_LIMIT },
  numeric: { items: 1, length: 40 },
  other: { items: 1, length: LONG_STRING_LIMIT },
};

/** How many correct_responses patterns an interaction of each type may have at least (RTE 4.2.9.1). */
export const CORRECT_RESPONSE_PATTERNS: Readonly<Record<InteractionTypeWord, number>> = {
  'true-false': 1,
  choice: 10,
  'fill-in': 5,
  'long-fill-in': 5,
  matching: 5,
  performance: 5,
  sequencing: 5,
  likert: 1,
  numeric: 1,
  other: 1,
};

// Printable ASCII is what every LMS keeps unchanged, in SCORM 2004 as in 1.2.
export { firstNotPrintableAscii, isPrintableAscii } from '../scorm12/limits.js';
