// The SCORM 2004 4th Edition run-time data model as an LMS enforces it (RTE 4.2, ADL's sample
// RTE): every cmi element and the adl.nav elements with their access, the type of their values, the
// `_children`, `_count` and `_version` keywords, the arrays, and what an element depends on (an
// interaction's type needs its id, its responses need its type: 408 otherwise). Element names use
// "n" for an array index.
import { parseElementName, type Access, type ArrayIndex, type ElementDefinitionOf, type ElementName, type Keyword } from '../scorm/data-model.js';
import {
  AUDIO_CAPTIONING_STATE,
  characterString,
  COMPLETION_STATUS,
  CREDIT,
  ENTRY,
  EXIT,
  INTERACTION_RESULT,
  INTERACTION_TYPE,
  LOCALIZED_STRING_250,
  localizedString,
  LONG_IDENTIFIER,
  MODE,
  NAV_REQUEST,
  real,
  state,
  SUCCESS_STATUS,
  TIME,
  TIME_LIMIT_ACTION,
  TIMEINTERVAL,
  type DataType,
} from './data-types.js';
import { LOCATION_LIMIT, LONG_STRING_LIMIT, SUSPEND_DATA_LIMIT } from './limits.js';

export type { Access, Keyword };

/**
 * An element of the table: its access; the LMS's own keywords, read-only, a write to which is
 * refused with 404; the type of its values (responses and patterns are checked by their
 * interaction's type); and what SCORM 2004 adds:
 */
export interface ElementDefinition extends ElementDefinitionOf<DataType> {
  /** The sibling element (by its last name segment) that must be set first. */
  readonly dependsOn?: string;
  /** The value an LMS starts with; an element without one reads "" with 403 until it is set. */
  readonly initial?: string;
}

/** The arrays, by element name. */
export const SCORM2004_ARRAYS: readonly string[] = [
  'cmi.comments_from_learner',
  'cmi.comments_from_lms',
  'cmi.interactions',
  'cmi.interactions.n.objectives',
  'cmi.interactions.n.correct_responses',
  'cmi.objectives',
];

function children(list: string): ElementDefinition {
  return { access: 'read-only', keyword: 'children', fixedValue: list };
}

const COUNT: ElementDefinition = { access: 'read-only', keyword: 'count' };

function readOnly(type: DataType, initial?: string): ElementDefinition {
  return initial === undefined ? { access: 'read-only', type } : { access: 'read-only', type, initial };
}

function readWrite(type: DataType, options: { initial?: string; dependsOn?: string } = {}): ElementDefinition {
  return { access: 'read-write', type, ...options };
}

function writeOnly(type: DataType, initial?: string): ElementDefinition {
  return initial === undefined ? { access: 'write-only', type } : { access: 'write-only', type, initial };
}

const SCALED = real({ min: -1, max: 1 });
const ANY_REAL = real();
const MEASURE = real({ min: 0, max: 1 });
const SCORE_CHILDREN = 'scaled,raw,min,max';
const COMMENT_CHILDREN = 'comment,location,timestamp';
const LONG_STRING = characterString(LONG_STRING_LIMIT);
const LOCALIZED_LONG = localizedString(LONG_STRING_LIMIT);
const SHORT_STRING = characterString(250);

