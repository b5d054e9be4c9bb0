// What `translate import` does with the file it is given: the same file twice changes nothing;
// units without a target stop it, each listed with its place (or, with keepSource, keep the source
// text and warn); broken inline codes, a source changed since the export, unknown units and files
// that are not XLIFF are positioned errors with their rule; nothing is written while there are errors.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportEdition } from '../../../src/translate/export-edition.js';
import { importXliff } from '../../../src/translate/import-edition.js';
import { TranslationUsageError } from '../../../src/translate/translation-error.js';
import { readEditionFiles } from '../../../src/translate/edition-files.js';
import { editionLessonUnits } from '../../../src/translate/edition-units.js';
import { oneLine, plainText, trimmed, type InlinePart } from '../../../src/translate/inline-content.js';
import { checkCourse } from '../../../src/pipeline/build-course.js';
import { copyCourse, fillTargets, RICH_COURSE, snapshot } from '../../helpers/translation-course.js';

let dir: string;
let remove: () => Promise<void>;
let exported: string;
let xliffPath: string;

beforeEach(async () => {
  ({ dir, remove } = await copyCourse(RICH_COURSE));
  exported = (await exportEdition({ courseDir: dir, from: 'en', to: 'fr' })).xliff!;
  xliffPath = path.join(dir, '..', 'en-fr.xlf');
});
afterEach(() => remove());

/** `line:column rule reason` of each message on the XLIFF file. */
function messages(result: Awaited<ReturnType<typeof importXliff>>): string[] {
  return result.files[0]!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
}

async function importText(text: string, keepSource = false) {
  await fs.writeFile(xliffPath, text);
  return importXliff({ courseDir: dir, file: xliffPath, keepSource });
}

