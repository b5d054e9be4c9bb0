// The `scormdown` command through its entry function `main(argv, io)`: exit codes and output.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipName } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { caseDir } from '../helpers/fixtures.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { runCli } from '../helpers/run-cli.js';

const run = runCli;

describe('scormdown CLI', () => {
  it('--help prints the usage and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('scormdown build');
    expect(stdout).toContain('scormdown check');
    expect(stderr).toBe('');
  });

  it('--version prints a version and exits 0', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command exits 2 with the usage', async () => {
    const { code, stderr } = await run(['publish']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('Unknown command "publish"');
    expect(stderr).toContain('Usage:');
  });

  it('no command, extra words and unknown options exit 2', async () => {
    expect((await run([])).code).toBe(EXIT.usage);
    expect((await run(['check', 'now'])).code).toBe(EXIT.usage);
    expect((await run(['check', '--fast'])).code).toBe(EXIT.usage);
  });

  it('build --port (an option of preview) exits 2 with the usage and builds nothing', async () => {
    const out = path.join(os.tmpdir(), `scormdown-cli-port-${process.pid}`);
    const { code, stdout, stderr } = await run(['build', '--port', '4800', '--course', SHIPPED_COURSE, '--out', out]);
    expect(code).toBe(EXIT.usage);
    expect(stderr.split('\n')[0]).toBe('--port is an option of preview.');
    expect(stderr).toContain('Usage:');
    expect(stdout).toBe('');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('an option of other commands only is wrong usage for any command', async () => {
    expect((await run(['check', '--out', 'dist'])).stderr.split('\n')[0]).toBe('--out is an option of build and translate.');
    expect((await run(['new', 'edition', 'fr', '--lang', 'fr'])).stderr.split('\n')[0]).toBe('--lang is an option of build, check and preview.');
    expect((await run(['preview', '--title', 'T'])).code).toBe(EXIT.usage);
  });

  it('exits 0, 1, 2 or 3', () => {
    expect(EXIT).toEqual({ ok: 0, contentErrors: 1, usage: 2, internal: 3 });
  });

  it('check on the shipped course exits 0 without errors', async () => {
    const { code, stdout, stderr } = await run(['check', '--course', SHIPPED_COURSE]);
    expect(code).toBe(EXIT.ok);
    expect(stderr).not.toMatch(/: error /);
    expect(stdout).toMatch(/^✓ \d+ language editions, \d+ lessons checked/);
  });

  it('check on a broken course exits 1 with positioned messages and a count', async () => {
    const courseDir = path.join(caseDir('checks', 'lesson-id-duplicate'), 'course');
    const { code, stdout, stderr } = await run(['check', '--course', courseDir]);
    expect(code).toBe(EXIT.contentErrors);
    const lessonPath = path.join(courseDir, 'en', '02-again.md');
    const shown = path.relative(process.cwd(), lessonPath).split(path.sep).join('/');
    expect(stderr).toContain(`${shown}:2:5-2:10: error Unexpected duplicate lesson id \`intro\` (also in 01-intro.md), expected ids unique in the edition  duplicate-id`);
    expect(stderr).toMatch(/✖ 1 error$/);
    expect(stdout).toBe('');
  });

  it('check of a folder without course.yaml exits 1', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-empty-'));
    try {
      const { code, stderr } = await run(['check', '--course', empty]);
      expect(code).toBe(EXIT.contentErrors);
      expect(stderr).toContain('course.yaml:1:1: error Unexpected course folder without course.yaml');
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });

  it('check --lang with a language the course does not have exits 1', async () => {
    const { code, stderr } = await run(['check', '--course', SHIPPED_COURSE, '--lang', 'xx']);
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toMatch(/course\.yaml:\d+:\d+(-\d+:\d+)?: error Unexpected language `xx`/);
  });

  it('build --lang builds only that language, for each target, and prints its progress lines and the summary', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-cli-'));
    try {
      const { code, stdout } = await run(['build', '--course', SHIPPED_COURSE, '--out', out, '--lang', 'de']);
      expect(code).toBe(EXIT.ok);
      const zips = (await fs.readdir(out)).filter((name) => name.endsWith('.zip')).sort();
      expect(zips).toEqual([zipName('customer-focus', 'de'), zipName('customer-focus', 'de', 'scorm2004')]);
      expect(stdout).toMatch(/✓ de\s+\S+customer-focus-de-scorm12\.zip\s+[\d.]+ kB/);
      expect(stdout).toMatch(/✓ de\s+\S+customer-focus-de-scorm2004\.zip\s+[\d.]+ kB/);
      expect(stdout).toContain('SHA-256');
      expect(stdout).toContain('Catalog:');
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  });
});
