// `check --against` on fixture folders: test/fixtures/update-check/<case>/ holds `old/` and `new/`
// (a course before and after an edit) and `expected.txt`, what `check --course new --against OLD`
// prints and its exit code, OLD being the old course built into a temporary dist folder (shown as
// `<old>`). UPDATE_FIXTURES=1 rewrites the expected files.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/index.js';
import { caseDir, expectedText, listCases } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const cases = listCases('update-check');
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-update-check-'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('check --against fixtures', () => {
  it('covers the updates that keep and that lose learner records', () => {
    expect(cases).toEqual(expect.arrayContaining(['no-change', 'text-change', 'question-removed', 'answer-key-changed', 'option-count-changed', 'lesson-removed']));
  });

  it.each(cases)('%s', async (name) => {
    const dir = caseDir('update-check', name);
    const old = path.join(work, name);
    const built = await buildCourse({ courseDir: path.join(dir, 'old'), outDir: old });
    expect(built.ok, JSON.stringify(built.files.flatMap((file) => file.messages.map(String)))).toBe(true);
    const run = await runCli(['check', '--course', path.join(dir, 'new'), '--against', old]);
    expect(run.stderr).toBe('');
    const actual = `${run.stdout.split(old).join('<old>')}\n\nexit code ${run.code}\n`;
    const expected = await expectedText(path.join(dir, 'expected.txt'), actual);
    expect(actual).toBe(expected);
  });
});
