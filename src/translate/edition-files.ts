// An edition's files as the translation side needs them: edition.yaml as a YAML document and each
// lesson's text and syntax tree, parsed by the project's Markdown pipeline.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseDocument, type Document } from 'yaml';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/processor.js';
import { englishStrings } from '../load/shipped-strings.js';
import { compareFileNames, EDITION_FILE } from '../load/load-edition.js';
import { lessonFileNames } from '../load/files/lesson-files.js';

export interface LessonFile {
  /** The front matter's id ('' when it has none). */
  id: string;
  title: string;
  assessment: boolean;
  fileName: string;
  path: string;
  text: string;
}

export interface EditionFiles {
  lang: string;
  dir: string;
  /** edition.yaml's text, undefined when there is none. */
  editionText: string | undefined;
  lessons: LessonFile[];
}

let processor: Promise<MarkdownProcessor> | undefined;

/** The lesson's syntax tree, as the loader's pipeline parses it (syntax only, no transforms). */
export async function parseLesson(text: string, filePath?: string): Promise<Root> {
  processor ??= englishStrings().then((strings) => createMarkdownProcessor({ strings, courseDir: '.' }));
  return (await processor).parse(new VFile({ path: filePath, value: text }));
}

/** The edition.yaml document (a new, empty one when there is no text). */
export function editionDocument(text: string | undefined): Document {
  return parseDocument(text ?? '');
}

/** Read `course/<lang>/`; undefined when the folder does not exist. */
export async function readEditionFiles(courseDir: string, lang: string): Promise<EditionFiles | undefined> {
  const dir = path.join(courseDir, lang);
  if (!(await fs.stat(dir).then((stat) => stat.isDirectory(), () => false))) return undefined;
  const editionText = await fs.readFile(path.join(dir, EDITION_FILE), 'utf8').catch(() => undefined);
  const names = (await lessonFileNames(dir)).sort(compareFileNames);
  const lessons = await Promise.all(names.map(async (fileName): Promise<LessonFile> => {
    const filePath = path.join(dir, fileName);
    const text = await fs.readFile(filePath, 'utf8');
    return { ...frontMatterOf(await parseLesson(text, filePath)), fileName, path: filePath, text };
  }));
  return { lang, dir, editionText, lessons };
}

function frontMatterOf(tree: Root): { id: string; title: string; assessment: boolean } {
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0].value : undefined;
  const value = yaml === undefined ? undefined : (parseDocument(yaml).toJS() as unknown);
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    id: typeof fields.id === 'string' ? fields.id : '',
    title: typeof fields.title === 'string' ? fields.title : '',
    assessment: fields.assessment === true,
  };
}
