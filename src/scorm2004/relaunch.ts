// What an LMS hands a SCO at the next launch, from the record it kept of the learner's last
// session (RTE 4.2.8 and ADL's sample RTE): what the SCO wrote is handed back (location, both
// statuses, score, progress, suspend_data, comments, preferences, objectives, interactions, so
// their `_count` continues); exit and session_time are not (they are write-only); entry is
// "resume" after exit "suspend" or "logout", "" after any other exit, "ab-initio" for a new
// learner; the launch facts are the LMS's own at each launch: the learner, normal mode with credit,
// the scaled passing score, the total time; then the launch values of an LMS profile (mode,
// credit, passing score, time limit, a forced entry) over it all. The strict LMS, the preview's
// emulator, the tests' scorm-again harness and the runtime's standalone mode relaunch with it. It
// does not load the data model (the learner runtime bundles this file): launch values are checked
// by launch-values.ts.
import { creditFor, relaunchTree, valueAt, type CmiTree, type Learner } from '../scorm/relaunch.js';

// CmiTree: a CMI record as nested objects under `cmi` (scorm-again's renderCMIToJSONObject().cmi, or a Scorm2004Record).
export type { CmiTree, Learner };

export interface LaunchFacts {
  /** cmi.learner_id and learner_name; left out when the LMS names no learner. */
  learner?: Learner;
  /** cmi.scaled_passing_score (−1…1): the manifest's imsss:minNormalizedMeasure, null for none; left out when not handed over. */
  scaledPassingScore?: number | null;
  /** cmi.total_time of the learner's earlier sessions as the LMS adds them up; left out when it keeps none. */
  totalTime?: string;
  /**
   * Launch values by element name (see the SCORM 2004 profiles in src/lms/lms-profiles.ts), over
   * everything else; `checkLaunchValues` (launch-values.ts) says whether they are plain elements of their type.
   */
  launchValues?: Readonly<Record<string, string>>;
}

/** Exits after which the next launch resumes the attempt. */
const RESUMING_EXITS: readonly string[] = ['suspend', 'logout'];

/** What the SCO wrote and the LMS hands back, by path under `cmi`. */
const HANDED_BACK: readonly string[] = [
  'location',
  'completion_status',
  'success_status',
  'score',
  'progress_measure',
  'suspend_data',
  'comments_from_learner',
  'objectives',
  'learner_preference',
  'interactions',
];

/** cmi.entry after the kept record: ab-initio for a new learner, resume after exit "suspend" (or "logout"), else "". */
export function entryAfter(kept: CmiTree | null): 'ab-initio' | 'resume' | '' {
  if (kept === null) return 'ab-initio';
  const exit = valueAt(kept, 'exit');
  return typeof exit === 'string' && RESUMING_EXITS.includes(exit) ? 'resume' : '';
}

/** A scaled score as the LMS writes it: the shortest decimal of at most seven places. */
export function scaledText(scaled: number): string {
  return String(Number(scaled.toFixed(7)));
}

/**
 * The CMI a SCO starts from at this launch, as nested objects under `cmi` (what scorm-again's
 * loadFromJSON takes). Only elements with a value are present: an LMS fills in the rest with its
 * initial values. `kept` is not changed.
 */
export function relaunchCmi(kept: CmiTree | null, facts: LaunchFacts = {}): CmiTree {
  const { learner, scaledPassingScore, launchValues } = facts;
  return relaunchTree([
    ['learner_id', learner?.id],
    ['learner_name', learner?.name],
    ['entry', entryAfter(kept)],
    ['mode', 'normal'],
    ['credit', creditFor(launchValues?.['cmi.mode'])],
    ['total_time', facts.totalTime],
    ['scaled_passing_score', scaledPassingScore === undefined || scaledPassingScore === null ? undefined : scaledText(scaledPassingScore)],
  ], kept, HANDED_BACK, launchValues);
}
