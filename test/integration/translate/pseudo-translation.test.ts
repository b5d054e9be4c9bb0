// A pseudo-translation: every target is its source wrapped in markers. Imported and built, the
// new language's pages (launch page and every lesson page, text and the alt, title and aria-label
// attributes) hold no word of the source outside a marked stretch: every piece of visible lesson
// text went through the XLIFF file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, folderName } from '../../../src/index.js';
import { exportEdition } from '../../../src/translate/export-edition.js';
import { importXliff } from '../../../src/translate/import-edition.js';
import { plainText } from '../../../src/translate/inline-content.js';
import { englishStrings } from '../../../src/load/shipped-strings.js';
import { copyCourse, fillTargets, RICH_COURSE, SHIPPED_COURSE } from '../../helpers/translation-course.js';

const START = '⟦';
const END = '⟧';
const ATTRIBUTES = ['alt', 'title', 'aria-label'];
const HIDDEN = new Set(['script', 'style', 'template']);

interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/** The page's text in document order, and its attribute texts, each a string of its own. */
function pageTexts(html: string): string[] {
  const texts: string[] = [];
  let body = '';
  const walk = (node: HtmlNode): void => {
    if (node.nodeName === '#text') body += node.value ?? '';
    for (const attribute of node.attrs ?? []) if (ATTRIBUTES.includes(attribute.name)) texts.push(attribute.value);
    if (HIDDEN.has(node.nodeName)) return;
    // Block boundaries keep two units' words apart.
    body += ' ';
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html) as unknown as HtmlNode);
  return [body, ...texts];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]*\p{L}/gu) ?? [];
}

/** What is left of a text once every marked stretch is taken out. */
function unmarked(text: string): string {
  return text.replace(new RegExp(`${START}[^${END}]*${END}`, 'gu'), ' ');
}

describe.each([
  { name: 'the shipped German edition', course: SHIPPED_COURSE, id: 'customer-focus', from: 'de' },
  { name: 'a course of every construct', course: RICH_COURSE, id: 'translate-rich', from: 'en' },
])('pseudo-translation of $name', ({ course, id, from }) => {
  const to = 'fr';
  let dir: string;
  let remove: () => Promise<void>;
  let sourceWords: Set<string>;
  let pages: Map<string, string>;
  beforeAll(async () => {
    ({ dir, remove } = await copyCourse(course));
    const exported = await exportEdition({ courseDir: dir, from, to });
    const xliffPath = path.join(dir, '..', 'pseudo.xlf');
    await fs.writeFile(xliffPath, fillTargets(exported.xliff!, undefined, { start: START, end: END }));
    const imported = await importXliff({ courseDir: dir, file: xliffPath });
    expect(imported.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    // The source's words, less those of the English interface the fr edition shows (no fr strings ship).
    const interfaceWords = new Set(Object.values(await englishStrings()).flatMap(words));
    sourceWords = new Set(exported.document.files.flatMap((file) => file.units.flatMap((unit) => words(plainText(unit.source)))).filter((word) => !interfaceWords.has(word)));
    const outDir = path.join(dir, '..', 'dist');
    expect((await buildCourse({ courseDir: dir, outDir, languages: [to] })).ok).toBe(true);
    const packageDir = path.join(outDir, folderName(id, to));
    const lessonPages = (await fs.readdir(path.join(packageDir, 'lessons'))).filter((name) => name.endsWith('.html'));
    pages = new Map(await Promise.all(['index.html', ...lessonPages.map((name) => `lessons/${name}`)].map(async (name) => [name, await fs.readFile(path.join(packageDir, name), 'utf8')] as const)));
  });
  afterAll(() => remove());

  it('marks every piece of lesson text on the built pages', () => {
    expect(sourceWords.size).toBeGreaterThan(from === 'de' ? 500 : 80);
    const leaks = [...pages].flatMap(([name, html]) => pageTexts(html).flatMap((text) => words(unmarked(text)).filter((word) => sourceWords.has(word)).map((word) => `${name}: ${word}`)));
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('would see a unit left in the source language (the check of the check)', async () => {
    const { dir: other, remove: removeOther } = await copyCourse(course);
    try {
      const exported = await exportEdition({ courseDir: other, from, to });
      // One unit per kind of place a text can stand in: body text, and (where there is one) an alt text.
      const left = exported.document.files.flatMap((file) => file.units.map((unit) => unit.id)).filter((unitId) => /:(2|alt\.\d+)$/.test(unitId));
      const xliffPath = path.join(other, '..', 'pseudo.xlf');
      await fs.writeFile(xliffPath, fillTargets(exported.xliff!, undefined, { start: START, end: END }, (unitId) => !left.includes(unitId)));
      const imported = await importXliff({ courseDir: other, file: xliffPath, keepSource: true });
      expect(imported.units.untranslated).toBe(left.length);
      const outDir = path.join(other, '..', 'dist');
      await buildCourse({ courseDir: other, outDir, languages: [to] });
      const packageDir = path.join(outDir, folderName(id, to));
      const names = (await fs.readdir(path.join(packageDir, 'lessons'))).filter((name) => name.endsWith('.html'));
      const leaked = (await Promise.all(names.map((name) => fs.readFile(path.join(packageDir, 'lessons', name), 'utf8'))))
        .flatMap((html) => pageTexts(html).flatMap((text) => words(unmarked(text)).filter((word) => sourceWords.has(word))));
      expect(leaked.length).toBeGreaterThan(left.length);
    } finally {
      await removeOther();
    }
  });

  it('shows the marked text on every lesson page', () => {
    for (const [name, html] of pages) {
      if (!name.startsWith('lessons/')) continue;
      expect(pageTexts(html)[0]!.split(START).length - 1, name).toBeGreaterThan(3);
    }
  });
});
