// The learner record an LMS keeps for one SCO: every SCORM 1.2 cmi element as a string, arrays as
// objects keyed "0", "1", … (the shape scorm-again renders, so tests read either LMS alike), and
// its conversion to and from flat element values.
import { EMPTY_SOURCE, flattenTree, indexed, jsonSource, type RecordSource } from '../scorm/record.js';
import { SCORM12_ARRAYS } from './data-model.js';

export type Scorm12Score = { raw: string; min: string; max: string };

export type Scorm12Objective = { id: string; score: Scorm12Score; status: string };

export type Scorm12Interaction = {
  id: string;
  objectives: Record<string, { id: string }>;
  time: string;
  type: string;
  correct_responses: Record<string, { pattern: string }>;
  weighting: string;
  student_response: string;
  result: string;
  latency: string;
};

export type Scorm12Record = {
  core: {
    student_id: string;
    student_name: string;
    lesson_location: string;
    credit: string;
    lesson_status: string;
    entry: string;
    score: Scorm12Score;
    total_time: string;
    lesson_mode: string;
    exit: string;
    session_time: string;
  };
  suspend_data: string;
  launch_data: string;
  comments: string;
  comments_from_lms: string;
  objectives: Record<string, Scorm12Objective>;
  student_data: { mastery_score: string; max_time_allowed: string; time_limit_action: string };
  student_preference: { audio: string; language: string; speed: string; text: string };
  interactions: Record<string, Scorm12Interaction>;
};

export type { RecordSource };

/** Build a record from element values: the one place that lists the record's fields. */
export function buildRecord(source: RecordSource): Scorm12Record {
  const get = (element: string) => source.value(`cmi.${element}`);
  const score = (prefix: string): Scorm12Score => ({ raw: get(`${prefix}.raw`), min: get(`${prefix}.min`), max: get(`${prefix}.max`) });
  return {
    core: {
      student_id: get('core.student_id'),
      student_name: get('core.student_name'),
      lesson_location: get('core.lesson_location'),
      credit: get('core.credit'),
      lesson_status: get('core.lesson_status'),
      entry: get('core.entry'),
      score: score('core.score'),
      total_time: get('core.total_time'),
      lesson_mode: get('core.lesson_mode'),
      exit: get('core.exit'),
      session_time: get('core.session_time'),
    },
    suspend_data: get('suspend_data'),
    launch_data: get('launch_data'),
    comments: get('comments'),
    comments_from_lms: get('comments_from_lms'),
    objectives: indexed(source.count('cmi.objectives'), (n) => ({
      id: get(`objectives.${n}.id`),
      score: score(`objectives.${n}.score`),
      status: get(`objectives.${n}.status`),
    })),
    student_data: {
      mastery_score: get('student_data.mastery_score'),
      max_time_allowed: get('student_data.max_time_allowed'),
      time_limit_action: get('student_data.time_limit_action'),
    },
    student_preference: {
      audio: get('student_preference.audio'),
      language: get('student_preference.language'),
      speed: get('student_preference.speed'),
      text: get('student_preference.text'),
    },
    interactions: indexed(source.count('cmi.interactions'), (n) => ({
      id: get(`interactions.${n}.id`),
      objectives: indexed(source.count(`cmi.interactions.${n}.objectives`), (m) => ({ id: get(`interactions.${n}.objectives.${m}.id`) })),
      time: get(`interactions.${n}.time`),
      type: get(`interactions.${n}.type`),
      correct_responses: indexed(source.count(`cmi.interactions.${n}.correct_responses`), (m) => ({ pattern: get(`interactions.${n}.correct_responses.${m}.pattern`) })),
      weighting: get(`interactions.${n}.weighting`),
      student_response: get(`interactions.${n}.student_response`),
      result: get(`interactions.${n}.result`),
      latency: get(`interactions.${n}.latency`),
    })),
  };
}

/** A record with every field empty. */
export function emptyRecord(): Scorm12Record {
  return buildRecord(EMPTY_SOURCE);
}

/**
 * A record from any JSON in the record's shape (a record that went through JSON, or scorm-again's
 * CMI object): missing or non-string values are empty, arrays end at their first gap.
 */
export function recordFromJson(json: unknown): Scorm12Record {
  return buildRecord(jsonSource(json));
}

/** A deep copy. */
export function copyRecord(record: Scorm12Record): Scorm12Record {
  return recordFromJson(record);
}

/** Every value of a record by element name, and the length of each of its arrays. */
export function flattenRecord(record: Scorm12Record): { values: Map<string, string>; counts: Map<string, number> } {
  return flattenTree(record, SCORM12_ARRAYS);
}
