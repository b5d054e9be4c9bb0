// The words of the SCORM 1.2 CMIVocabulary types.

/** cmi.core.lesson_status as a SCO may write it; "not attempted" is the LMS's own. */
export const WRITABLE_STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed'] as const;
/** Every word of the Status vocabulary: an objective's status may also be set back to "not attempted". */
export const ALL_STATUSES = [...WRITABLE_STATUSES, 'not attempted'] as const;

export const EXITS = ['time-out', 'suspend', 'logout', ''] as const;
export const CREDITS = ['credit', 'no-credit'] as const;
export const ENTRIES = ['ab-initio', 'resume', ''] as const;
export const LESSON_MODES = ['normal', 'review', 'browse'] as const;
export const TIME_LIMIT_ACTIONS = ['exit,message', 'exit,no message', 'continue,message', 'continue,no message', ''] as const;
export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'] as const;
export type InteractionTypeWord = (typeof INTERACTION_TYPES)[number];
/** cmi.interactions.n.result as a word (it may also be a number). */
export const INTERACTION_RESULTS = ['correct', 'wrong', 'unanticipated', 'neutral'] as const;
