// What an LMS hands a SCO at the next launch, from the record it kept of the learner's last
// session (Moodle's get_scorm_default): what the SCO wrote is handed back (bookmark, status,
// score, suspend_data, comments, preferences, objectives, interactions, so their `_count`
// continues); exit and session_time are not (they are write-only); entry is "resume" after exit
// "suspend", "" after any other exit, "ab-initio" for a new learner; the launch facts are the
// LMS's own at each launch: the learner, normal mode with credit, the mastery score, the total
// time; then the launch values of an LMS profile (mode, credit, mastery score, time limit, a
// forced entry) over it all. The strict LMS, the preview's emulator, the tests' scorm-again
// harness and the runtime's standalone mode all relaunch with it. It does not load the data model
// (the learner runtime bundles this file): launch values are checked by launch-values.ts.
import { creditFor, relaunchTree, valueAt, type CmiTree, type Learner } from '../scorm/relaunch.js';

// CmiTree: a CMI record as nested objects under `cmi` (scorm-again's renderCMIToJSONObject().cmi, or a Scorm12Record).
export type { CmiTree, Learner };

export interface LaunchFacts {
  /** cmi.core.student_id and student_name; left out when the LMS names no learner. */
  learner?: Learner;
  /** cmi.student_data.mastery_score: the manifest's adlcp:masteryscore, null for none; left out when not handed over. */
  masteryScore?: number | null;
  /** cmi.core.total_time of the learner's earlier sessions as the LMS adds them up; left out when it keeps none. */
  totalTime?: string;
  /**
   * Launch values by element name (see `launchValues` in src/lms/lms-profiles.ts), over everything
   * else; `checkLaunchValues` (launch-values.ts) says whether they are plain elements of their type.
   */
  launchValues?: Readonly<Record<string, string>>;
}

/** What the SCO wrote and the LMS hands back, by path under `cmi`. */
const HANDED_BACK: readonly string[] = [
  'core.lesson_location',
  'core.lesson_status',
  'core.score',
  'suspend_data',
  'comments',
  'objectives',
  'student_preference',
  'interactions',
];

/** cmi.core.entry after the kept record: ab-initio for a new learner, resume after exit "suspend", else "". */
export function entryAfter(kept: CmiTree | null): 'ab-initio' | 'resume' | '' {
  if (kept === null) return 'ab-initio';
  return valueAt(kept, 'core.exit') === 'suspend' ? 'resume' : '';
}

/**
 * The CMI a SCO starts from at this launch, as nested objects under `cmi` (what scorm-again's
 * loadFromJSON takes). Only elements with a value are present: an LMS fills in the rest with its
 * initial values. `kept` is not changed.
 */
export function relaunchCmi(kept: CmiTree | null, facts: LaunchFacts = {}): CmiTree {
  const { learner, masteryScore, launchValues } = facts;
  return relaunchTree([
    ['core.student_id', learner?.id],
    ['core.student_name', learner?.name],
    ['core.entry', entryAfter(kept)],
    ['core.lesson_mode', 'normal'],
    ['core.credit', creditFor(launchValues?.['cmi.core.lesson_mode'])],
    ['core.total_time', facts.totalTime],
    ['student_data.mastery_score', masteryScore === undefined ? undefined : masteryScore === null ? '' : String(masteryScore)],
  ], kept, HANDED_BACK, launchValues);
}
