// `check --against` with SCORM 2004 packages: an old SCORM 2004 package is read as one (its
// manifest's namespace says so), each new package is compared with the old one of the same language
// and target, a target new to the course is a new activity, and an old package of a target the
// course no longer builds is named, not compared with the other target's.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, folderName, zipName } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { readPackageFacts } from '../../src/update-check/package-facts.js';
import { findPackageSources } from '../../src/update-check/package-sources.js';
import { runCli } from '../helpers/run-cli.js';

const COURSE_ID = 'two-targets';
let work: string;
let courseDir: string;
/** Both targets of the course built: the packages learners started. */
let dist: string;

async function writeCourse(targets: string): Promise<void> {
  await fs.writeFile(path.join(courseDir, 'course.yaml'), `id: ${COURSE_ID}\nversion: "1.0"\nlanguages: [en]\ntargets: ${targets}\n`);
}

/** The report with the temporary folder shown as <work>. */
function report(stdout: string): string {
  return stdout.split(work).join('<work>');
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-against-2004-'));
  courseDir = path.join(work, 'course');
  await fs.mkdir(path.join(courseDir, 'en'), { recursive: true });
  await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Two targets\n');
  await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), '---\nid: intro\ntitle: Introduction\n---\n\nSome text.\n');
  await fs.writeFile(path.join(courseDir, 'en', '02-exam.md'), '---\nid: exam\ntitle: Exam\nassessment: true\n---\n\n:::question{#exam-sky type=truefalse answer=true}\nThe sky is blue.\n:::\n');
  await writeCourse('[scorm12, scorm2004]');
  dist = path.join(work, 'dist');
  const built = await buildCourse({ courseDir, outDir: dist });
  if (!built.ok) throw new Error('the course did not build');
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('check --against with SCORM 2004 packages', () => {
  it('reads an old SCORM 2004 package as one, with its identifiers', async () => {
    const [source] = await findPackageSources(path.join(dist, zipName(COURSE_ID, 'en', 'scorm2004')));
    const facts = await readPackageFacts(source!);
    expect(facts.manifest).toMatchObject({ target: 'scorm2004', identifier: 'en_two-targets', version: '1.0', organizations: ['ORG_en_two-targets'], items: ['ITEM_en_two-targets'], resources: ['RES_en_two-targets'] });
    const [folder] = await findPackageSources(path.join(dist, folderName(COURSE_ID, 'en')));
    expect((await readPackageFacts(folder!)).manifest.target).toBe('scorm12');
  });

  it('compares each new package with the old one of its target, in a folder holding both', async () => {
    await writeCourse('[scorm12, scorm2004]');
    const run = await runCli(['check', '--course', courseDir, '--against', dist]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const text = report(run.stdout);
    expect(text).toContain('en SCORM 1.2  version 1.0, unchanged  (old package <work>/dist/two-targets-en-scorm12.zip)');
    expect(text).toContain('en SCORM 2004  version 1.0, unchanged  (old package <work>/dist/two-targets-en-scorm2004.zip)');
    expect(text).toContain('✓ Every learner keeps their records and answers, scored as before.');
    expect(text).not.toContain('Several old packages');
  });

  it('compares a single old SCORM 2004 zip with the new SCORM 2004 package, and calls the SCORM 1.2 one a new activity', async () => {
    await writeCourse('[scorm12, scorm2004]');
    const run = await runCli(['check', '--course', courseDir, '--against', path.join(dist, zipName(COURSE_ID, 'en', 'scorm2004'))]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const text = report(run.stdout);
    expect(text).toContain('en SCORM 2004  version 1.0, unchanged  (old package <work>/dist/two-targets-en-scorm2004.zip)');
    expect(text).toContain('en SCORM 1.2  version 1.0  (no old package)');
    expect(text).toContain('No old SCORM 1.2 package of this language was given, only SCORM 2004 4th Edition: the SCORM 1.2 package is uploaded as an activity of its own');
  });

  it('names an old package of a target course.yaml no longer lists, without comparing it with the other target', async () => {
    await writeCourse('[scorm12]');
    try {
      const run = await runCli(['check', '--course', courseDir, '--against', dist]);
      expect(run.code, run.stderr).toBe(EXIT.ok);
      const text = report(run.stdout);
      expect(text).toContain('en SCORM 1.2  version 1.0, unchanged  (old package <work>/dist/two-targets-en-scorm12.zip)');
      expect(text).toContain('en SCORM 2004  (old package <work>/dist/two-targets-en-scorm2004.zip)\n  course.yaml no longer lists scorm2004 in `targets`: nothing replaces this package, so its activity in the LMS keeps its records as they are.');
    } finally {
      await writeCourse('[scorm12, scorm2004]');
    }
  });

  it('reads a course of SCORM 1.2 only against SCORM 1.2 packages as before, without naming targets', async () => {
    await writeCourse('[scorm12]');
    try {
      const run = await runCli(['check', '--course', courseDir, '--against', path.join(dist, zipName(COURSE_ID, 'en'))]);
      expect(run.code, run.stderr).toBe(EXIT.ok);
      expect(report(run.stdout)).toContain('\nen  version 1.0, unchanged  (old package <work>/dist/two-targets-en-scorm12.zip)');
      expect(run.stdout).not.toContain('SCORM 2004');
    } finally {
      await writeCourse('[scorm12, scorm2004]');
    }
  });
});
