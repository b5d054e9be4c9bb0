// The plain data model every stage passes along: load → check → render → package.
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import type { UiStrings } from './strings.js';

/** How lesson status is reported to the LMS (cmi.core.lesson_status). */
export type ReportingMode =
  | 'passed-incomplete'
  | 'passed-failed'
  | 'completed-incomplete'
  | 'completed-failed';

/**
 * The SCORM version a package is made for: `scorm12` (SCORM 1.2) or `scorm2004` (SCORM 2004 4th
 * Edition). Each edition gives one package per target of course.yaml's `targets`.
 */
export type Target = 'scorm12' | 'scorm2004';

/** Every target: the values of `targets` in schema/course.schema.json. */
export const TARGETS: readonly Target[] = ['scorm12', 'scorm2004'];

/** The targets' names as LMSes and their documentation write them. */
export const TARGET_NAMES: Readonly<Record<Target, string>> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th Edition' };

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
  /** 0–100, also written as adlcp:masteryscore (SCORM 1.2) and imsss:minNormalizedMeasure (SCORM 2004). */
  passMark: number;
  reporting: ReportingMode;
  /** Assessment attempts; 0 means unlimited. */
  attempts: number;
  shuffle: ShuffleSettings;
  languages: string[];
  /** Groups of languages that are translations of one another. */
  translations: string[][];
  /** The packages each edition gets, in the order written (default: SCORM 1.2 only); never empty, no repeats. */
  targets: Target[];
  /** The course's look (`theme:`), every edition's unless its edition.yaml changes it; none: the default look. */
  theme?: ThemeSettings;
}

/** The keys of a `theme:` mapping, in course.yaml or an edition.yaml. */
export type ThemeKey = 'logo' | 'logoAlt' | 'accent' | 'text' | 'background' | 'font' | 'fontFile';

/** A file a theme names (its logo or its font), found and checked when the course is read. */
export interface ThemeFile {
  /** Course-relative path, `/` separators (its package path is mediaPackagePath of it). */
  path: string;
  bytes: number;
  /** A logo's size in pixels (an SVG's own width and height, or its viewBox). */
  width?: number;
  height?: number;
}

/**
 * A `theme:` mapping as written, its colours as `#rrggbb` and its files checked. A key whose value
 * was rejected (reported) is left out, so the default stands in for it.
 */
export interface ThemeSettings {
  logo?: ThemeFile;
  logoAlt?: string;
  accent?: string;
  text?: string;
  background?: string;
  /** A CSS font stack (`Georgia, "Times New Roman", serif`). */
  font?: string;
  fontFile?: ThemeFile;
  /** Where each key's value is written, in the file that holds the mapping. */
  places: Partial<Record<ThemeKey, Position>>;
}

/** An edition's look: course.yaml's theme with its edition.yaml's on top, every colour worked out. */
export interface Theme {
  /** The custom properties of templates/course.css that the theme sets, with their values (`--accent` → `#0f766e`). */
  properties: Record<string, string>;
  logo?: ThemeFile & { alt: string; width: number; height: number };
  /** The font file the course ships, under the family name its @font-face rule gives it (first in `properties['--font']`). */
  fontFile?: ThemeFile & { family: string };
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
  /** The ids of the author's headings in `html`, in document order (`h-` and the heading's anchor: HEADING_ID_PREFIX). */
  headingIds: string[];
  /** The lesson's links to a part of a lesson (a heading or a question), for the course-wide check. */
  sectionLinks: SectionLink[];
}

/** A link to a part of a lesson: `[see](02-reliability.md#promises)`, `[above](#promises)`. */
export interface SectionLink {
  /** The lesson linked to; none: the lesson the link is in. */
  lessonId?: string;
  /** The fragment as the author wrote it, percent-decoded, without `#`. */
  fragment: string;
  /** What the fragment names: a heading (by its id in the page) or a question (by its id). */
  names: { kind: 'heading'; id: string } | { kind: 'question'; questionId: string };
  /** Where the link stands in its lesson file. */
  place?: Position;
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
  /**
   * The interface text, every key of the English strings, each from the first place that has it:
   * the course's strings files, then the shipped ones, English for the rest. Resolved once by the
   * load stage; render and the checks read it from here.
   */
  strings: UiStrings;
  /** Where each key of `strings` comes from. */
  stringSources: Readonly<Record<string, StringSource>>;
  /**
   * The course's strings files the edition reads (`strings/<lang>.json`, then its base language's),
   * carrying their messages. A file read by several editions (strings/de.json for de and de-AT) is
   * one VFile, shared by all of them.
   */
  stringsFiles: VFile[];
  /** The course's strings file of exactly this language, if there is one, and where its JSON value starts. */
  ownStringsFile?: { file: VFile; place: Point };
  /** What edition.yaml's `theme:` changes of the course's theme. */
  themeSettings?: ThemeSettings;
  /** The look of the edition's packages, worked out when the course is read; none: the default look. */
  theme?: Theme;
}

/** Where an edition's UI string comes from. */
export type StringSource =
  /** One of the course's strings files (also in `Edition.stringsFiles`), the key first written at `place`. */
  | { kind: 'course'; lang: string; file: VFile; place: Point }
  /** The strings that ship with scormdown, `templates/strings/<lang>.json` at `path`, the key written at `place`. */
  | { kind: 'shipped'; lang: string; path: string; place: Point }
  /** Untranslated: the English text, for an edition whose language is not English. */
  | { kind: 'english' };

export interface Course {
  /** Absolute path of the course folder. */
  dir: string;
  config: CourseConfig;
  configFile: VFile;
  editions: Edition[];
  /** Every file that was read, for message reporting (config, editions, lessons). */
  files: VFile[];
}
