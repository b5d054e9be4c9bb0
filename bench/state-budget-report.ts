// The longest suspend_data each shipped edition can produce, and a synthetic worst case, per target
// (the course data of each target's package, against that target's limit), measured with the
// runtime's own codec (the same function the build uses for its proof).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { load } from '../src/load/load-course.js';
import { runtimeCourseData } from '../src/render/course-data.js';
import { worstCaseFullStateLength, worstCaseStateLength } from '../src/runtime/logic/state-codec.js';
import { SUSPEND_DATA_LIMITS } from '../src/check/state-budget.js';
import { TARGETS } from '../src/model/course.js';
import { generateGridCourse } from './synthetic-course.js';

export interface BudgetRow {
  name: string;
  questions: number;
  /** Worst case of what resume depends on (lesson progress, the assessment): proven at build time. */
  characters: number;
  /** Worst case with every knowledge-check answer kept too; above the limit, the codec drops the ones farthest from the learner. */
  allAnswers: number;
  limit: number;
}

async function rows(courseDir: string, label: (lang: string) => string): Promise<BudgetRow[]> {
  const { course } = await load(courseDir);
  if (course === undefined) throw new Error(`${courseDir} did not load`);
  return course.editions.flatMap((edition) => TARGETS.map((target) => ({
    name: `${label(edition.lang)} ${target}`,
    questions: edition.lessons.reduce((sum, lesson) => sum + lesson.questions.length, 0),
    characters: worstCaseStateLength(runtimeCourseData(course, edition, target)),
    allAnswers: worstCaseFullStateLength(runtimeCourseData(course, edition, target)),
    limit: SUSPEND_DATA_LIMITS[target],
  })));
}

export async function stateBudgetReport(shippedDir: string): Promise<BudgetRow[]> {
  const shipped = await rows(shippedDir, (lang) => `shipped ${lang}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-budget-'));
  try {
    // 61 lessons × 5 questions: about 300 questions, every answer given, every lesson visited.
    await generateGridCourse(dir, { languages: 1, lessons: 61, questions: 5 });
    const synthetic = await rows(dir, () => 'synthetic 305 questions');
    await fs.rm(dir, { recursive: true, force: true });
    await generateGridCourse(dir, { languages: 1, lessons: 500, questions: 5 });
    const grid = await rows(dir, () => 'synthetic 500 × 5 questions');
    return [...shipped, ...synthetic, ...grid];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
