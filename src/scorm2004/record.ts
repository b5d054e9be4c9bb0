// The learner record an LMS keeps for one SCO: every SCORM 2004 cmi element as a string, arrays as
// objects keyed "0", "1", … (the shape scorm-again's Scorm2004API renders, so tests read either
// LMS alike), and its conversion to and from flat element values.
import { EMPTY_SOURCE, flattenTree, indexed, jsonSource, type RecordSource } from '../scorm/record.js';
import { SCORM2004_ARRAYS } from './data-model.js';

export type Scorm2004Score = { scaled: string; raw: string; min: string; max: string };

export type Scorm2004Comment = { comment: string; location: string; timestamp: string };

export type Scorm2004Objective = {
  id: string;
  score: Scorm2004Score;
  success_status: string;
  completion_status: string;
  progress_measure: string;
  description: string;
};

export type Scorm2004Interaction = {
  id: string;
  type: string;
  objectives: Record<string, { id: string }>;
  timestamp: string;
  correct_responses: Record<string, { pattern: string }>;
  weighting: string;
  learner_response: string;
  result: string;
  latency: string;
  description: string;
};

export type Scorm2004Record = {
  comments_from_learner: Record<string, Scorm2004Comment>;
  comments_from_lms: Record<string, Scorm2004Comment>;
  completion_status: string;
  completion_threshold: string;
  credit: string;
  entry: string;
  exit: string;
  interactions: Record<string, Scorm2004Interaction>;
  launch_data: string;
  learner_id: string;
  learner_name: string;
  learner_preference: { audio_level: string; language: string; delivery_speed: string; audio_captioning: string };
  location: string;
  max_time_allowed: string;
  mode: string;
  objectives: Record<string, Scorm2004Objective>;
  progress_measure: string;
  scaled_passing_score: string;
  score: Scorm2004Score;
  session_time: string;
  success_status: string;
  suspend_data: string;
  time_limit_action: string;
  total_time: string;
};

export type { RecordSource };

/** Build a record from element values: the one place that lists the record's fields. */
export function buildRecord(source: RecordSource): Scorm2004Record {
  const get = (element: string) => source.value(`cmi.${element}`);
  const score = (prefix: string): Scorm2004Score => ({ scaled: get(`${prefix}.scaled`), raw: get(`${prefix}.raw`), min: get(`${prefix}.min`), max: get(`${prefix}.max`) });
  const comments = (array: string): Record<string, Scorm2004Comment> => indexed(source.count(`cmi.${array}`), (n) => ({
    comment: get(`${array}.${n}.comment`),
    location: get(`${array}.${n}.location`),
    timestamp: get(`${array}.${n}.timestamp`),
  }));
  return {
    comments_from_learner: comments('comments_from_learner'),
    comments_from_lms: comments('comments_from_lms'),
    completion_status: get('completion_status'),
    completion_threshold: get('completion_threshold'),
    credit: get('credit'),
    entry: get('entry'),
    exit: get('exit'),
    interactions: indexed(source.count('cmi.interactions'), (n) => ({
      id: get(`interactions.${n}.id`),
      type: get(`interactions.${n}.type`),
      objectives: indexed(source.count(`cmi.interactions.${n}.objectives`), (m) => ({ id: get(`interactions.${n}.objectives.${m}.id`) })),
      timestamp: get(`interactions.${n}.timestamp`),
      correct_responses: indexed(source.count(`cmi.interactions.${n}.correct_responses`), (m) => ({ pattern: get(`interactions.${n}.correct_responses.${m}.pattern`) })),
      weighting: get(`interactions.${n}.weighting`),
      learner_response: get(`interactions.${n}.learner_response`),
      result: get(`interactions.${n}.result`),
      latency: get(`interactions.${n}.latency`),
      description: get(`interactions.${n}.description`),
    })),
    launch_data: get('launch_data'),
    learner_id: get('learner_id'),
    learner_name: get('learner_name'),
    learner_preference: {
      audio_level: get('learner_preference.audio_level'),
      language: get('learner_preference.language'),
      delivery_speed: get('learner_preference.delivery_speed'),
      audio_captioning: get('learner_preference.audio_captioning'),
    },
    location: get('location'),
    max_time_allowed: get('max_time_allowed'),
    mode: get('mode'),
    objectives: indexed(source.count('cmi.objectives'), (n) => ({
      id: get(`objectives.${n}.id`),
      score: score(`objectives.${n}.score`),
      success_status: get(`objectives.${n}.success_status`),
      completion_status: get(`objectives.${n}.completion_status`),
      progress_measure: get(`objectives.${n}.progress_measure`),
      description: get(`objectives.${n}.description`),
    })),
    progress_measure: get('progress_measure'),
    scaled_passing_score: get('scaled_passing_score'),
    score: score('score'),
    session_time: get('session_time'),
    success_status: get('success_status'),
    suspend_data: get('suspend_data'),
    time_limit_action: get('time_limit_action'),
    total_time: get('total_time'),
  };
}

/** A record with every field empty. */
export function emptyRecord(): Scorm2004Record {
  return buildRecord(EMPTY_SOURCE);
}

/**
 * A record from any JSON in the record's shape (a record that went through JSON, or scorm-again's
 * CMI object): missing or non-string values are empty, arrays end at their first gap.
 */
export function recordFromJson(json: unknown): Scorm2004Record {
  return buildRecord(jsonSource(json));
}

/** A deep copy. */
export function copyRecord(record: Scorm2004Record): Scorm2004Record {
  return recordFromJson(record);
}

/** Every value of a record by element name, and the length of each of its arrays. */
export function flattenRecord(record: Scorm2004Record): { values: Map<string, string>; counts: Map<string, number> } {
  return flattenTree(record, SCORM2004_ARRAYS);
}
