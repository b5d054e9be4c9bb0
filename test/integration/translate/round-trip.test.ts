// Export → every target filled with its own source → import as a new language: each lesson's
// syntax tree is the source lesson's (front matter compared as data), the edition passes check
// in its translation group, and the built package's answer keys are the source package's.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { buildCourse, folderName } from '../../../src/index.js';
import { checkCourse } from '../../../src/pipeline/build-course.js';
import { exportEdition } from '../../../src/translate/export-edition.js';
import { importXliff } from '../../../src/translate/import-edition.js';
import type { XliffVersion } from '../../../src/translate/xliff-document.js';
import { readPackagedCourse } from '../../helpers/packaged-course.js';
import { copyCourse, fillTargets, lessonTree, RICH_COURSE, SHIPPED_COURSE } from '../../helpers/translation-course.js';

const CASES: Array<{ name: string; course: string; id: string; from: string; to: string; version: XliffVersion; units: number }> = [
  // The shipped German edition: title and description, 6 lesson titles, 77 paragraphs, headings and
  // list items, and 21 questions (21 prompts, 54 options, 12 accepted answers, 21 explanations).
  { name: 'the shipped German edition, XLIFF 2.0', course: SHIPPED_COURSE, id: 'customer-focus', from: 'de', to: 'fr', version: '2.0', units: 193 },
  { name: 'the shipped German edition, XLIFF 1.2', course: SHIPPED_COURSE, id: 'customer-focus', from: 'de', to: 'fr', version: '1.2', units: 193 },
  { name: 'a course of every construct, XLIFF 2.0', course: RICH_COURSE, id: 'translate-rich', from: 'en', to: 'fr', version: '2.0', units: 45 },
  { name: 'a course of every construct, XLIFF 1.2', course: RICH_COURSE, id: 'translate-rich', from: 'en', to: 'fr', version: '1.2', units: 45 },
];

function frontMatter(tree: Root): unknown {
  return parseDocument((tree.children[0] as { value: string }).value).toJS();
}

describe.each(CASES)('round trip of $name', ({ course, id, from, to, version, units }) => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await copyCourse(course));
    const exported = await exportEdition({ courseDir: dir, from, to, version });
    expect(exported.ok).toBe(true);
    expect(exported.units).toBe(units);
    const xliffPath = path.join(dir, '..', `${from}-${to}.xlf`);
    await fs.writeFile(xliffPath, fillTargets(exported.xliff!));
    const imported = await importXliff({ courseDir: dir, file: xliffPath });
    expect(imported.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(imported.ok).toBe(true);
    expect(imported.units).toEqual({ translated: units, kept: 0, untranslated: 0 });
  });
  afterAll(() => remove());

  it('writes lessons whose syntax trees are the source lessons\' trees', async () => {
    const sourceFiles = (await fs.readdir(path.join(dir, from))).filter((name) => name.endsWith('.md')).sort();
    expect((await fs.readdir(path.join(dir, to))).filter((name) => name.endsWith('.md')).sort()).toEqual(sourceFiles);
    for (const name of sourceFiles) {
      const sourceTree = await lessonTree(path.join(dir, from, name));
      const targetTree = await lessonTree(path.join(dir, to, name));
      // The front matter holds the same keys and values (its YAML may be written differently).
      expect(frontMatter(targetTree)).toEqual(frontMatter(sourceTree));
      expect(targetTree.children.slice(1)).toEqual(sourceTree.children.slice(1));
    }
    const edition = (lang: string) => fs.readFile(path.join(dir, lang, 'edition.yaml'), 'utf8').then((text) => parseDocument(text).toJS());
    expect(await edition(to)).toEqual(await edition(from));
  });

  it('adds the language to course.yaml and its source\'s translation group, and the group passes check', async () => {
    const config = parseDocument(await fs.readFile(path.join(dir, 'course.yaml'), 'utf8')).toJS() as { languages: string[]; translations: string[][] };
    expect(config.languages).toContain(to);
    const group = config.translations.find((candidate) => candidate.includes(to));
    expect(group).toContain(from);
    const { files } = await checkCourse(dir);
    const problems = files.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'strings-missing').map(String));
    // The only message: no UI strings ship for fr, so its interface is in English.
    expect(problems).toEqual([]);
  });

  it('builds a package whose answer keys are the source package\'s', async () => {
    const outDir = path.join(dir, '..', 'dist');
    const result = await buildCourse({ courseDir: dir, outDir, languages: [from, to] });
    expect(result.ok).toBe(true);
    const packaged = (lang: string) => readPackagedCourse(path.join(outDir, folderName(id, lang)));
    const [source, target] = [packaged(from), packaged(to)];
    expect(Object.keys(target.questions).length).toBeGreaterThan(0);
    expect(target.questions).toEqual(source.questions);
    expect(target.lessons.map((lesson) => [lesson.id, lesson.assessment, lesson.questions])).toEqual(source.lessons.map((lesson) => [lesson.id, lesson.assessment, lesson.questions]));
  });
});
