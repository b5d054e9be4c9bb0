// The course the preview server keeps in memory: which change re-reads what, and after each change
// the same messages as a fresh `scormdown check` of the files on disk.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCourse } from '../../../src/pipeline/build-course.js';
import { classifyChange, isIgnoredPath, mergeChanges } from '../../../src/preview/classify-change.js';
import { PreviewCourse } from '../../../src/preview/preview-course.js';
import { copyCourse, type TempCourse } from '../../helpers/temp-course.js';

let course: TempCourse | undefined;
afterEach(async () => {
  await course?.dispose();
  course = undefined;
});

const COURSE = path.join(path.sep, 'work', 'course');

describe('classifying a change', () => {
  it('re-reads one lesson for a saved lesson, its edition for added or removed lessons, everything for course.yaml', () => {
    const lesson = path.join(COURSE, 'de', '02-x.md');
    expect(classifyChange(COURSE, lesson, 'change')).toEqual({ kind: 'lesson', lang: 'de', filePath: lesson });
    expect(classifyChange(COURSE, lesson, 'add')).toEqual({ kind: 'edition', lang: 'de' });
    expect(classifyChange(COURSE, lesson, 'unlink')).toEqual({ kind: 'edition', lang: 'de' });
    expect(classifyChange(COURSE, path.join(COURSE, 'pt-BR', 'edition.yaml'), 'change')).toEqual({ kind: 'edition', lang: 'pt-BR' });
    expect(classifyChange(COURSE, path.join(COURSE, 'course.yaml'), 'change')).toEqual({ kind: 'course' });
    expect(classifyChange(COURSE, path.join(COURSE, 'translations.lock'), 'change')).toEqual({ kind: 'checks' });
    expect(classifyChange(COURSE, path.join(COURSE, 'media', 'logo.png'), 'change')).toEqual({ kind: 'course' });
    expect(classifyChange(COURSE, path.join(COURSE, 'fr'), 'addDir')).toEqual({ kind: 'course' });
  });

  it('re-reads the editions of a language for its course strings file, saved, added or removed', () => {
    for (const event of ['change', 'add', 'unlink'] as const) {
      expect(classifyChange(COURSE, path.join(COURSE, 'strings', 'fr.json'), event)).toEqual({ kind: 'strings', lang: 'fr' });
      expect(classifyChange(COURSE, path.join(COURSE, 'strings', 'pt-BR.json'), event)).toEqual({ kind: 'strings', lang: 'pt-BR' });
    }
    // Anything else in or of the strings folder: everything again.
    expect(classifyChange(COURSE, path.join(COURSE, 'strings', 'notes.txt'), 'change')).toEqual({ kind: 'course' });
    expect(classifyChange(COURSE, path.join(COURSE, 'strings'), 'addDir')).toEqual({ kind: 'course' });
  });

  it('merges a batch into the fewest re-reads', () => {
    const a = { kind: 'lesson', lang: 'de', filePath: '/c/de/01.md' } as const;
    const b = { kind: 'lesson', lang: 'el', filePath: '/c/el/01.md' } as const;
    expect(mergeChanges([a, a, b])).toEqual([a, b]);
    expect(mergeChanges([a, { kind: 'edition', lang: 'de' }, b])).toEqual([{ kind: 'edition', lang: 'de' }, b]);
    expect(mergeChanges([a, { kind: 'course' }])).toEqual([{ kind: 'course' }]);
    expect(mergeChanges([{ kind: 'checks' }, { kind: 'checks' }])).toEqual([{ kind: 'checks' }]);
    // strings/de.json covers the de and de-AT editions and their lessons; strings/de-AT.json only de-AT.
    const deAt = { kind: 'lesson', lang: 'de-AT', filePath: '/c/de-AT/01.md' } as const;
    expect(mergeChanges([a, deAt, { kind: 'edition', lang: 'de-AT' }, { kind: 'strings', lang: 'de' }, { kind: 'strings', lang: 'de' }, b])).toEqual([{ kind: 'strings', lang: 'de' }, b]);
    expect(mergeChanges([a, { kind: 'strings', lang: 'de-AT' }, deAt])).toEqual([{ kind: 'strings', lang: 'de-AT' }, a]);
    expect(mergeChanges([{ kind: 'strings', lang: 'de' }, { kind: 'course' }])).toEqual([{ kind: 'course' }]);
  });

  it('ignores editor droppings', () => {
    for (const name of ['.01-x.md.swp', '01-x.md~', '4913', '#01-x.md#', 'translations.lock.tmp', '.DS_Store']) expect(isIgnoredPath(path.join(COURSE, 'de', name)), name).toBe(true);
    expect(isIgnoredPath(path.join(COURSE, 'de', '01-x.md'))).toBe(false);
  });
});

