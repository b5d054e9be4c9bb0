// `check --against` as a command: what it accepts as the old packages (a zip, an unpacked folder,
// a folder of them), and its errors — missing path, damaged zip, not a scormdown package, several
// packages of one language, --against on build, a course with errors — without stack traces.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, folderName, zipName } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { caseDir } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const OLD_COURSE = path.join(caseDir('update-check', 'no-change'), 'old');
const NEW_COURSE = path.join(caseDir('update-check', 'no-change'), 'new');
const COURSE_ID = 'update-fixture';
let work: string;
let dist: string;

/** The update report of a run, with the temporary folder shown as <work>. */
function report(stdout: string): string {
  return stdout.split(work).join('<work>');
}

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toContain('failed unexpectedly');
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-against-'));
  dist = path.join(work, 'dist');
  const built = await buildCourse({ courseDir: OLD_COURSE, outDir: dist });
  if (!built.ok) throw new Error('the old fixture course did not build');
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('check --against: the old packages', () => {
  it('accepts a zip, an unpacked package folder and a folder of them, with the same verdict', async () => {
    const zip = path.join(dist, zipName(COURSE_ID, 'en'));
    const folder = path.join(dist, folderName(COURSE_ID, 'en'));
    const runs = await Promise.all([zip, folder, dist].map((against) => runCli(['check', '--course', NEW_COURSE, '--against', against])));
    for (const run of runs) {
      expect(run.code).toBe(EXIT.ok);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('✓ Learners who started the old package keep their records, progress and answers.');
    }
    expect(report(runs[0]!.stdout)).toContain('(old package <work>/dist/update-fixture-en-scorm12.zip)');
    expect(report(runs[1]!.stdout)).toContain('(old package <work>/dist/update-fixture-en)');
    // A dist/ folder holds each language twice: the zip is what was uploaded.
    expect(report(runs[2]!.stdout)).toContain('(old package <work>/dist/update-fixture-en-scorm12.zip)');
  });

  it('reports an old package of a language the course no longer has, and a language without an old package', async () => {
    const other = path.join(work, 'other-language');
    await fs.mkdir(other);
    const packaged = path.join(dist, folderName(COURSE_ID, 'en'));
    const copy = path.join(other, 'update-fixture-xx');
    await fs.cp(packaged, copy, { recursive: true });
    const index = path.join(copy, 'index.html');
    await fs.writeFile(index, (await fs.readFile(index, 'utf8')).replace('"lang":"en"', '"lang":"xx"'));
    const run = await runCli(['check', '--course', NEW_COURSE, '--against', other]);
    expect(run.code).toBe(EXIT.ok);
    expect(report(run.stdout)).toContain('en  version 1.0.0  (no old package)');
    expect(run.stdout).toContain('No old package of this language was given');
    expect(report(run.stdout)).toContain('xx  (old package <work>/other-language/update-fixture-xx)\n  This language is no longer in the course');
    // With --lang, old packages of other languages are left out.
    expect((await runCli(['check', '--course', NEW_COURSE, '--lang', 'en', '--against', other])).stdout).not.toContain('xx  (old package');
  });

  it('skips what is not a scormdown package in a folder of packages, and says so', async () => {
    const mixed = path.join(work, 'mixed');
    await fs.mkdir(mixed);
    await fs.copyFile(path.join(dist, zipName(COURSE_ID, 'en')), path.join(mixed, 'course.zip'));
    await fs.writeFile(path.join(mixed, 'other-tool.zip'), zipSync({ 'imsmanifest.xml': new TextEncoder().encode('<manifest/>'), 'index.html': new TextEncoder().encode('<html></html>') }));
    await fs.writeFile(path.join(mixed, 'notes.zip'), 'not a zip');
    const run = await runCli(['check', '--course', NEW_COURSE, '--against', mixed]);
    expect(run.code).toBe(EXIT.ok);
    expect(report(run.stdout)).toContain('(old package <work>/mixed/course.zip)');
    expect(report(run.stdout)).toContain('Not compared: <work>/mixed/notes.zip is not a zip file');
    expect(report(run.stdout)).toContain('Not compared: <work>/mixed/other-tool.zip has an unreadable imsmanifest.xml');
  });
});

