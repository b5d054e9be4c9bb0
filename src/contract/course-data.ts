// The course data the build embeds in each package's index.html and the learner runtime reads
// (<script type="application/json" id="scormdown-course">): one side writes it
// (src/render/course-data.ts), the other reads it (src/runtime/page/course-json.ts), the
// update check reads it from old packages. Types from src/model/ only.
import type { Question, ReportingMode, ShuffleSettings } from '../model/course.js';
import type { UiStrings } from '../model/strings.js';

/** The id of the <script type="application/json"> element that holds the course data. */
export const COURSE_JSON_ID = 'scormdown-course';

/** The version of the data's shape (RuntimeCourse.format). */
export const COURSE_DATA_FORMAT = 1;

export interface RuntimeQuestion {
  type: Question['type'];
  lesson: string;
  /** single/multiple: number of options and indices of the correct ones (written order). */
  options?: number;
  correct?: number[];
  /** truefalse. */
  answer?: boolean;
  /** fillin. */
  accepted?: string[];
  ignoreAccents?: boolean;
}

export interface RuntimeLesson {
  id: string;
  title: string;
  /** Script that defines the lesson body for the shell (window.scormdownLessons[id]). */
  script: string;
  /** The lesson as a complete page. */
  page: string;
  assessment: boolean;
  questions: string[];
}

/**
 * The UI strings the runtime shows, the only ones the course data carries (the rest are in the
 * pages already, filled in by the build): every key the runtime's UiText is given must be here,
 * which its type holds it to.
 */
export const RUNTIME_STRING_KEYS = [
  'toc.visited', 'toc.complete', 'toc.notVisited', 'progress.value', 'progress.short',
  'question.label', 'question.correct', 'question.incorrect', 'question.correctAnswer', 'question.noAnswer',
  'assessment.intro', 'assessment.attempt', 'assessment.attemptUnlimited', 'assessment.unanswered', 'assessment.noAttemptsLeft', 'assessment.recordedPass',
  'results.title', 'results.score', 'results.passMark', 'results.passed', 'results.failed', 'results.completed', 'results.notTaken', 'results.lessonsDone',
  'results.nextPassed', 'results.nextFailed', 'results.nextNotTaken', 'results.learner', 'results.date',
  'resume.notice', 'resume.unreadable', 'standalone.notice', 'standalone.startOver', 'standalone.startOverConfirm',
  'error.initFailed', 'error.saveFailed', 'error.saveRecovered', 'error.noLms', 'error.saveRefused', 'error.stateTruncated',
  'exit.done', 'exit.notSaved', 'exit.errorDetail', 'exit.unconfirmed', 'exit.leftUnsaved', 'exit.notRecorded',
  'mode.review', 'mode.noCredit', 'time.limitReached',
] as const;

export type RuntimeStringKey = (typeof RUNTIME_STRING_KEYS)[number];

/** The SCORM version a package is made for: its manifest, runtime bundle and local LMS. */
export type ScormTargetId = 'scorm12' | 'scorm2004';

export interface RuntimeCourse {
  format: typeof COURSE_DATA_FORMAT;
  target: ScormTargetId;
  courseId: string;
  version: string;
  lang: string;
  title: string;
  passMark: number;
  reporting: ReportingMode;
  attempts: number;
  shuffle: ShuffleSettings;
  lessons: RuntimeLesson[];
  questions: Record<string, RuntimeQuestion>;
  /** The edition's UI strings of RUNTIME_STRING_KEYS. */
  strings: UiStrings;
}
