// The course data of one edition as the browser runtime reads it from index.html (its shape is in
// src/contract/course-data.ts).
import type { Course, Edition, Question } from '../model/course.js';
import { COURSE_DATA_FORMAT, RUNTIME_STRING_KEYS, type RuntimeCourse, type RuntimeQuestion, type ScormTargetId } from '../contract/course-data.js';
import { lessonPagePath, lessonScriptPath } from '../contract/package-layout.js';

/** The course data of `edition` in the package of `target` (its runtime bundle reads the same data in either). */
export function runtimeCourseData(course: Course, edition: Edition, target: ScormTargetId = 'scorm12'): RuntimeCourse {
  const questions: Record<string, RuntimeQuestion> = {};
  for (const lesson of edition.lessons) {
    for (const question of lesson.questions) questions[question.id] = runtimeQuestion(question);
  }
  return {
    format: COURSE_DATA_FORMAT,
    target,
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
    // Only what the runtime shows: the pages have the rest already.
    strings: Object.fromEntries(RUNTIME_STRING_KEYS.map((key) => [key, edition.strings[key] ?? ''])),
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
