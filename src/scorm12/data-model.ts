// The SCORM 1.2 run-time data model as an LMS enforces it: every cmi element with its access, the
// type of its values, the `_children`, `_count` and `_version` keywords, and the arrays
// (cmi.objectives.n, cmi.interactions.n and the interaction's objectives and correct_responses).
// Element names use "n" for an array index. Rules follow Moodle's SCORM 1.2 API.
import { parseElementName, type Access, type ArrayIndex, type ElementDefinitionOf, type ElementName, type Keyword } from '../scorm/data-model.js';
import {
  CMI_FEEDBACK,
  CMI_IDENTIFIER,
  CMI_STRING_255,
  CMI_STRING_4096,
  CMI_TIME,
  CMI_TIMESPAN,
  CREDIT,
  ENTRY,
  EXIT,
  INTERACTION_RESULT,
  INTERACTION_TYPE,
  LESSON_MODE,
  LESSON_STATUS,
  OBJECTIVE_STATUS,
  TIME_LIMIT_ACTION,
  cmiDecimal,
  cmiSignedInteger,
  type DataType,
} from './data-types.js';

export type { Access, Keyword };

/**
 * An element of the table: its access; the LMS's own keywords, a write to which is refused with
 * 402 rather than 403; the type of its values, checked on LMSSetValue and on launch values from the LMS.
 */
export type ElementDefinition = ElementDefinitionOf<DataType>;

/** The arrays, by element name. */
export const SCORM12_ARRAYS: readonly string[] = ['cmi.objectives', 'cmi.interactions', 'cmi.interactions.n.objectives', 'cmi.interactions.n.correct_responses'];

const SCORE = cmiDecimal(0, 100, { blank: true });

function children(list: string): ElementDefinition {
  return { access: 'read-only', keyword: 'children', fixedValue: list };
}

const COUNT: ElementDefinition = { access: 'read-only', keyword: 'count' };

function readOnly(type: DataType): ElementDefinition {
  return { access: 'read-only', type };
}

function readWrite(type: DataType): ElementDefinition {
  return { access: 'read-write', type };
}

function writeOnly(type: DataType): ElementDefinition {
  return { access: 'write-only', type };
}

const SCORE_CHILDREN = 'raw,min,max';

/** Every element of the SCORM 1.2 data model. */
export const SCORM12_ELEMENTS: ReadonlyMap<string, ElementDefinition> = new Map<string, ElementDefinition>([
  ['cmi._children', children('core,suspend_data,launch_data,comments,objectives,student_data,student_preference,interactions')],
  ['cmi._version', { access: 'read-only', keyword: 'version', fixedValue: '3.4' }],
  ['cmi.core._children', children('student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time')],
  ['cmi.core.student_id', readOnly(CMI_IDENTIFIER)],
  ['cmi.core.student_name', readOnly(CMI_STRING_255)],
  ['cmi.core.lesson_location', readWrite(CMI_STRING_255)],
  ['cmi.core.credit', readOnly(CREDIT)],
  ['cmi.core.lesson_status', readWrite(LESSON_STATUS)],
  ['cmi.core.entry', readOnly(ENTRY)],
  ['cmi.core.score._children', children(SCORE_CHILDREN)],
  ['cmi.core.score.raw', readWrite(SCORE)],
  ['cmi.core.score.min', readWrite(SCORE)],
  ['cmi.core.score.max', readWrite(SCORE)],
  ['cmi.core.total_time', readOnly(CMI_TIMESPAN)],
  ['cmi.core.lesson_mode', readOnly(LESSON_MODE)],
  ['cmi.core.exit', writeOnly(EXIT)],
  ['cmi.core.session_time', writeOnly(CMI_TIMESPAN)],
  ['cmi.suspend_data', readWrite(CMI_STRING_4096)],
  ['cmi.launch_data', readOnly(CMI_STRING_4096)],
  ['cmi.comments', readWrite(CMI_STRING_4096)],
  ['cmi.comments_from_lms', readOnly(CMI_STRING_4096)],
  ['cmi.objectives._children', children('id,score,status')],
  ['cmi.objectives._count', COUNT],
  ['cmi.objectives.n.id', readWrite(CMI_IDENTIFIER)],
  ['cmi.objectives.n.score._children', children(SCORE_CHILDREN)],
  ['cmi.objectives.n.score.raw', readWrite(SCORE)],
  ['cmi.objectives.n.score.min', readWrite(SCORE)],
  ['cmi.objectives.n.score.max', readWrite(SCORE)],
  ['cmi.objectives.n.status', readWrite(OBJECTIVE_STATUS)],
  ['cmi.student_data._children', children('mastery_score,max_time_allowed,time_limit_action')],
  ['cmi.student_data.mastery_score', readOnly(SCORE)],
  ['cmi.student_data.max_time_allowed', readOnly(CMI_TIMESPAN)],
  ['cmi.student_data.time_limit_action', readOnly(TIME_LIMIT_ACTION)],
  ['cmi.student_preference._children', children('audio,language,speed,text')],
  ['cmi.student_preference.audio', readWrite(cmiSignedInteger(-1, 100))],
  ['cmi.student_preference.language', readWrite(CMI_STRING_255)],
  ['cmi.student_preference.speed', readWrite(cmiSignedInteger(-100, 100))],
  ['cmi.student_preference.text', readWrite(cmiSignedInteger(-1, 1))],
  ['cmi.interactions._children', children('id,objectives,time,type,correct_responses,weighting,student_response,result,latency')],
  ['cmi.interactions._count', COUNT],
  ['cmi.interactions.n.id', writeOnly(CMI_IDENTIFIER)],
  ['cmi.interactions.n.objectives._count', COUNT],
  ['cmi.interactions.n.objectives.n.id', writeOnly(CMI_IDENTIFIER)],
  ['cmi.interactions.n.time', writeOnly(CMI_TIME)],
  ['cmi.interactions.n.type', writeOnly(INTERACTION_TYPE)],
  ['cmi.interactions.n.correct_responses._count', COUNT],
  ['cmi.interactions.n.correct_responses.n.pattern', writeOnly(CMI_FEEDBACK)],
  ['cmi.interactions.n.weighting', writeOnly(cmiDecimal(-100, 100))],
  ['cmi.interactions.n.student_response', writeOnly(CMI_FEEDBACK)],
  ['cmi.interactions.n.result', writeOnly(INTERACTION_RESULT)],
  ['cmi.interactions.n.latency', writeOnly(CMI_TIMESPAN)],
]);

export { parseElementName, type ArrayIndex, type ElementName };

/** Model names that group other elements (cmi, cmi.core, cmi.interactions.n, …). */
const GROUPS: ReadonlySet<string> = new Set([...SCORM12_ELEMENTS.keys()].flatMap((name) => {
  const segments = name.split('.');
  return segments.slice(1).map((_, length) => segments.slice(0, length + 1).join('.'));
}));

/**
 * For a model name that is not in the table, the keyword error an LMS reports on LMSGetValue:
 * 202 for `_children` of an element that has no children, 203 for `_count` of something that is
 * not an array, otherwise null (an unknown element, 201).
 */
export function keywordMisuse(model: string): 202 | 203 | null {
  const childrenOf = /^(.+)\._children$/.exec(model)?.[1];
  if (childrenOf !== undefined && SCORM12_ELEMENTS.has(childrenOf)) return 202;
  const countOf = /^(.+)\._count$/.exec(model)?.[1];
  if (countOf !== undefined && !SCORM12_ARRAYS.includes(countOf) && (SCORM12_ELEMENTS.has(countOf) || GROUPS.has(countOf))) return 203;
  return null;
}
