// What an LMS hands a SCO at launch, as a pure function of the record it kept from the learner's
// last session: entry "resume" after exit "suspend" ("" otherwise, "ab-initio" for a new learner),
// lesson_mode normal with credit, exit and session_time not handed back (they are write-only),
// interactions and objectives kept so their `_count` continues; then the launch values of an LMS
// profile (mode, credit, mastery score, time limit, a forced entry) over it. Rules follow Moodle's
// get_scorm_default. DOM-free.
import { parseElementName, SCORM12_ELEMENTS } from './scorm12-data-model.js';
import { buildRecord, emptyRecord, flattenRecord, type Scorm12Record } from './scorm12-record.js';

export interface Learner {
  id: string;
  name: string;
}

export interface LaunchInputs {
  /** The record the LMS kept from the learner's last session, or null for a new learner. */
  kept: Scorm12Record | null;
  /** Launch values by element name (see `launchValues` in lms-profiles.ts). */
  launchValues?: Readonly<Record<string, string>>;
  /** The manifest's adlcp:masteryscore, or null when it has none. */
  masteryScore: number | null;
  learner: Learner;
}

/** Moodle's cmi.core.total_time of a learner with no time recorded. */
export const NO_TOTAL_TIME = '00:00:00';

function entryAfter(kept: Scorm12Record | null): string {
  if (kept === null) return 'ab-initio';
  return kept.core.exit === 'suspend' ? 'resume' : '';
}

/** A launch value must name a single element of the model and be of its type. */
function checkLaunchValue(element: string, value: string): void {
  const name = parseElementName(element);
  const definition = SCORM12_ELEMENTS.get(name.model);
  if (definition === undefined || definition.keyword !== undefined || name.indices.length > 0) throw new Error(`A launch value for ${element}, which is not a plain SCORM 1.2 element`);
  if (definition.type !== undefined && !definition.type.accepts(value)) throw new Error(`Launch value ${JSON.stringify(value)} for ${element} is not a ${definition.type.name}`);
}

/** The record a SCO starts from at this launch. */
export function launchRecord(inputs: LaunchInputs): Scorm12Record {
  const { values, counts } = flattenRecord(inputs.kept ?? emptyRecord());
  const launch = inputs.launchValues ?? {};
  values.set('cmi.core.entry', entryAfter(inputs.kept));
  values.set('cmi.core.exit', '');
  values.set('cmi.core.session_time', '');
  if ((values.get('cmi.core.lesson_status') ?? '') === '') values.set('cmi.core.lesson_status', 'not attempted');
  if ((values.get('cmi.core.total_time') ?? '') === '') values.set('cmi.core.total_time', NO_TOTAL_TIME);
  values.set('cmi.core.student_id', inputs.learner.id);
  values.set('cmi.core.student_name', inputs.learner.name);
  values.set('cmi.student_data.mastery_score', inputs.masteryScore === null ? '' : String(inputs.masteryScore));
  values.set('cmi.core.lesson_mode', 'normal');
  for (const [element, value] of Object.entries(launch)) {
    checkLaunchValue(element, value);
    values.set(element, value);
  }
  // Moodle gives credit in normal mode only.
  if (launch['cmi.core.credit'] === undefined) values.set('cmi.core.credit', values.get('cmi.core.lesson_mode') === 'normal' ? 'credit' : 'no-credit');
  return buildRecord({ value: (element) => values.get(element) ?? '', count: (array) => counts.get(array) ?? 0 });
}
