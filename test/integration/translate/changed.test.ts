// `translate export --changed` and the translation lock, on a copy of the shipped course: after a
// full import nothing is sent; a changed German paragraph is the one unit sent to fr; importing it
// updates that paragraph only and marks the lesson current again (no translation-outdated for fr,
// nothing sent next time); for el, which no import made, the lock decides per lesson; a hand
// correction of fr does not hide a later change of the German lesson.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../../src/pipeline/build-course.js';
import { exportEdition } from '../../../src/translate/export-edition.js';
import { importXliff } from '../../../src/translate/import-edition.js';
import { readTranslationSources } from '../../../src/translate/translation-sources.js';
import { copyCourse, fillTargets, SHIPPED_COURSE, snapshot, unitIds } from '../../helpers/translation-course.js';

const LESSON = path.join('de', '02-zuverlaessigkeit.md');
const OLD = 'Kundinnen und Kunden kommen nicht ohne Vorstellungen zu einem Unternehmen';
const NEW = 'Kundinnen und Kunden kommen nie ohne Vorstellungen zu einem Unternehmen';

let dir: string;
let remove: () => Promise<void>;

async function outdated(): Promise<string[]> {
  const { files } = await checkCourse(dir);
  return files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'translation-outdated').map(() => path.relative(dir, file.path))).sort();
}

async function importFilled(xliff: string, name: string, translate: (text: string) => string) {
  const file = path.join(dir, '..', name);
  await fs.writeFile(file, fillTargets(xliff, translate));
  return importXliff({ courseDir: dir, file });
}

beforeAll(async () => {
  ({ dir, remove } = await copyCourse(SHIPPED_COURSE));
  const full = await exportEdition({ courseDir: dir, from: 'de', to: 'fr' });
  const imported = await importFilled(full.xliff!, 'full.xlf', (text) => `(fr) ${text}`);
  expect(imported.ok).toBe(true);
});
afterAll(() => remove());

describe('export --changed', () => {
  it('sends nothing right after a full import, and the lock records fr as agreeing', async () => {
    const changed = await exportEdition({ courseDir: dir, from: 'de', to: 'fr', changed: true });
    expect(changed.ok).toBe(true);
    expect(changed.units).toBe(0);
    expect(changed.xliff).toBeUndefined();
    const lock = JSON.parse(await fs.readFile(path.join(dir, 'translations.lock'), 'utf8')) as { lessons: Record<string, Record<string, string>> };
    expect(Object.values(lock.lessons).every((hashes) => hashes.fr !== undefined)).toBe(true);
    expect(await outdated()).toEqual([]);
  });

  it('sends only the changed paragraph once the German lesson changed', async () => {
    const lesson = path.join(dir, LESSON);
    await fs.writeFile(lesson, (await fs.readFile(lesson, 'utf8')).replace(OLD, NEW));
    // check: the other languages of the group, fr included, are possibly out of date.
    expect(await outdated()).toEqual(['el/02-axiopistia.md', 'fr/02-zuverlaessigkeit.md', 'ms/02-kebolehpercayaan.md']);
    const changed = await exportEdition({ courseDir: dir, from: 'de', to: 'fr', changed: true });
    expect(changed.units).toBe(1);
    expect(unitIds(changed.xliff!)).toEqual(['reliability:1']);
    expect(changed.totalUnits).toBe(193);
  });

  it('imports the changed unit into the lesson, keeps its other units, and marks the lesson current again', async () => {
    const target = path.join(dir, 'fr', '02-zuverlaessigkeit.md');
    const before = await fs.readFile(target, 'utf8');
    const changed = await exportEdition({ courseDir: dir, from: 'de', to: 'fr', changed: true });
    const imported = await importFilled(changed.xliff!, 'changed.xlf', (text) => `(fr, neu) ${text}`);
    expect(imported.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(imported.units.translated).toBe(1);
    expect(imported.units.kept).toBeGreaterThan(20);
    expect(imported.written.map((file) => path.relative(dir, file)).sort()).toEqual(['fr/02-zuverlaessigkeit.md', 'translation-sources.json']);
    const after = await fs.readFile(target, 'utf8');
    const changedLines = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
    expect(changedLines).toEqual([`(fr, neu) ${NEW}${before.split(OLD)[1]!.split('\n')[0]}`]);
    // fr is current: check no longer names it, and nothing is sent again; el and ms still wait.
    expect(await outdated()).toEqual(['el/02-axiopistia.md', 'ms/02-kebolehpercayaan.md']);
    expect((await exportEdition({ courseDir: dir, from: 'de', to: 'fr', changed: true })).units).toBe(0);
    const sources = await readTranslationSources(dir);
    expect(sources.editions.fr?.from).toBe('de');
    // Importing the same file again changes nothing.
    const snapshotBefore = await snapshot(dir);
    const again = await importXliff({ courseDir: dir, file: path.join(dir, '..', 'changed.xlf') });
    expect(again.written).toEqual([]);
    expect(await snapshot(dir)).toEqual(snapshotBefore);
  });

  it('sends el, which the lock alone describes, the whole changed lesson and the edition texts', async () => {
    const changed = await exportEdition({ courseDir: dir, from: 'de', to: 'el', changed: true });
    const ids = unitIds(changed.xliff!);
    const reliability = (await exportEdition({ courseDir: dir, from: 'de', to: 'el' })).document.files.find((file) => file.id === 'lesson:reliability')!.units.length;
    expect(ids.filter((id) => id.startsWith('reliability:'))).toHaveLength(reliability);
    expect(ids.filter((id) => !id.startsWith('reliability:'))).toEqual(['edition.title', 'edition.description']);
  });

  it('still sends only what changed in the source after a translation was corrected by hand', async () => {
    const target = path.join(dir, 'fr', '03-einfachheit.md');
    await fs.writeFile(target, (await fs.readFile(target, 'utf8')).replace('(fr) ', '(fr, corrected) '));
    const lesson = path.join(dir, 'de', '03-einfachheit.md');
    await fs.writeFile(lesson, `${await fs.readFile(lesson, 'utf8')}\nEin neuer Absatz am Ende.\n`);
    // The import's record still says what each unit was translated from: the new paragraph is new.
    expect(unitIds((await exportEdition({ courseDir: dir, from: 'de', to: 'fr', changed: true })).xliff!)).toEqual([expect.stringMatching(/^convenience:\d+$/)]);
  });
});
