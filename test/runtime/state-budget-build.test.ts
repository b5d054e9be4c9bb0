// The build refuses a course whose worst-case suspend_data would not fit 4096 characters.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCourse } from '../../src/index.js';
import { writeTrueFalseCourse } from '../helpers/synthetic-course.js';

describe('state budget check', () => {
  const disposals: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  it('fails the build of an over-large course with a clear message on edition.yaml', async () => {
    // 40 lessons of 25 true/false questions: 1000 answers cannot fit 4096 characters.
    const { courseDir, dispose } = await writeTrueFalseCourse(40, 25);
    disposals.push(dispose);
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-large-out-'));
    disposals.push(() => fs.rm(outDir, { recursive: true, force: true }));
    const result = await buildCourse({ courseDir, outDir });
    expect(result.ok).toBe(false);
    const messages = result.files.flatMap((file) => file.messages.map((message) => ({ file: file.path, message })));
    const budget = messages.filter(({ message }) => message.ruleId === 'state-too-large');
    expect(budget).toHaveLength(1);
    expect(budget[0]!.file).toBe(path.join(courseDir, 'en', 'edition.yaml'));
    expect(budget[0]!.message.fatal).toBe(true);
    expect(budget[0]!.message.reason).toMatch(/^Unexpected suspend_data of \d{4,} characters in the worst case, expected at most 4096 /);
    expect(result.editions[0]!.built).toBe(false);
  }, 120_000);

  it('builds a course that fits', async () => {
    const { courseDir, dispose } = await writeTrueFalseCourse(4, 5);
    disposals.push(dispose);
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-small-out-'));
    disposals.push(() => fs.rm(outDir, { recursive: true, force: true }));
    const result = await buildCourse({ courseDir, outDir });
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'state-too-large')).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);
});
