// The parts of the course data (src/render/course-data.ts) that scoring, status and the state
// codec need. DOM-free, so Node code (the build-time budget check, tests) can use them too.
import type { RuntimeCourse, RuntimeLesson, RuntimeQuestion } from '../render/course-data.js';

export type { RuntimeCourse, RuntimeLesson, RuntimeQuestion };

export interface ShapeLesson {
  id: string;
  assessment: boolean;
  questions: readonly string[];
}

export interface CourseShape {
  lessons: readonly ShapeLesson[];
  questions: Readonly<Record<string, RuntimeQuestion>>;
  /** Assessment attempts; 0 means unlimited. */
  attempts: number;
}

export function assessmentLesson(course: CourseShape): ShapeLesson | undefined {
  return course.lessons.find((lesson) => lesson.assessment);
}

/** Ids of the knowledge-check questions (questions outside the assessment), in course order. */
export function knowledgeCheckIds(course: CourseShape): string[] {
  return course.lessons.filter((lesson) => !lesson.assessment).flatMap((lesson) => [...lesson.questions]);
}
