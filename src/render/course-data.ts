// The data the browser runtime reads from index.html (<script type="application/json">).
import type { Course, Edition, Question } from '../model/course.js';
import type { UiStrings } from '../model/strings.js';

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

export interface RuntimeCourse {
  format: 1;
  courseId: string;
  version: string;
  lang: string;
  title: string;
  passMark: number;
  reporting: Course['config']['reporting'];
  attempts: number;
  shuffle: Course['config']['shuffle'];
  lessons: RuntimeLesson[];
  questions: Record<string, RuntimeQuestion>;
  strings: UiStrings;
}

export function lessonScriptPath(lessonId: string): string {
  return `lessons/${lessonId}.js`;
}

export function lessonPagePath(lessonId: string): string {
  return `lessons/${lessonId}.html`;
}

export function runtimeCourseData(course: Course, edition: Edition): RuntimeCourse {
  const questions: Record<string, RuntimeQuestion> = {};
  for (const lesson of edition.lessons) {
    for (const question of lesson.questions) questions[question.id] = runtimeQuestion(question);
  }
  return {
    format: 1,
    courseId: course.config.id,
    version: course.config.version,
    lang: edition.lang,
    title: edition.title,
    passMark: course.config.passMark,
    reporting: course.config.reporting,
    attempts: course.config.attempts,
    shuffle: course.config.shuffle,
    lessons: edition.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      script: lessonScriptPath(lesson.id),
      page: lessonPagePath(lesson.id),
      assessment: lesson.assessment,
      questions: lesson.questions.map((question) => question.id),
    })),
    questions,
    strings: edition.strings,
  };
}

function runtimeQuestion(question: Question): RuntimeQuestion {
  const base = { type: question.type, lesson: question.lessonId };
  switch (question.type) {
    case 'truefalse':
      return { ...base, answer: question.answer ?? false };
    case 'fillin':
      return { ...base, accepted: question.accepted, ignoreAccents: question.ignoreAccents };
    default:
      return {
        ...base,
        options: question.options.length,
        correct: question.options.flatMap((option, index) => (option.correct ? [index] : [])),
      };
  }
}
