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
  strings: UiStrings;
}
