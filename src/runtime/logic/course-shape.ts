// The parts of the course data (src/contract/course-data.ts) that scoring, status and the state
// codec need, so Node code (the build-time budget check, the update check, tests) can use them too.
import type { RuntimeQuestion } from '../../contract/course-data.js';

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
