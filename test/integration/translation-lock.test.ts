// Translation checks in `scormdown check`: parity errors at the place in each file, and lessons
// changed in one language after the others (content hash against course/translations.lock) as
// "possibly out of date" warnings. Fixture: test/fixtures/translations/ (en, de, el);
// expected messages in its expected/ folder (UPDATE_FIXTURES=1 rewrites them).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/pipeline/build-course.js';
import { main } from '../../src/cli/main.js';
import { lessonContentHash, readTranslationLock, serializeTranslationLock, translationLockPath, updatedTranslationLock } from '../../src/check/translation-lock.js';
import { load } from '../../src/load/load-course.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { copyCourse, type TempCourse } from '../helpers/temp-course.js';

const FIXTURE = path.join(FIXTURES_DIR, 'translations');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

let course: TempCourse | undefined;
afterEach(async () => {
  await course?.dispose();
  course = undefined;
});

async function fixtureCopy(): Promise<TempCourse> {
  course = await copyCourse(path.join(FIXTURE, 'course'));
  return course;
}

/** `file:line:column severity rule-id reason`, paths relative to the course folder, one per line. */
async function checkMessages(courseDir: string, languages?: string[]): Promise<string> {
  const { files } = await checkCourse(courseDir, languages);
  return files
    .flatMap((file) => file.messages.map((message) => `${path.relative(courseDir, file.path)}:${message.line ?? 1}:${message.column ?? 1} ${message.fatal === true ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`))
    .join('\n');
}

async function expectMessages(actual: string, name: string): Promise<void> {
  const expectedPath = path.join(FIXTURE, 'expected', `${name}.txt`);
  if (UPDATE) await fs.writeFile(expectedPath, `${actual}\n`);
  expect(actual).toBe((await fs.readFile(expectedPath, 'utf8')).trimEnd());
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
}

describe('translation lock', () => {
  it('reports nothing while every translation matches the lock', async () => {
    const temp = await fixtureCopy();
    expect(await checkMessages(temp.dir)).toBe('');
  });

  it('warns at each unchanged translation when a lesson changed in one language only', async () => {
    const temp = await fixtureCopy();
    await edit(temp.file('de', '01-willkommen.md'), (text) => text.replace('gefühlt haben.\n', 'gefühlt haben. Das bleibt.\n'));
    await expectMessages(await checkMessages(temp.dir), 'changed-in-one-language');
  });

  it('says nothing once every translation of the lesson changed, and nothing after --update-lock', async () => {
    const temp = await fixtureCopy();
    await edit(temp.file('de', '01-willkommen.md'), (text) => `${text}\nNeu.\n`);
    await edit(temp.file('en', '01-welcome.md'), (text) => `${text}\nNew.\n`);
    expect(await checkMessages(temp.dir)).toContain('translation-outdated');
    await edit(temp.file('el', '01-kalosorisma.md'), (text) => `${text}\nΝέο.\n`);
    expect(await checkMessages(temp.dir)).toBe('');

    await edit(temp.file('en', '02-listening.md'), (text) => `${text}\nMore.\n`);
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['check', '--update-lock', '--course', temp.dir], io)).toBe(0);
    expect(await checkMessages(temp.dir)).toBe('');
    const lock = readTranslationLock(temp.dir)!;
    expect(lock.lessons.listening!.en).toBe(lessonContentHash(await fs.readFile(temp.file('en', '02-listening.md'), 'utf8')));
  });

  it('reports a missing question as an error at the lesson, besides the outdated translations', async () => {
    const temp = await fixtureCopy();
    await edit(temp.file('el', '02-akroasi.md'), (text) => text.slice(0, text.indexOf(':::question')).trimEnd() + '\n');
    await expectMessages(await checkMessages(temp.dir), 'question-missing');
  });

  it('reports a changed answer key and an extra question at their place in the translation', async () => {
    const temp = await fixtureCopy();
    await edit(temp.file('de', '02-zuhoeren.md'), (text) => text.replace('- [x] Zuhören\n- [ ] Antworten', '- [ ] Zuhören\n- [x] Antworten') +
      '\n:::question{#listening-extra type=truefalse answer=false}\nNur auf Deutsch?\n\n> Ja.\n:::\n');
    await expectMessages(await checkMessages(temp.dir), 'key-mismatch-and-extra');
  });

  it('ignores lessons the lock does not know yet, and warns once about a lock it cannot read', async () => {
    const temp = await fixtureCopy();
    for (const [lang, name] of [['en', '03-new.md'], ['de', '03-neu.md'], ['el', '03-neo.md']] as const) {
      await fs.writeFile(temp.file(lang, name), `---\nid: brand-new\ntitle: ${lang}\n---\n\nText ${lang}.\n`);
    }
    expect(await checkMessages(temp.dir)).toBe('');
    await fs.writeFile(translationLockPath(temp.dir), '{"format": 1, "lessons": []');
    await expectMessages(await checkMessages(temp.dir), 'lock-unreadable');
  });

  it('keeps the entries of languages not loaded when updating with --lang, drops removed lessons', async () => {
    const temp = await fixtureCopy();
    const before = readTranslationLock(temp.dir)!;
    await fs.rm(temp.file('de', '02-zuhoeren.md'));
    const { course: deOnly } = await load(temp.dir, { languages: ['de'] });
    const updated = updatedTranslationLock(deOnly!, before);
    expect(updated.lessons.listening).toEqual({ el: before.lessons.listening!.el, en: before.lessons.listening!.en });
    expect(updated.lessons.welcome).toEqual(before.lessons.welcome);
    expect(serializeTranslationLock(updated)).toMatch(/^\{\n {2}"format": 1,\n {2}"lessons": \{\n {4}"listening": \{\n {6}"el"/);
  });
});

describe('the shipped course', () => {
  it('has a committed translations.lock that matches its el/de/ms lessons: check reports nothing', async () => {
    expect(await checkMessages(SHIPPED_COURSE)).toBe('');
    const { course: shipped } = await load(SHIPPED_COURSE);
    const committed = await fs.readFile(translationLockPath(SHIPPED_COURSE), 'utf8');
    expect(serializeTranslationLock(updatedTranslationLock(shipped!, undefined))).toBe(committed);
  });
});
