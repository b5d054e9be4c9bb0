// The course data a package carries in its index.html (<script id="scormdown-course">), read and
// checked field by field: an old package is input from outside, so nothing is trusted unread.
import type { ReportingMode, ShuffleSettings } from '../model/course.js';
import type { CourseShape, ShapeLesson } from '../runtime/logic/course-shape.js';
import { COURSE_JSON_ID, type RuntimeQuestion } from '../contract/course-data.js';
import { ID_PATTERN } from '../model/ids.js';

export interface PackagedLesson extends ShapeLesson {
  title: string;
  /** The lesson's page inside the package (e.g. `lessons/intro.html`). */
  page: string;
}

/** What the check needs of a package's course data; a CourseShape, so the state codec reads it. */
export interface PackagedCourse extends CourseShape {
  courseId: string;
  version: string;
  lang: string;
  title: string;
  passMark: number;
  reporting: ReportingMode;
  attempts: number;
  shuffle: ShuffleSettings;
  lessons: PackagedLesson[];
  questions: Record<string, RuntimeQuestion>;
}

const SCRIPT = new RegExp(`<script type="application/json" id="${COURSE_JSON_ID}">([\\s\\S]*?)</script>`);
const REPORTING_MODES: readonly string[] = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'];
const QUESTION_TYPES: readonly string[] = ['single', 'multiple', 'truefalse', 'fillin'];
const PAGE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_.\/-]+$/;

/** Thrown with the reason the data cannot be used. */
export class CourseDataError extends Error {}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field<T>(record: Json, key: string, where: string, test: (value: unknown) => value is T, expected: string): T {
  const value = record[key];
  if (!test(value)) throw new CourseDataError(`${where}.${key} is not ${expected}`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isReporting = (value: unknown): value is ReportingMode => typeof value === 'string' && REPORTING_MODES.includes(value);
const isQuestionType = (value: unknown): value is RuntimeQuestion['type'] => typeof value === 'string' && QUESTION_TYPES.includes(value);
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isId);
const isCountList = (value: unknown): value is number[] => Array.isArray(value) && value.every(isCount);
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isPagePath = (value: unknown): value is string => typeof value === 'string' && PAGE_PATH.test(value);

function readShuffle(value: unknown): ShuffleSettings {
  if (!isRecord(value)) throw new CourseDataError('course.shuffle is not a mapping');
  return { questions: field(value, 'questions', 'course.shuffle', isBoolean, 'true or false'), options: field(value, 'options', 'course.shuffle', isBoolean, 'true or false') };
}

function readLesson(value: unknown, index: number): PackagedLesson {
  const where = `course.lessons[${index}]`;
  if (!isRecord(value)) throw new CourseDataError(`${where} is not a mapping`);
  return {
    id: field(value, 'id', where, isId, 'an id'),
    title: field(value, 'title', where, isString, 'text'),
    page: field(value, 'page', where, isPagePath, 'a path inside the package'),
    assessment: field(value, 'assessment', where, isBoolean, 'true or false'),
    questions: field(value, 'questions', where, isIdList, 'a list of ids'),
  };
}

function readQuestion(value: unknown, id: string): RuntimeQuestion {
  const where = `course.questions.${id}`;
  if (!isRecord(value)) throw new CourseDataError(`${where} is not a mapping`);
  const type = field(value, 'type', where, isQuestionType, 'a question type');
  const question: RuntimeQuestion = { type, lesson: field(value, 'lesson', where, isId, 'a lesson id') };
  if (type === 'truefalse') question.answer = field(value, 'answer', where, isBoolean, 'true or false');
  else if (type === 'fillin') {
    question.accepted = field(value, 'accepted', where, isTextList, 'a list of texts');
    question.ignoreAccents = value.ignoreAccents === true;
  } else {
    question.options = field(value, 'options', where, isCount, 'a number of options');
    question.correct = field(value, 'correct', where, isCountList, 'a list of option indices');
  }
  return question;
}

/** The course data of a package's index.html. Throws CourseDataError when it is missing or malformed. */
export function readPackagedCourse(indexHtml: string): PackagedCourse {
  const json = SCRIPT.exec(indexHtml)?.[1];
  if (json === undefined) throw new CourseDataError(`index.html has no <script id="${COURSE_JSON_ID}">, so it was not made by scormdown`);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new CourseDataError(`the course data in index.html is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw new CourseDataError('the course data in index.html is not a mapping');
  if (data.format !== 1) throw new CourseDataError(`the course data has format ${JSON.stringify(data.format)}, this scormdown reads format 1`);
  const where = 'course';
  const lessons = field(data, 'lessons', where, isList, 'a list').map(readLesson);
  const rawQuestions = field(data, 'questions', where, isRecord, 'a mapping');
  const questions: Record<string, RuntimeQuestion> = {};
  for (const lesson of lessons) {
    for (const id of lesson.questions) questions[id] = readQuestion(rawQuestions[id], id);
  }
  return {
    courseId: field(data, 'courseId', where, isId, 'an id'),
    version: field(data, 'version', where, isString, 'text'),
    lang: field(data, 'lang', where, isString, 'a language code'),
    title: field(data, 'title', where, isString, 'text'),
    passMark: field(data, 'passMark', where, isCount, 'a number'),
    reporting: field(data, 'reporting', where, isReporting, 'a reporting mode'),
    attempts: field(data, 'attempts', where, isCount, 'a number'),
    shuffle: readShuffle(data.shuffle),
    lessons,
    questions,
  };
}
