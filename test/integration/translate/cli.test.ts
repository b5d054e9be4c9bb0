// `scormdown translate export|import` through the CLI: what it prints and its exit codes (0 done,
// 1 content problems such as units without a target, 2 wrong usage).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { copyCourse, fillTargets, RICH_COURSE } from '../../helpers/translation-course.js';

let dir: string;
let remove: () => Promise<void>;
let out: string;

beforeAll(async () => {
  ({ dir, remove } = await copyCourse(RICH_COURSE));
  out = path.join(dir, '..', 'en-fr.xlf');
});
afterAll(() => remove());

describe('scormdown translate', () => {
  it('exports an XLIFF file and says what it holds', async () => {
    const run = await runCli(['translate', 'export', '--from', 'en', '--to', 'fr', '--out', out, '--course', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ wrote .*en-fr\.xlf: XLIFF 2\.0, en → fr, 45 units in 2 lessons\n {2}Send it to the translators; import what they send back with: scormdown translate import /);
    expect(await fs.readFile(out, 'utf8')).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">');
    const version12 = await runCli(['translate', 'export', '--from', 'en', '--to', 'fr', '--out', `${out}.12`, '--xliff', '1.2', '--course', dir]);
    expect(version12.code).toBe(0);
    expect(await fs.readFile(`${out}.12`, 'utf8')).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">');
  });

  it('refuses a file with units without a target (exit 1), listing them, and changes nothing', async () => {
    const partial = path.join(dir, '..', 'partial.xlf');
    await fs.writeFile(partial, fillTargets(await fs.readFile(out, 'utf8'), undefined, undefined, (id) => id !== 'quiz:1' && id !== 'everything:2'));
    const run = await runCli(['translate', 'import', partial, '--course', dir]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines.filter((line) => line.includes('xliff-target-missing'))).toEqual([
      expect.stringMatching(/partial\.xlf:\d+:\d+: error Unexpected unit `everything:2` without a target, expected its translation \(.*\) {2}xliff-target-missing$/),
      expect.stringMatching(/partial\.xlf:\d+:\d+: error Unexpected unit `quiz:1` without a target, expected its translation \(.*\) {2}xliff-target-missing$/),
    ]);
    expect(run.stderr).toContain('✗ Not imported: nothing was changed.');
    await expect(fs.access(path.join(dir, 'fr'))).rejects.toThrow();
  });

  it('imports the translated file (exit 0) and checks the new edition', async () => {
    const translated = path.join(dir, '..', 'translated.xlf');
    await fs.writeFile(translated, fillTargets(await fs.readFile(out, 'utf8'), (text) => `(fr) ${text}`));
    const run = await runCli(['translate', 'import', translated, '--course', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ wrote ');
    expect(run.stdout).toContain('45 units translated from en');
    expect(run.stdout).toContain('✓ check: fr passes with its translation group (1 warning above)');
    expect(run.stderr).toContain('strings-missing');
    const again = await runCli(['translate', 'import', translated, '--course', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('✓ fr is already as this file makes it: nothing changed');
    const check = await runCli(['check', '--course', dir]);
    expect(check.code).toBe(0);
    const changed = await runCli(['translate', 'export', '--from', 'en', '--to', 'fr', '--changed', '--course', dir]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/^✓ Nothing to translate: every unit of fr is current with en/);
  });

  it('is wrong usage (exit 2) without its arguments, with an unknown language or a file that is not there', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['translate'], /Unexpected `scormdown translate`/],
      [['translate', 'export', '--to', 'fr'], /translate export needs --from and --to/],
      [['translate', 'export', '--from', 'xx', '--to', 'fr'], /Unexpected --from xx, expected a language of course\.yaml \(en, fr\)/],
      [['translate', 'export', '--from', 'en', '--to', 'French'], /Unexpected --to French, expected language codes/],
      [['translate', 'export', '--from', 'en', '--to', 'de', '--xliff', '3'], /Unexpected --xliff 3, expected 2\.0 or 1\.2/],
      [['translate', 'import', path.join(dir, 'nothing.xlf')], /Cannot read .*nothing\.xlf \(ENOENT\)/],
      [['translate', 'import', out, '--to', 'de'], /translate import reads the languages from the file/],
      [['build', '--from', 'en'], /--from is an option of translate/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli([...argv, '--course', dir]);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(message);
    }
  });
});
