// Broken input through the command line: `scormdown build` exits 1 with positioned messages and
// never a stack trace, writes no zip for the broken language and keeps the previous one byte for
// byte, and ships nothing from outside the course folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipName } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { caseDir } from '../helpers/fixtures.js';
import { prepareCase } from '../helpers/linked-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/** Fixtures of test/fixtures/checks (course id `fixture`, language `en`) and a rule each must report. */
const CASES: readonly [name: string, rule: string][] = [
  ['link-symlink-file-outside', 'link-outside-course'],
  ['lesson-symlink-outside', 'link-outside-course'],
  ['edition-yaml-symlink-outside', 'link-outside-course'],
  ['lesson-broken-symlink', 'lesson-unreadable'],
  ['editor-debris-only', 'edition-empty'],
  ['lesson-id-too-long', 'id-too-long'],
  ['edition-title-too-long', 'title-too-long'],
  ['edition-title-control-character', 'title-invalid-character'],
  ['course-id-too-long', 'id-too-long'],
  ['image-bytes-html-named-png', 'media-content'],
  ['svg-event-attribute', 'svg-unsafe'],
];

const PREVIOUS = Buffer.from('the previous, good package');
/** What the outside files of the fixtures hold: none of it may reach the output folder. */
const OUTSIDE_TEXT = ['root:x:0:0', 'Not for learners', 'A title from somewhere else'];

async function everyFile(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('scormdown build on broken input', () => {
  it.each(CASES)('%s: exit 1, %s reported, previous zip kept, nothing from outside shipped', async (name, rule) => {
    const prepared = await prepareCase(caseDir('checks', name));
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-cli-broken-'));
    try {
      const previous = path.join(out, zipName('fixture', 'en'));
      await fs.writeFile(previous, PREVIOUS);
      const { code, stdout, stderr } = await runCli(['build', '--course', prepared.courseDir, '--out', out]);
      const output = `${stdout}\n${stderr}`;
      expect(code).toBe(EXIT.contentErrors);
      expect(stderr).toMatch(new RegExp(`:\\d+:\\d+(-\\d+:\\d+)?: error Unexpected .+  ${rule}$`, 'm'));
      expect(output).not.toMatch(/failed unexpectedly|^\s+at .+:\d+:\d+\)?$/m);
      expect(await fs.readFile(previous)).toEqual(PREVIOUS);
      const written = await everyFile(out);
      expect(written.filter((file) => file.endsWith('.zip'))).toEqual([previous]);
      for (const file of written) {
        const text = await fs.readFile(file, 'utf8');
        for (const secret of OUTSIDE_TEXT) expect(text, file).not.toContain(secret);
      }
    } finally {
      await prepared.dispose();
      await fs.rm(out, { recursive: true, force: true });
    }
  });

  it('check says the same and exits 1; one language and one lesson are counted in the singular', async () => {
    const broken = await prepareCase(caseDir('checks', 'link-symlink-file-outside'));
    try {
      const { code, stderr } = await runCli(['check', '--course', broken.courseDir]);
      expect(code).toBe(EXIT.contentErrors);
      expect(stderr).toContain('link-outside-course');
      expect(stderr).not.toMatch(/failed unexpectedly|^\s+at /m);
    } finally {
      await broken.dispose();
    }
    const clean = await prepareCase(caseDir('checks', 'course-language-folder-not-listed'));
    try {
      const { code, stdout } = await runCli(['check', '--course', clean.courseDir]);
      expect(code).toBe(EXIT.ok);
      expect(stdout).toBe('✓ 1 language edition, 1 lesson checked, 1 warning');
      const out = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-cli-clean-'));
      try {
        const built = await runCli(['build', '--course', clean.courseDir, '--out', out]);
        expect(built.code).toBe(EXIT.ok);
        expect(built.stdout).toMatch(/^Read and checked 1 lesson in 1 language \(/);
      } finally {
        await fs.rm(out, { recursive: true, force: true });
      }
    } finally {
      await clean.dispose();
    }
  });
});
