// The plain data model every stage passes along: load → check → render → package.
import type { VFile } from 'vfile';
import type { Position } from 'unist';

/** How lesson status is reported to the LMS (cmi.core.lesson_status). */
export type ReportingMode =
  | 'passed-incomplete'
  | 'passed-failed'
  | 'completed-incomplete'
  | 'completed-failed';

export interface ShuffleSettings {
  /** Shuffle the order of assessment questions (per attempt, stable across resume). */
  questions: boolean;
  /** Shuffle the order of choice options (per attempt, stable across resume). */
  options: boolean;
}

/** `course/course.yaml` after validation. */
export interface CourseConfig {
  id: string;
  version: string;
  /** 0–100, also written as adlcp:masteryscore. */
  passMark: number;
  reporting: ReportingMode;
  /** Assessment attempts; 0 means unlimited. */
  attempts: number;
  shuffle: ShuffleSettings;
  languages: string[];
  /** Groups of languages that are translations of one another. */
  translations: string[][];
}

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'fillin';

export interface ChoiceOption {
  /** Option text as HTML (inline content). */
  html: string;
  /** Plain text of the option, for reports. */
  text: string;
  correct: boolean;
  /** Where the option's list item stands in its lesson file. */
  place?: Position;
}

/** A question as the runtime and the package need it, independent of Markdown. */
export interface Question {
  id: string;
  type: QuestionType;
  lessonId: string;
  /** Options for single/multiple choice (written order = key order). */
  options: ChoiceOption[];
  /** truefalse: the right answer. */
  answer?: boolean;
  /** fillin: accepted answers. */
  accepted: string[];
  /** fillin: where each accepted answer's list item stands (same order as `accepted`). */
  acceptedPlaces?: Array<Position | undefined>;
  /** fillin: ignore diacritics when matching. */
  ignoreAccents: boolean;
  /** Plain-text prompt (for reports, catalog and interaction descriptions). */
  prompt: string;
  /** Where the question directive stands in its lesson file. */
  place?: Position;
}

export interface Lesson {
  id: string;
  /** Where the id is written in the front matter. */
  idPlace?: Position;
  title: string;
  /** Scored final assessment rather than ordinary lesson with knowledge checks. */
  assessment: boolean;
  /** File name (e.g. `02-reliability.md`), defines the order. */
  fileName: string;
  file: VFile;
  /** The lesson body as sanitised HTML. */
  html: string;
  questions: Question[];
  /** Course-relative paths of local media the lesson references. */
  media: string[];
}

export interface Edition {
  lang: string;
  title: string;
  description: string;
  /** `course/<lang>` folder. */
  dir: string;
  /** The edition.yaml file (messages about it attach here). */
  file: VFile;
  lessons: Lesson[];
  /** The interface text: the course's strings files, then the shipped ones, English for the rest. */
  strings: Readonly<Record<string, string>>;
  /** The course's strings files the edition reads (`strings/<lang>.json`), carrying their messages. */
  stringsFiles: VFile[];
}

export interface Course {
  /** Absolute path of the course folder. */
  dir: string;
  config: CourseConfig;
  configFile: VFile;
  editions: Edition[];
  /** Every file that was read, for message reporting (config, editions, lessons). */
  files: VFile[];
}
