// The build proves that the GUARANTEED part of suspend_data (lesson progress, the whole assessment)
// fits 4096 characters, and refuses a course where it cannot; knowledge checks never fail a build.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCourse, type BuildResult } from '../../src/index.js';
import { writeTrueFalseCourse } from '../helpers/synthetic-course.js';
import { generateGridCourse } from '../../bench/synthetic-course.js';

/** A course folder (language `en`) with one lesson and an assessment of `questions` true/false questions. */
async function writeLargeAssessmentCourse(questions: number): Promise<{ courseDir: string; dispose: () => Promise<void> }> {
  const courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-assessment-'));
  await fs.mkdir(path.join(courseDir, 'en'));
  await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: exam\nversion: 1.0.0\npassMark: 80\nlanguages: [en]\n');
  await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Exam\ndescription: An assessment too long to resume.\n');
  await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), '---\nid: intro\ntitle: Intro\n---\n\nSome text.\n');
  const statements = Array.from({ length: questions }, (_, index) =>
    `:::question{#exam-q${index + 1} type=truefalse answer=true}\nStatement ${index + 1} is true.\n:::\n`).join('\n');
  await fs.writeFile(path.join(courseDir, 'en', '02-exam.md'), `---\nid: exam\ntitle: Exam\nassessment: true\n---\n\n${statements}`);
  return { courseDir, dispose: () => fs.rm(courseDir, { recursive: true, force: true }) };
}

function budgetMessages(result: BuildResult) {
  return result.files.flatMap((file) => file.messages.map((message) => ({ file: file.path, message }))).filter(({ message }) => message.ruleId === 'state-too-large');
}

describe('state budget check', () => {
  const disposals: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  async function outDir(): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-budget-out-'));
    disposals.push(() => fs.rm(dir, { recursive: true, force: true }));
    return dir;
  }

  it('fails the build of a course whose guaranteed part cannot fit, with a clear message on edition.yaml', async () => {
    // 900 assessment answers (key + token + separator each) alone need more than 4096 characters.
    const { courseDir, dispose } = await writeLargeAssessmentCourse(900);
    disposals.push(dispose);
    const result = await buildCourse({ courseDir, outDir: await outDir() });
    expect(result.ok).toBe(false);
    const budget = budgetMessages(result);
    expect(budget).toHaveLength(1);
    expect(budget[0]!.file).toBe(path.join(courseDir, 'en', 'edition.yaml'));
    expect(budget[0]!.message.fatal).toBe(true);
    expect(budget[0]!.message.reason).toMatch(/^Unexpected suspend_data of \d{4,} characters in the worst case, expected at most 4096 \(the progress of every lesson and every assessment answer must always fit/);
    expect(result.editions[0]!.built).toBe(false);
  }, 120_000);

  it('builds a small course', async () => {
    const { courseDir, dispose } = await writeTrueFalseCourse(4, 5);
    disposals.push(dispose);
    const result = await buildCourse({ courseDir, outDir: await outDir() });
    expect(budgetMessages(result)).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('builds a course with 1000 knowledge checks: they are best effort, not part of the proof', async () => {
    const { courseDir, dispose } = await writeTrueFalseCourse(40, 25);
    disposals.push(dispose);
    const result = await buildCourse({ courseDir, outDir: await outDir() });
    expect(budgetMessages(result)).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('builds the benchmark grid: 2 languages × 500 lessons × 5 questions', async () => {
    const courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-grid-'));
    disposals.push(() => fs.rm(courseDir, { recursive: true, force: true }));
    await generateGridCourse(courseDir, { languages: 2, lessons: 500, questions: 5 });
    const result = await buildCourse({ courseDir, outDir: await outDir() });
    expect(budgetMessages(result)).toEqual([]);
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.fatal)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.editions.map((edition) => edition.built)).toEqual([true, true]);
  }, 300_000);
});
