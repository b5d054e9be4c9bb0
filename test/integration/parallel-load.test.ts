// Large courses are loaded on worker threads (compiled CLI only): the result and every positioned
// message must be the same as loading in one thread.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGridCourse } from '../../bench/synthetic-course.js';
import { PARALLEL_LESSON_THRESHOLD } from '../../src/load/load-parallel.js';
import { checkCourse, formatMessages } from '../../src/index.js';
import { runCompiledCli } from '../helpers/run-cli.js';


describe('loading on worker threads', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-parallel-'));
    await generateGridCourse(dir, { languages: 2, lessons: PARALLEL_LESSON_THRESHOLD / 2 + 10, questions: 2 });
    // One broken question in each language, so messages must cross the worker boundary.
    for (const lang of ['en', 'el']) {
      const lesson = path.join(dir, lang, '0007-lesson.md');
      await fs.writeFile(lesson, (await fs.readFile(lesson, 'utf8')).replace('- [x] b', '- [ ] b'));
    }
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reports the same positioned messages as loading in one thread', async () => {
    const single = await checkCourse(dir);
    const expected = formatMessages(single.files).split('\n').filter((line) => line.includes('question-no-correct'));
    expect(expected).toHaveLength(2);
    const parallel = await runCompiledCli(['check', '--course', dir]);
    expect(parallel.code).toBe(1);
    expect(parallel.stderr.split('\n').filter((line) => line.includes('question-no-correct'))).toEqual(expected);
  });

  it('builds every package of a large course', async () => {
    for (const lang of ['en', 'el']) {
      const lesson = path.join(dir, lang, '0007-lesson.md');
      await fs.writeFile(lesson, (await fs.readFile(lesson, 'utf8')).replace('- [ ] b', '- [x] b'));
    }
    const outDir = path.join(dir, 'dist');
    const { code, stdout } = await runCompiledCli(['build', '--course', dir, '--out', outDir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Read and checked ${2 * (PARALLEL_LESSON_THRESHOLD / 2 + 10)} lessons in 2 languages`);
    expect((await fs.readdir(outDir)).filter((name) => name.endsWith('.zip')).sort()).toEqual(['synthetic-el-scorm12.zip', 'synthetic-en-scorm12.zip']);
  });
});