describe('importing', () => {
  it('the same file twice changes nothing the second time', async () => {
    const filled = fillTargets(exported, (text) => `FR ${text}`);
    const first = await importText(filled);
    expect(first.ok).toBe(true);
    expect(first.written.map((file) => path.relative(dir, file)).sort()).toEqual(['course.yaml', 'fr/01-everything.md', 'fr/02-quiz.md', 'fr/edition.yaml', 'translation-sources.json']);
    const before = await snapshot(dir);
    const second = await importText(filled);
    expect(second.ok).toBe(true);
    expect(second.written).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('lists every unit without a target, at its place, and writes nothing', async () => {
    const left = ['everything:title', 'everything:5.2.2.2.1', 'quiz:question:quiz-share:answer.2'];
    const before = await snapshot(dir);
    const partial = fillTargets(exported, undefined, undefined, (id) => !left.includes(id));
    const result = await importText(partial);
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
    const found = messages(result);
    expect(found).toHaveLength(3);
    left.forEach((id, index) => expect(found[index]).toMatch(new RegExp(`^\\d+:\\d+ xliff-target-missing Unexpected unit \`${id.replace(/\./g, '\\.')}\` without a target, expected its translation \\(`)));
    // Each at its unit's line in the file.
    const lines = partial.split('\n');
    for (const [index, id] of left.entries()) expect(Number(found[index]!.split(':')[0])).toBe(lines.findIndex((line) => line.includes(`<unit id="${id}">`)) + 1);
  });

  it('keeps the source text of units without a target when asked, and warns about each', async () => {
    const result = await importText(fillTargets(exported, (text) => `FR ${text}`, undefined, (id) => id !== 'everything:1'), true);
    expect(result.ok).toBe(true);
    expect(messages(result)).toEqual([expect.stringMatching(/^\d+:\d+ xliff-target-kept-source Unexpected unit `everything:1` without a target, expected its translation: the en text is kept \(--keep-source\)$/)]);
    expect(result.files[0]!.messages[0]!.fatal).toBe(false);
    expect(result.units.untranslated).toBe(1);
    const lesson = await fs.readFile(path.join(dir, 'fr', '01-everything.md'), 'utf8');
    expect(lesson).toContain('Customers expect **reliable** service');
    expect(lesson).toContain('## FR A picture');
  });

  it('refuses a target that deletes, copies or breaks an inline code', async () => {
    const filled = fillTargets(exported);
    const deleted = filled.replace(/(<target[^>]*>)Customers expect <pc id="1"[^>]*>reliable<\/pc>/, '$1Customers expect reliable');
    expect(deleted).not.toBe(filled);
    const result = await importText(deleted);
    expect(result.ok).toBe(false);
    expect(messages(result)).toEqual([expect.stringMatching(/^\d+:\d+ xliff-inline-code Unexpected target without inline code 1 \(\*\*…\*\*\) in unit `everything:1`, expected every inline code of the source once/)]);
    const unclosed = filled.replace(/(<target[^>]*>)Customers expect <pc id="1"([^>]*)>reliable<\/pc>/, '$1Customers expect <sc id="1"/>reliable');
    expect(messages(await importText(unclosed))).toEqual([expect.stringMatching(/xliff-inline-code Unexpected inline code `1` that is not closed, expected its end in the same unit$/)]);
    const foreign = filled.replace(/(<target[^>]*>)Customers/, '$1<b>Customers</b>');
    expect(messages(await importText(foreign))).toEqual([expect.stringMatching(/xliff-inline-code Unexpected <b> in the text, expected text and the inline codes of the export \(<pc> and <ph>\)$/)]);
  });

  it('refuses units whose source changed since the export, and units the source does not have', async () => {
    const filled = fillTargets(exported);
    const lesson = path.join(dir, 'en', '02-quiz.md');
    await fs.writeFile(lesson, (await fs.readFile(lesson, 'utf8')).replace('Answer every question, then submit.', 'Answer every question.'));
    const renamed = filled.replace('<unit id="everything:2">', '<unit id="everything:99">');
    const result = await importText(renamed);
    expect(result.ok).toBe(false);
    expect(messages(result).map((message) => message.split(' ').slice(1, 4).join(' '))).toEqual([
      'xliff-unit-unknown Unexpected unit',
      'xliff-source-changed Unexpected source',
      'xliff-target-missing Unexpected unit',
    ]);
    expect(messages(result)[2]).toContain('`everything:2` missing from this file and from the new fr edition');
  });

  it('says where a file stops being XML, and that a file is not XLIFF', async () => {
    const broken = await importText(exported.replace('<segment>', '<segment'));
    expect(messages(broken)).toEqual([expect.stringMatching(/^\d+:\d+ xliff-invalid Unexpected XML: .*, expected a well-formed XLIFF file$/)]);
    expect(messages(broken)[0]!.startsWith('1:')).toBe(false);
    const other = await importText('<?xml version="1.0"?>\n<html><body/></html>\n');
    expect(messages(other)).toEqual(['2:1 xliff-invalid Unexpected root element <html>, expected XLIFF 2.0 (version="2.0", namespace urn:oasis:names:tc:xliff:document:2.0) or 1.2 (version="1.2", namespace urn:oasis:names:tc:xliff:document:1.2)']);
    const sameLanguage = await importText(exported.replace('trgLang="fr"', 'trgLang="en"'));
    expect(messages(sameLanguage)).toEqual(['2:1 xliff-language Unexpected target language `en`, expected another language than the source']);
    const unknownSource = await importText(exported.replace('srcLang="en"', 'srcLang="de"'));
    expect(messages(unknownSource)).toEqual(['2:1 xliff-language Unexpected source language `de`, expected a language of course.yaml (en)']);
  });

  it('keeps a translation that looks like Markdown, HTML or a directive as the text it is', async () => {
    const tricky = (text: string) => (text.trim() === '' ? text : `:::question{#x}\n- [x] 1.\n# > | ${text} *a* _b_ [x] [y](z) <b>c</b> |d| \\e & Note:important`);
    const result = await importText(fillTargets(exported, tricky));
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    // The edition passes check: no raw HTML, no directive, no option made of the text.
    expect(result.checked.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'strings-missing').map(String))).toEqual([]);
    const source = (await editionLessonUnits((await readEditionFiles(dir, 'en'))!)).flatMap((lesson) => lesson.slots);
    const target = (await editionLessonUnits((await readEditionFiles(dir, 'fr'))!)).flatMap((lesson) => lesson.slots);
    expect(target.map((slot) => [slot.id, slot.codes])).toEqual(source.map((slot) => [slot.id, slot.codes]));
    source.forEach((slot, index) => {
      const translated = slot.content.map(function translate(part): InlinePart {
        if (part.type === 'text') return { ...part, value: tricky(part.value) };
        return part.type === 'pair' ? { ...part, children: part.children.map(translate) } : part;
      });
      const wanted = plainText(slot.oneLine ? trimmed(oneLine(translated)) : trimmed(translated));
      expect(plainText(target[index]!.content), slot.id).toBe(wanted);
    });
  });

  it('imports into a language course.yaml lists already, before its folder exists', async () => {
    const config = path.join(dir, 'course.yaml');
    await fs.writeFile(config, (await fs.readFile(config, 'utf8')).replace('languages: [en]', 'languages: [en, fr]'));
    const result = await importText(fillTargets(exported, (text) => `FR ${text}`));
    expect(result.ok).toBe(true);
    expect(result.checked.flatMap((file) => file.messages.filter((message) => message.fatal === true).map(String))).toEqual([]);
    expect(await fs.readFile(config, 'utf8')).toContain('languages: [en, fr]');
  });

  it('neither exports nor imports from an edition with errors', async () => {
    const lesson = path.join(dir, 'en', '02-quiz.md');
    await fs.writeFile(lesson, (await fs.readFile(lesson, 'utf8')).replace('- [x] The tow truck', '- [ ] The tow truck'));
    const exportResult = await exportEdition({ courseDir: dir, from: 'en', to: 'fr' });
    expect(exportResult.ok).toBe(false);
    expect(exportResult.xliff).toBeUndefined();
    expect(exportResult.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain('question-no-correct');
    const importResult = await importText(fillTargets(exported));
    expect(importResult.ok).toBe(false);
    expect(importResult.written).toEqual([]);
    expect(importResult.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain('question-no-correct');
  });

  it('is wrong usage for a file that cannot be read', async () => {
    await expect(importXliff({ courseDir: dir, file: path.join(dir, 'missing.xlf') })).rejects.toBeInstanceOf(TranslationUsageError);
  });
});