/** Every element of the SCORM 2004 data model, and adl.nav.request with its two validity flags. */
export const SCORM2004_ELEMENTS: ReadonlyMap<string, ElementDefinition> = new Map<string, ElementDefinition>([
  ['cmi._version', { access: 'read-only', keyword: 'version', fixedValue: '1.0' }],
  ['cmi.comments_from_learner._children', children(COMMENT_CHILDREN)],
  ['cmi.comments_from_learner._count', COUNT],
  ['cmi.comments_from_learner.n.comment', readWrite(LOCALIZED_LONG)],
  ['cmi.comments_from_learner.n.location', readWrite(SHORT_STRING)],
  ['cmi.comments_from_learner.n.timestamp', readWrite(TIME)],
  ['cmi.comments_from_lms._children', children(COMMENT_CHILDREN)],
  ['cmi.comments_from_lms._count', COUNT],
  ['cmi.comments_from_lms.n.comment', readOnly(LOCALIZED_LONG)],
  ['cmi.comments_from_lms.n.location', readOnly(SHORT_STRING)],
  ['cmi.comments_from_lms.n.timestamp', readOnly(TIME)],
  ['cmi.completion_status', readWrite(COMPLETION_STATUS, { initial: 'unknown' })],
  ['cmi.completion_threshold', readOnly(MEASURE)],
  ['cmi.credit', readOnly(CREDIT, 'credit')],
  ['cmi.entry', readOnly(ENTRY, 'ab-initio')],
  ['cmi.exit', writeOnly(EXIT, '')],
  ['cmi.interactions._children', children('id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description')],
  ['cmi.interactions._count', COUNT],
  ['cmi.interactions.n.id', readWrite(LONG_IDENTIFIER)],
  ['cmi.interactions.n.type', readWrite(INTERACTION_TYPE, { dependsOn: 'id' })],
  ['cmi.interactions.n.objectives._count', COUNT],
  ['cmi.interactions.n.objectives.n.id', readWrite(LONG_IDENTIFIER)],
  ['cmi.interactions.n.timestamp', readWrite(TIME, { dependsOn: 'id' })],
  ['cmi.interactions.n.correct_responses._count', COUNT],
  ['cmi.interactions.n.correct_responses.n.pattern', { access: 'read-write', dependsOn: 'type' }],
  ['cmi.interactions.n.weighting', readWrite(ANY_REAL, { dependsOn: 'id' })],
  ['cmi.interactions.n.learner_response', { access: 'read-write', dependsOn: 'type' }],
  ['cmi.interactions.n.result', readWrite(INTERACTION_RESULT, { dependsOn: 'id' })],
  ['cmi.interactions.n.latency', readWrite(TIMEINTERVAL, { dependsOn: 'id' })],
  ['cmi.interactions.n.description', readWrite(LOCALIZED_STRING_250, { dependsOn: 'id' })],
  ['cmi.launch_data', readOnly(LONG_STRING)],
  ['cmi.learner_id', readOnly(LONG_IDENTIFIER)],
  ['cmi.learner_name', readOnly(LOCALIZED_STRING_250)],
  ['cmi.learner_preference._children', children('audio_level,language,delivery_speed,audio_captioning')],
  ['cmi.learner_preference.audio_level', readWrite(real({ min: 0 }), { initial: '1' })],
  ['cmi.learner_preference.language', readWrite(SHORT_STRING, { initial: '' })],
  ['cmi.learner_preference.delivery_speed', readWrite(real({ min: 0 }), { initial: '1' })],
  ['cmi.learner_preference.audio_captioning', readWrite(AUDIO_CAPTIONING_STATE, { initial: '0' })],
  ['cmi.location', readWrite(characterString(LOCATION_LIMIT))],
  ['cmi.max_time_allowed', readOnly(TIMEINTERVAL)],
  ['cmi.mode', readOnly(MODE, 'normal')],
  ['cmi.objectives._children', children('id,score,success_status,completion_status,progress_measure,description')],
  ['cmi.objectives._count', COUNT],
  ['cmi.objectives.n.id', readWrite(LONG_IDENTIFIER)],
  ['cmi.objectives.n.score._children', children(SCORE_CHILDREN)],
  ['cmi.objectives.n.score.scaled', readWrite(SCALED, { dependsOn: 'id' })],
  ['cmi.objectives.n.score.raw', readWrite(ANY_REAL, { dependsOn: 'id' })],
  ['cmi.objectives.n.score.min', readWrite(ANY_REAL, { dependsOn: 'id' })],
  ['cmi.objectives.n.score.max', readWrite(ANY_REAL, { dependsOn: 'id' })],
  ['cmi.objectives.n.success_status', readWrite(SUCCESS_STATUS, { initial: 'unknown', dependsOn: 'id' })],
  ['cmi.objectives.n.completion_status', readWrite(COMPLETION_STATUS, { initial: 'unknown', dependsOn: 'id' })],
  ['cmi.objectives.n.progress_measure', readWrite(MEASURE, { dependsOn: 'id' })],
  ['cmi.objectives.n.description', readWrite(LOCALIZED_STRING_250, { dependsOn: 'id' })],
  ['cmi.progress_measure', readWrite(MEASURE)],
  ['cmi.scaled_passing_score', readOnly(SCALED)],
  ['cmi.score._children', children(SCORE_CHILDREN)],
  ['cmi.score.scaled', readWrite(SCALED)],
  ['cmi.score.raw', readWrite(ANY_REAL)],
  ['cmi.score.min', readWrite(ANY_REAL)],
  ['cmi.score.max', readWrite(ANY_REAL)],
  ['cmi.session_time', writeOnly(TIMEINTERVAL)],
  ['cmi.success_status', readWrite(SUCCESS_STATUS, { initial: 'unknown' })],
  ['cmi.suspend_data', readWrite(characterString(SUSPEND_DATA_LIMIT))],
  ['cmi.time_limit_action', readOnly(TIME_LIMIT_ACTION, 'continue,no message')],
  ['cmi.total_time', readOnly(TIMEINTERVAL, 'PT0H0M0S')],
  ['adl.nav.request', readWrite(NAV_REQUEST, { initial: '_none_' })],
  ['adl.nav.request_valid.continue', readOnly(state('request_valid', ['true', 'false', 'unknown']), 'unknown')],
  ['adl.nav.request_valid.previous', readOnly(state('request_valid', ['true', 'false', 'unknown']), 'unknown')],
]);

export { parseElementName, type ArrayIndex, type ElementName };

/** The sibling an element depends on, by full name: `cmi.interactions.3.type` → `cmi.interactions.3.id`. */
export function dependencyOf(element: string): string | undefined {
  const definition = SCORM2004_ELEMENTS.get(parseElementName(element).model);
  if (definition?.dependsOn === undefined) return undefined;
  const interaction = /^(cmi\.(?:interactions|objectives)\.\d+)\./.exec(element)?.[1];
  return interaction === undefined ? undefined : `${interaction}.${definition.dependsOn}`;
}