describe('check --against: errors are plain sentences', () => {
  it('a missing path is wrong usage (2)', async () => {
    const run = await runCli(['check', '--course', NEW_COURSE, '--against', path.join(work, 'nowhere')]);
    expect(run.code).toBe(EXIT.usage);
    expect(report(run.stderr)).toContain('Cannot find <work>/nowhere: expected a package zip, an unpacked package folder, or a folder holding them');
    expect(run.stdout).toBe('');
    expectNoStack(run.stderr);
  });

  it('a damaged zip, a file that is no zip and a folder without packages are wrong usage (2)', async () => {
    const zip = await fs.readFile(path.join(dist, zipName(COURSE_ID, 'en')));
    const damaged = path.join(work, 'damaged.zip');
    await fs.writeFile(damaged, zip.subarray(0, Math.floor(zip.length / 2)));
    const text = path.join(work, 'notes.txt');
    await fs.writeFile(text, 'not a zip');
    const empty = path.join(work, 'empty');
    await fs.mkdir(empty);
    const runs = {
      damaged: await runCli(['check', '--course', NEW_COURSE, '--against', damaged]),
      text: await runCli(['check', '--course', NEW_COURSE, '--against', text]),
      empty: await runCli(['check', '--course', NEW_COURSE, '--against', empty]),
    };
    for (const run of Object.values(runs)) {
      expect(run.code).toBe(EXIT.usage);
      expectNoStack(run.stderr);
    }
    expect(report(runs.damaged.stderr)).toMatch(/Cannot read imsmanifest\.xml in <work>\/damaged\.zip: the zip is damaged/);
    expect(report(runs.text.stderr)).toContain('<work>/notes.txt is not a zip file');
    expect(report(runs.empty.stderr)).toContain('No package in <work>/empty: expected zips or unpacked package folders (with imsmanifest.xml) in it');
  });

  it('a SCORM package not made by scormdown is wrong usage (2)', async () => {
    const foreign = path.join(work, 'foreign.zip');
    const manifest = '<?xml version="1.0"?><manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" identifier="x"><organizations/><resources/></manifest>';
    await fs.writeFile(foreign, zipSync({ 'imsmanifest.xml': new TextEncoder().encode(manifest), 'index.html': new TextEncoder().encode('<html><body>Hello</body></html>') }));
    const run = await runCli(['check', '--course', NEW_COURSE, '--against', foreign]);
    expect(run.code).toBe(EXIT.usage);
    expect(report(run.stderr)).toContain('<work>/foreign.zip cannot be compared: index.html has no <script id="scormdown-course">, so it was not made by scormdown');
    expectNoStack(run.stderr);
  });

  it('several old packages of one language are wrong usage (2), naming them', async () => {
    const twice = path.join(work, 'twice');
    await fs.mkdir(twice);
    await fs.copyFile(path.join(dist, zipName(COURSE_ID, 'en')), path.join(twice, 'a.zip'));
    await fs.copyFile(path.join(dist, zipName(COURSE_ID, 'en')), path.join(twice, 'b.zip'));
    const run = await runCli(['check', '--course', NEW_COURSE, '--against', twice]);
    expect(run.code).toBe(EXIT.usage);
    expect(report(run.stderr)).toContain('Several old packages of language en: <work>/twice/a.zip, <work>/twice/b.zip; give one of them to --against');
    expectNoStack(run.stderr);
  });

  it('--against belongs to check, and needs a path', async () => {
    const build = await runCli(['build', '--course', NEW_COURSE, '--out', path.join(work, 'out'), '--against', dist]);
    expect(build.code).toBe(EXIT.usage);
    expect(build.stderr).toContain('--against is an option of check');
    const empty = await runCli(['check', '--course', NEW_COURSE, '--against', '']);
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.stderr).toContain('--against needs the path of the old packages');
  });

  it('a course with errors exits 1 with its messages and compares nothing', async () => {
    const broken = path.join(work, 'broken');
    await fs.cp(NEW_COURSE, broken, { recursive: true });
    await fs.appendFile(path.join(broken, 'en', '01-intro.md'), '\n<b>raw</b>\n');
    const run = await runCli(['check', '--course', broken, '--against', dist]);
    expect(run.code).toBe(EXIT.contentErrors);
    expect(run.stderr).toContain('no-raw-html');
    expect(run.stderr).toContain('Not compared with the old packages: the course has errors (above); fix them first.');
    expect(run.stdout).not.toContain('Updating the packages');
  });
});
