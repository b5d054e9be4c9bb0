// Ctrl-C during packaging, through the compiled command line: the build is stopped with SIGINT
// (then SIGTERM) as soon as its first temporary file appears in the output folder; it exits 130
// (143), leaves no temporary file, and the zip there is complete (the previous one or a new one)
// and matches the unpacked folder beside it.
import { watch } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipName } from '../../src/index.js';
import { INTERRUPT_EXIT } from '../../src/cli/interrupt.js';
import { spawnCompiledCli } from '../helpers/run-cli.js';
import { writeTrueFalseCourse } from '../helpers/synthetic-course.js';
import { unzip } from '../helpers/zip.js';


let course: { courseDir: string; dispose: () => Promise<void> };
let outDir: string;

beforeAll(async () => {
  // Enough lessons that writing the package takes a while (a few hundred files).
  course = await writeTrueFalseCourse(300, 2);
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-interrupt-'));
});

afterAll(async () => {
  await course.dispose();
  await fs.rm(outDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  interrupted: boolean;
}

/** Build; with `interrupt`, send that signal when the first temporary file shows up in the output folder. */
function build(interrupt: false | 'SIGINT' | 'SIGTERM'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawnCompiledCli(['build', '--course', course.courseDir, '--out', outDir]);
    child.stdout.resume();
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const watcher = interrupt !== false
      ? watch(outDir, (_event, name) => {
        if (!interrupted && name !== null && name.includes('.tmp-')) {
          interrupted = true;
          child.kill(interrupt);
        }
      })
      : undefined;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      watcher?.close();
      resolve({ code, signal, stderr, interrupted });
    });
  });
}

describe('an interrupted build', () => {
  it('leaves no temporary files and a complete zip that matches its folder', async () => {
    const first = await build(false);
    expect(first.code).toBe(0);
    // A change, so that an interrupted build would have had something new to write.
    await fs.appendFile(path.join(course.courseDir, 'en', '01-lesson.md'), '\nOne more sentence.\n');

    const second = await build('SIGINT');
    expect(second.interrupted).toBe(true);
    expect(second.code).toBe(INTERRUPT_EXIT.SIGINT);
    expect(second.stderr).toContain('Interrupted (SIGINT)');
    expect(second.stderr).not.toMatch(/^\s+at /m);

    expect((await fs.readdir(outDir)).filter((entry) => entry.includes('.tmp-'))).toEqual([]);
    const zip = unzip(await fs.readFile(path.join(outDir, zipName('large', 'en'))));
    expect(zip.has('imsmanifest.xml')).toBe(true);
    // The unpacked folder is from the same build as the zip: every file the same.
    const folder = path.join(outDir, 'large-en');
    for (const [entry, data] of zip) expect(await fs.readFile(path.join(folder, ...entry.split('/'))), entry).toEqual(data);

    // And the next build finishes the job.
    const third = await build(false);
    expect(third.code).toBe(0);
    const rebuilt = unzip(await fs.readFile(path.join(outDir, zipName('large', 'en'))));
    expect(rebuilt.get('lessons/lesson-1.html')?.toString('utf8')).toContain('One more sentence.');
  }, 120_000);

  it('by SIGTERM exits 143, just as clean', async () => {
    await fs.appendFile(path.join(course.courseDir, 'en', '02-lesson.md'), '\nAnother sentence.\n');
    const run = await build('SIGTERM');
    expect(run.interrupted).toBe(true);
    expect(run.code).toBe(INTERRUPT_EXIT.SIGTERM);
    expect(run.stderr).toContain('Interrupted (SIGTERM)');
    expect((await fs.readdir(outDir)).filter((entry) => entry.includes('.tmp-'))).toEqual([]);
    const zip = unzip(await fs.readFile(path.join(outDir, zipName('large', 'en'))));
    expect(zip.has('imsmanifest.xml')).toBe(true);
    for (const [entry, data] of zip) expect(await fs.readFile(path.join(outDir, 'large-en', ...entry.split('/'))), entry).toEqual(data);
  }, 120_000);
});
