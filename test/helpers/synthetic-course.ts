// Synthetic course data for runtime tests: the RuntimeCourse shape without a build, and course
// folders on disk for builds that must fail.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { COURSE_DATA_FORMAT, type RuntimeCourse, type RuntimeQuestion } from '../../src/contract/course-data.js';
import { lessonPagePath, lessonScriptPath } from '../../src/contract/package-layout.js';

const QUESTION_TYPES: RuntimeQuestion['type'][] = ['single', 'multiple', 'truefalse', 'fillin'];

export interface SyntheticShape {
  lessons: number;
  questionsPerLesson: number;
  assessmentQuestions: number;
  attempts?: number;
}

/** Question `index` of a mixed course: single, multiple (9 options), true/false, fill-in in turn. */
export function syntheticQuestion(lesson: string, index: number): RuntimeQuestion {
  const type = QUESTION_TYPES[index % QUESTION_TYPES.length]!;
  switch (type) {
    case 'single':
      return { type, lesson, options: 4, correct: [index % 4] };
    case 'multiple':
      return { type, lesson, options: 9, correct: [0, 2, 8] };
    case 'truefalse':
      return { type, lesson, answer: index % 2 === 0 };
    default:
      return { type, lesson, accepted: ['achtzig', 'ογδόντα', '80 %'], ignoreAccents: true };
  }
}

export function syntheticCourse(shape: SyntheticShape): RuntimeCourse {
  const questions: Record<string, RuntimeQuestion> = {};
  const lessons: RuntimeCourse['lessons'] = [];
  let counter = 0;
  const addLesson = (id: string, count: number, assessment: boolean): void => {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const questionId = `${id}-question-${index + 1}`;
      questions[questionId] = syntheticQuestion(id, counter++);
      ids.push(questionId);
    }
    lessons.push({ id, title: id, script: lessonScriptPath(id), page: lessonPagePath(id), assessment, questions: ids });
  };
  for (let index = 0; index < shape.lessons; index++) addLesson(`lesson-${String(index + 1).padStart(2, '0')}`, shape.questionsPerLesson, false);
  if (shape.assessmentQuestions > 0) addLesson('final-assessment', shape.assessmentQuestions, true);
  return {
    format: COURSE_DATA_FORMAT,
    target: 'scorm12',
    courseId: 'synthetic',
    version: '1.0.0',
    lang: 'en',
    title: 'Synthetic',
    passMark: 80,
    reporting: 'passed-incomplete',
    attempts: shape.attempts ?? 3,
    shuffle: { questions: true, options: true },
    lessons,
    questions,
    strings: {},
  };
}

/** A course folder (language `en`) with `lessons` lessons of `questionsPerLesson` true/false questions. */
export async function writeTrueFalseCourse(lessons: number, questionsPerLesson: number): Promise<{ courseDir: string; dispose: () => Promise<void> }> {
  const courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-large-'));
  await fs.mkdir(path.join(courseDir, 'en'));
  await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: large\nversion: 1.0.0\npassMark: 80\nlanguages: [en]\n');
  await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Large course\ndescription: Too many questions to resume.\n');
  for (let lesson = 1; lesson <= lessons; lesson++) {
    const questions = Array.from({ length: questionsPerLesson }, (_, index) =>
      `:::question{#l${lesson}-q${index + 1} type=truefalse answer=true}\nStatement ${index + 1} of lesson ${lesson} is true.\n:::\n`).join('\n');
    const name = `${String(lesson).padStart(2, '0')}-lesson.md`;
    await fs.writeFile(path.join(courseDir, 'en', name), `---\nid: lesson-${lesson}\ntitle: Lesson ${lesson}\n---\n\nSome text.\n\n${questions}`);
  }
  return { courseDir, dispose: () => fs.rm(courseDir, { recursive: true, force: true }) };
}
