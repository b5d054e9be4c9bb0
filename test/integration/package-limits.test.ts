// The other half of "check and build tell the same truth": a course with every id, title and path
// at the longest `check` accepts passes `check` without errors and builds a valid package, whose
// file names fit common file systems; media the author keeps in `course/media/` land in the
// package's `media/` folder once, not as `media/media/…`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse, buildManifest, checkCourse, folderName, validateManifest, zipName } from '../../src/index.js';
import { MAX_ID_LENGTH, MAX_LANGUAGE_LENGTH, MAX_PACKAGE_PATH_LENGTH, MAX_TITLE_LENGTH } from '../../src/load/files/name-limits.js';
import { TEXT_LIMIT } from '../../src/scorm12/limits.js';
import { centralDirectory, unzip } from '../helpers/zip.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64');

/** `text` repeated and cut to exactly `length` characters. */
function exactly(text: string, length: number): string {
  return [...text.repeat(Math.ceil(length / [...text].length))].slice(0, length).join('');
}

async function write(file: string, data: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
}

describe('a course at every limit', () => {
  it('passes check and builds a package whose names fit common file systems', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-limits-'));
    try {
      const courseDir = path.join(root, 'course');
      const courseId = exactly('customer-focus-', MAX_ID_LENGTH);
      // Language subtags have 2 to 8 characters; the UI strings fall back to `en`.
      const lang = 'en-abcdefgh-abcdefgh-abcdefgh-abcde';
      const lessonId = exactly('reliability-', MAX_ID_LENGTH);
      const questionId = exactly('reliability-roadside-', TEXT_LIMIT);
      // Non-ASCII on purpose: the XSD's maxLength counts characters, not bytes.
      const title = exactly('Kundenorientierung für Pannenhelfer · Ωμέγα ', MAX_TITLE_LENGTH);
      // media/<folders>/figure.png of exactly the longest package path.
      const folder = exactly('illustrations-', MAX_PACKAGE_PATH_LENGTH - 'media/'.length - '/figure.png'.length);
      const figure = `media/${folder}/figure.png`;
      expect(lang).toHaveLength(MAX_LANGUAGE_LENGTH);
      expect(figure).toHaveLength(MAX_PACKAGE_PATH_LENGTH);
      await write(path.join(courseDir, 'course.yaml'), `id: ${courseId}\nversion: "${exactly('1.0.0-rc.', 20)}"\nlanguages: [${lang}]\n`);
      await write(path.join(courseDir, lang, 'edition.yaml'), `title: "${title}"\n`);
      await write(path.join(courseDir, ...figure.split('/')), PNG);
      await write(path.join(courseDir, 'media', 'logo.png'), PNG);
      await write(path.join(courseDir, lang, '01-reliability.md'), [
        '---', `id: ${lessonId}`, 'title: Reliability', '---', '',
        `![Figure](../${figure}) and ![Logo](../media/logo.png)`, '',
        `:::question{#${questionId}}`, 'What do drivers expect first?', '', '- [x] A tow truck', '- [ ] A discount', '', '> The tow truck.', ':::', '',
      ].join('\n'));

      const checked = await checkCourse(courseDir);
      expect(checked.files.flatMap((file) => file.messages.map(String))).toEqual([]);

      const out = path.join(root, 'dist');
      const built = await buildCourse({ courseDir, outDir: out });
      expect(built.files.flatMap((file) => file.messages.map(String))).toEqual([]);
      expect(built.ok).toBe(true);
      const zip = path.join(out, zipName(courseId, lang));
      const data = await fs.readFile(zip);
      const names = centralDirectory(data).map((entry) => entry.name);
      expect(names).toContain(`lessons/${lessonId}.html`);
      expect(names).toContain(figure);
      expect(names).toContain('media/logo.png');
      expect(names.filter((name) => name.startsWith('media/media/'))).toEqual([]);
      for (const name of [...names, path.basename(zip), folderName(courseId, lang)]) {
        expect(name.length).toBeLessThanOrEqual(MAX_PACKAGE_PATH_LENGTH);
        for (const part of name.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
      }
      const files = unzip(data);
      const manifest = files.get('imsmanifest.xml')?.toString('utf8');
      expect(manifest).toContain(`<title>${title}</title>`);
      const lesson = files.get(`lessons/${lessonId}.html`)?.toString('utf8');
      expect(lesson).toContain('src="media/logo.png"');
      expect(lesson).toContain(`src="${figure}"`);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('is the schema\'s own limit: one character more and the manifest is invalid', async () => {
    const courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-limits-'));
    try {
      await write(path.join(courseDir, 'course.yaml'), 'id: fixture\nlanguages: [en]\n');
      await write(path.join(courseDir, 'en', 'edition.yaml'), 'title: Fixture\n');
      await write(path.join(courseDir, 'en', '01-lesson.md'), '---\nid: lesson\ntitle: A lesson\n---\n\nText.\n');
      const { course } = await checkCourse(courseDir);
      const edition = course!.editions[0]!;
      const problems = (title: string) => validateManifest(buildManifest(course!.config, { ...edition, title }, ['index.html']), new Set(['index.html', 'imsmanifest.xml']), { masteryScore: 80 });
      expect(await problems('Ω'.repeat(MAX_TITLE_LENGTH))).toEqual([]);
      expect((await problems('Ω'.repeat(MAX_TITLE_LENGTH + 1))).join('\n')).toMatch(/XSD: .*title.*length/i);
    } finally {
      await fs.rm(courseDir, { recursive: true, force: true });
    }
  });
});
