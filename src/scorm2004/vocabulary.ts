// The words of the SCORM 2004 state (vocabulary) types, and the ADL navigation requests.

/** cmi.completion_status; "unknown" is the LMS's initial value. */
export const COMPLETION_STATUSES = ['completed', 'incomplete', 'not attempted', 'unknown'] as const;
/** cmi.success_status; "unknown" is the LMS's initial value. */
export const SUCCESS_STATUSES = ['passed', 'failed', 'unknown'] as const;

export const EXITS = ['time-out', 'suspend', 'logout', 'normal', ''] as const;
export const CREDITS = ['credit', 'no-credit'] as const;
export const ENTRIES = ['ab-initio', 'resume', ''] as const;
export const MODES = ['browse', 'normal', 'review'] as const;
/** cmi.time_limit_action: unlike SCORM 1.2, never empty ("continue,no message" by default). */
export const TIME_LIMIT_ACTIONS = ['exit,message', 'continue,message', 'exit,no message', 'continue,no message'] as const;
export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'] as const;
export type InteractionTypeWord = (typeof INTERACTION_TYPES)[number];
/** cmi.interactions.n.result as a word (it may also be a real number). */
export const INTERACTION_RESULTS = ['correct', 'incorrect', 'unanticipated', 'neutral'] as const;
/** cmi.learner_preference.audio_captioning. */
export const AUDIO_CAPTIONING = ['-1', '0', '1'] as const;

/**
 * adl.nav.request: what the SCO asks the LMS to do once it has terminated. "choice" and "jump"
 * name their target: `{target=<id>}choice`.
 */
export const NAV_REQUESTS = ['continue', 'previous', 'choice', 'jump', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll', '_none_'] as const;
export type NavRequest = (typeof NAV_REQUESTS)[number];
/** The requests that name a target activity. */
export const TARGETED_NAV_REQUESTS: readonly NavRequest[] = ['choice', 'jump'];
