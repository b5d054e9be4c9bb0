// `check` and `build` tell the same truth: over every broken-input fixture of test/fixtures/checks,
// `build` reports exactly the messages `check` reports (never one more, never a stack trace), packages
// no language that `check` found errors in, and packages every language `check` found none in.
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { buildCourse, checkCourse, zipName, type Edition } from '../../src/index.js';
import { hasErrors } from '../../src/model/messages.js';
import { caseDir, formatFixtureMessages, listCases } from '../helpers/fixtures.js';
import { prepareCase } from '../helpers/linked-fixture.js';

const cases = listCases('checks');

/** Every file an edition carries (edition.yaml, its lessons, and any other file the loader attaches to it). */
function editionFiles(edition: Edition): VFile[] {
  const carried = Object.values(edition).flatMap((value: unknown) => (value instanceof VFile ? [value] : Array.isArray(value) ? value.filter((item): item is VFile => item instanceof VFile) : []));
  return [...carried, ...edition.lessons.map((lesson) => lesson.file)];
}

describe('check and build report the same messages', () => {
  it.each(cases)('%s', async (name) => {
    const prepared = await prepareCase(caseDir('checks', name));
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-parity-'));
    try {
      const checked = await checkCourse(prepared.courseDir);
      const built = await buildCourse({ courseDir: prepared.courseDir, outDir: out });
      const checkMessages = prepared.anonymise(formatFixtureMessages(checked.files, prepared.courseDir));
      expect(prepared.anonymise(formatFixtureMessages(built.files, prepared.courseDir))).toBe(checkMessages);
      expect(checkMessages).not.toBe('');

      const course = checked.course;
      const configBroken = course === undefined || hasErrors([course.configFile]);
      expect(built.ok).toBe(!hasErrors(checked.files));
      for (const edition of course?.editions ?? []) {
        const broken = configBroken || hasErrors(editionFiles(edition));
        const zip = path.join(out, zipName(course!.config.id, edition.lang));
        expect(existsSync(zip), `${edition.lang}: ${broken ? 'no zip for an edition with errors' : 'a zip for an edition with warnings only'}`).toBe(!broken);
        if (!configBroken) expect(built.editions.find((result) => result.lang === edition.lang)?.built).toBe(!broken);
      }
      if (configBroken) expect((await fs.readdir(out)).filter((entry) => entry.endsWith('.zip'))).toEqual([]);
    } finally {
      await prepared.dispose();
      await fs.rm(out, { recursive: true, force: true });
    }
  });
});
