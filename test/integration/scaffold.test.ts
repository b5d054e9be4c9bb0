// `scormdown new edition <lang>` and `scormdown new lesson <lang> <id>`: the right front matter,
// the next free NN- prefix, the language added to course.yaml with its comments kept, refusals
// that change nothing, and a scaffolded course that `check` accepts once written.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkCourse } from '../../src/pipeline/build-course.js';
import { nextPrefix } from '../../src/scaffold/new-lesson.js';
import { withLanguage } from '../../src/scaffold/course-yaml.js';
import { copyCourse, type TempCourse } from '../helpers/temp-course.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

let course: TempCourse | undefined;
afterEach(async () => {
  await course?.dispose();
  course = undefined;
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--course', course!.dir], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of the course folder with its text, to prove a refusal changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (file) => [path.relative(dir, file), await fs.readFile(file, 'utf8')] as const)));
}

describe('scormdown new lesson', () => {
  it('creates the next NN- file with id and title front matter, and says what to do next', async () => {
    course = await copyCourse();
    const result = await run('new', 'lesson', 'de', 'empathy', '--title', 'Empathie: „zuhören“');
    expect(result.code).toBe(0);
    const file = course.file('de', '07-empathy.md');
    expect(await fs.readFile(file, 'utf8')).toBe('---\nid: empathy\ntitle: "Empathie: „zuhören“"\n---\n\n');
    expect(result.out).toContain('created');
    expect(result.out).toContain('after the assessment 06-abschlusstest.md');
    expect(result.out).toContain('scormdown new lesson el empathy');

    // Until it has a body, check says so; with one, the lesson is fine (the translations still lack it).
    let messages = (await checkCourse(course.dir, ['de'])).files.flatMap((vfile) => vfile.messages.map((message) => message.ruleId));
    expect(messages).toEqual(['lesson-empty']);
    await fs.appendFile(file, 'Wer zuhört, versteht den Kunden.\n');
    messages = (await checkCourse(course.dir, ['de'])).files.flatMap((vfile) => vfile.messages.map((message) => message.ruleId));
    expect(messages).toEqual([]);
  });

  it('refuses an id the edition already uses, an invalid id and a missing edition, changing nothing', async () => {
    course = await copyCourse();
    const before = await snapshot(course.dir);
    const taken = await run('new', 'lesson', 'de', 'reliability');
    expect(taken.code).toBe(2);
    expect(taken.err).toBe(`✗ Lesson id \`reliability\` is already used by ${path.join('de', '02-zuverlaessigkeit.md')}; choose another id`);
    const invalid = await run('new', 'lesson', 'de', 'zwei wörter');
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('Unexpected lesson id `zwei wörter`, expected an ASCII id');
    const noEdition = await run('new', 'lesson', 'fr', 'intro');
    expect(noEdition.code).toBe(2);
    expect(noEdition.err).toContain('create it first with `scormdown new edition fr`');
    expect(await snapshot(course.dir)).toEqual(before);
  });

  it('numbers after the highest prefix, keeping its width', () => {
    expect(nextPrefix([])).toBe('01');
    expect(nextPrefix(['01-a.md', '02-b.md'])).toBe('03');
    expect(nextPrefix(['09-a.md'])).toBe('10');
    expect(nextPrefix(['010-a.md', '020-b.md', 'notes.md'])).toBe('021');
  });
});

describe('scormdown new edition', () => {
  it('creates edition.yaml to translate and adds the language to course.yaml, keeping its comments', async () => {
    course = await copyCourse();
    const configBefore = await fs.readFile(course.file('course.yaml'), 'utf8');
    const result = await run('new', 'edition', 'en');
    expect(result.code).toBe(0);
    const edition = await fs.readFile(course.file('en', 'edition.yaml'), 'utf8');
    expect(edition.startsWith('# Copied from el/edition.yaml: translate it.\n')).toBe(true);
    expect(edition).toContain('title: Εξυπηρέτηση με επίκεντρο τον πελάτη\n');
    expect(await fs.readFile(course.file('course.yaml'), 'utf8')).toBe(configBefore.replace('languages: [el, de, ms, ro, sl]', 'languages: [el, de, ms, ro, sl, en]'));
    expect(result.out).toContain('scormdown new lesson en <id>');

    const lesson = await run('new', 'lesson', 'en', 'welcome', '--title', 'Welcome');
    expect(lesson.code).toBe(0);
    expect(await fs.readFile(course.file('en', '01-welcome.md'), 'utf8')).toBe('---\nid: welcome\ntitle: Welcome\n---\n\n');
  });

  it('uses --title, and notes missing UI strings for a language without them', async () => {
    course = await copyCourse();
    const result = await run('new', 'edition', 'pt-BR', '--title', 'Foco no cliente');
    expect(result.code).toBe(0);
    expect(await fs.readFile(course.file('pt-BR', 'edition.yaml'), 'utf8')).toBe('title: Foco no cliente\n');
    expect(result.out).toContain('No UI strings ship for pt-BR');
    // A strings file to translate: every English key, and the note that keeps a warning up.
    const english = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'templates', 'strings', 'en.json'), 'utf8')) as Record<string, string>;
    const written = JSON.parse(await fs.readFile(course.file('strings', 'pt-BR.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(written)).toEqual(['$comment', ...Object.keys(english)]);
    expect({ ...written, $comment: undefined }).toEqual({ ...english, $comment: undefined });
    const messages = (await checkCourse(course.dir, ['pt-BR'])).files.flatMap((vfile) => vfile.messages.map((message) => `${path.relative(course!.dir, vfile.path)} ${message.ruleId}`));
    expect(messages).toContain(`${path.join('strings', 'pt-BR.json')} strings-untranslated`);
    expect(messages.filter((message) => message.endsWith('strings-missing'))).toEqual([]);
  });

  it('refuses to overwrite an edition and rejects what is no language code, changing nothing', async () => {
    course = await copyCourse();
    const before = await snapshot(course.dir);
    const existing = await run('new', 'edition', 'de');
    expect(existing.code).toBe(2);
    expect(existing.err).toBe(`✗ ${path.join('de', 'edition.yaml')} already exists; nothing was changed`);
    const invalid = await run('new', 'edition', 'German');
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('Unexpected language `German`');
    const usage = await run('new', 'chapter', 'de');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Usage: scormdown new edition <lang>');
    expect(await snapshot(course.dir)).toEqual(before);
  });

  it('leaves course.yaml alone without a languages list or when the language is listed, and refuses broken YAML', () => {
    expect(withLanguage('id: x\n', 'de')).toBeUndefined();
    expect(withLanguage('id: x\nlanguages: [de]\n', 'de')).toBeUndefined();
    expect(withLanguage('# about\nid: x # the id\nlanguages:\n  - de # German\n', 'el')).toBe('# about\nid: x # the id\nlanguages:\n  - de # German\n  - el\n');
    expect(() => withLanguage('id: [x\n', 'de')).toThrow('course.yaml is not valid YAML');
  });
});
