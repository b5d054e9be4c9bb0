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

/** A CMI record as nested objects under `cmi` (scorm-again's renderCMIToJSONObject().cmi, or a Scorm12Record). */
export type CmiTree = Record<string, unknown>;

export interface Learner {
  id: string;
  name: string;
}

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
const HANDED_BACK: readonly (readonly string[])[] = [
  ['core', 'lesson_location'],
  ['core', 'lesson_status'],
  ['core', 'score'],
  ['suspend_data'],
  ['comments'],
  ['objectives'],
  ['student_preference'],
  ['interactions'],
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Set `path` in nested plain objects, creating (or replacing non-objects with) objects on the way. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child: Record<string, unknown> = isObject(next) ? next : {};
  target[head] = child;
  setAt(child, rest, value);
}

/** cmi.core.entry after the kept record: ab-initio for a new learner, resume after exit "suspend", else "". */
export function entryAfter(kept: CmiTree | null): 'ab-initio' | 'resume' | '' {
  if (kept === null) return 'ab-initio';
  return valueAt(kept, ['core', 'exit']) === 'suspend' ? 'resume' : '';
}

/**
 * The CMI a SCO starts from at this launch, as nested objects under `cmi` (what scorm-again's
 * loadFromJSON takes). Only elements with a value are present: an LMS fills in the rest with its
 * initial values. `kept` is not changed.
 */
export function relaunchCmi(kept: CmiTree | null, facts: LaunchFacts = {}): CmiTree {
  const launch = facts.launchValues ?? {};
  const cmi: CmiTree = {};
  const set = (path: readonly string[], value: unknown): void => setAt(cmi, path, value);
  if (facts.learner !== undefined) {
    set(['core', 'student_id'], facts.learner.id);
    set(['core', 'student_name'], facts.learner.name);
  }
  set(['core', 'entry'], entryAfter(kept));
  const mode = launch['cmi.core.lesson_mode'] ?? 'normal';
  set(['core', 'lesson_mode'], 'normal');
  // An LMS gives credit in normal mode only, unless it says otherwise.
  set(['core', 'credit'], mode === 'normal' ? 'credit' : 'no-credit');
  if (facts.totalTime !== undefined) set(['core', 'total_time'], facts.totalTime);
  if (facts.masteryScore !== undefined) set(['student_data', 'mastery_score'], facts.masteryScore === null ? '' : String(facts.masteryScore));
  for (const path of HANDED_BACK) {
    const value = valueAt(kept, path);
    if (value !== undefined) set(path, JSON.parse(JSON.stringify(value)) as unknown);
  }
  for (const [element, value] of Object.entries(launch)) set(element.split('.').slice(1), value);
  return cmi;
}