describe('the course in memory', () => {
  /** Messages of every file as `relative/path:line:column rule-id`, sorted. */
  function messagesOf(files: readonly { path: string; messages: { line?: number | null; column?: number | null; ruleId?: string | null }[] }[], dir: string): string[] {
    return files.flatMap((file) => file.messages.map((message) => `${path.relative(dir, file.path)}:${message.line}:${message.column} ${message.ruleId}`)).sort();
  }

  it('after each change has the same messages as a fresh check of the disk, and keeps none from before', async () => {
    course = await copyCourse();
    const preview = new PreviewCourse(course.dir);
    await preview.loadAll();
    expect(messagesOf(preview.files, course.dir)).toEqual([]);

    // A broken lesson in a translated edition: its own error, translation errors, outdated warnings.
    const lessonPath = course.file('de', '02-zuverlaessigkeit.md');
    const original = await fs.readFile(lessonPath, 'utf8');
    await fs.writeFile(lessonPath, original.replace(':::question{#reliability-', ':::question{#zuverlaessigkeit-'));
    expect(await preview.apply({ kind: 'lesson', lang: 'de', filePath: lessonPath })).toEqual(['de']);
    const fresh = await checkCourse(course.dir);
    expect(messagesOf(preview.files, course.dir)).toEqual(messagesOf(fresh.files, course.dir));
    expect(messagesOf(preview.files, course.dir).some((line) => line.endsWith('translation-question-missing'))).toBe(true);

    // Fixed: every course-wide message disappears too, not only the lesson's own.
    await fs.writeFile(lessonPath, original);
    await preview.apply({ kind: 'lesson', lang: 'de', filePath: lessonPath });
    expect(messagesOf(preview.files, course.dir)).toEqual([]);
  });

  it('re-reads the edition when a lesson is added, and the whole course when course.yaml changes', async () => {
    course = await copyCourse();
    const preview = new PreviewCourse(course.dir);
    await preview.loadAll();
    await fs.writeFile(course.file('ro', '07-extra.md'), '---\nid: extra\ntitle: Extra\n---\n\nText.\n');
    const lessonPath = course.file('ro', '07-extra.md');
    expect(await preview.apply({ kind: 'lesson', lang: 'ro', filePath: lessonPath })).toEqual(['ro']);
    expect(preview.edition('ro')!.lessons.map((lesson) => lesson.fileName).at(-1)).toBe('07-extra.md');

    await fs.writeFile(course.file('course.yaml'), (await fs.readFile(course.file('course.yaml'), 'utf8')).replace('passMark: 80', 'passMark: 70'));
    expect(await preview.apply({ kind: 'course' })).toEqual(['el', 'de', 'ms', 'ro', 'sl']);
    expect(preview.course!.config.passMark).toBe(70);
  });
});

describe('a French course with its own strings/fr.json, outside the repository', () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root !== undefined) await fs.rm(root, { recursive: true, force: true });
    root = undefined;
  });

  /** Messages of `files` as `relative/path:line:column rule-id severity`, sorted. */
  function lines(files: readonly { path: string; messages: { line?: number | null; column?: number | null; ruleId?: string | null; fatal?: boolean | null }[] }[], dir: string): string[] {
    return files.flatMap((file) => file.messages.map((message) => `${path.relative(dir, file.path)}:${message.line}:${message.column} ${message.ruleId} ${message.fatal === true ? 'error' : 'warning'}`)).sort();
  }

  it('gives the fr and fr-CA editions the French strings, re-reads both when strings/fr.json changes, and lists its messages', async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-preview-fr-')));
    const dir = path.join(root, 'formation');
    for (const lang of ['fr', 'fr-CA']) {
      await fs.mkdir(path.join(dir, lang), { recursive: true });
      await fs.writeFile(path.join(dir, lang, 'edition.yaml'), 'title: Accueil des clients\n');
      await fs.writeFile(path.join(dir, lang, '01-bienvenue.md'), '---\nid: bienvenue\ntitle: Bienvenue\n---\n\nUn client bien accueilli revient.\n');
    }
    await fs.writeFile(path.join(dir, 'course.yaml'), 'id: accueil\nlanguages: [fr, fr-CA]\n');
    await fs.mkdir(path.join(dir, 'strings'));
    const stringsPath = path.join(dir, 'strings', 'fr.json');
    await fs.writeFile(stringsPath, '{\n  "nav.next": "Suivant",\n  "nav.previous": "Précédent"\n}\n');

    const preview = new PreviewCourse(dir);
    await preview.loadAll();
    for (const lang of ['fr', 'fr-CA']) {
      expect(preview.edition(lang)!.strings['nav.next'], lang).toBe('Suivant');
      expect(preview.filesOf(lang).map((file) => file.path), lang).toContain(stringsPath);
    }
    // The missing keys are named on strings/fr.json, under fr (fr-CA's own file would be strings/fr-CA.json).
    expect(lines(preview.filesOf('fr'), dir).filter((line) => line.startsWith('strings/'))).toEqual(['strings/fr.json:1:1 strings-missing warning']);
    expect(lines(preview.files, dir)).toEqual(lines((await checkCourse(dir)).files, dir));

    await fs.writeFile(stringsPath, '{\n  "nav.next": "Continuer",\n  "nav.previous": "Précédent"\n}\n');
    expect(await preview.apply(classifyChange(dir, stringsPath, 'change'))).toEqual(['fr', 'fr-CA']);
    expect(preview.edition('fr')!.strings['nav.next']).toBe('Continuer');
    expect(preview.edition('fr-CA')!.strings['nav.next']).toBe('Continuer');

    // A JSON syntax error (a trailing comma) is an error of both editions, with its place.
    await fs.writeFile(stringsPath, '{\n  "nav.next": "Continuer",\n  "nav.previous": "Précédent",\n}\n');
    expect(await preview.apply(classifyChange(dir, stringsPath, 'change'))).toEqual(['fr', 'fr-CA']);
    for (const lang of ['fr', 'fr-CA']) expect(lines(preview.filesOf(lang), dir), lang).toContain('strings/fr.json:4:1 strings-json-invalid error');
    expect(lines(preview.files, dir)).toEqual(lines((await checkCourse(dir)).files, dir));

    // Removed: English again, and no message of the file is left.
    await fs.rm(stringsPath);
    expect(await preview.apply(classifyChange(dir, stringsPath, 'unlink'))).toEqual(['fr', 'fr-CA']);
    expect(preview.edition('fr')!.strings['nav.next']).toBe('Next');
    expect(lines(preview.files, dir).filter((line) => line.startsWith('strings/'))).toEqual([]);
    expect(lines(preview.files, dir)).toEqual(lines((await checkCourse(dir)).files, dir));
  });
});
