// `scormdown new edition <lang>`: a language folder with its edition.yaml, the language added to
// course.yaml, and, when no UI strings ship for the language, strings/<lang>.json in the course
// folder to translate. Refuses to overwrite anything.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { LANG_PATTERN, LANG_PATTERN_TEXT } from '../model/ids.js';
import { CONFIG_FILE } from '../load/load-course.js';
import { EDITION_FILE } from '../load/load-edition.js';
import { englishStrings, shipsStrings } from '../load/shipped-strings.js';
import { courseStringsPath, COURSE_STRINGS_FOLDER, TRANSLATION_NOTE_KEY } from '../load/course-strings-file.js';
import { withLanguage } from './course-yaml.js';
import { ScaffoldError, type ScaffoldResult } from './scaffold-result.js';

export interface EditionScaffoldOptions {
  /** Title of the new edition (default: the first edition's title, to translate). */
  title?: string;
}

export async function scaffoldEdition(courseDir: string, lang: string, options: EditionScaffoldOptions = {}): Promise<ScaffoldResult> {
  if (!LANG_PATTERN.test(lang)) throw new ScaffoldError(`Unexpected language \`${lang}\`, expected ${LANG_PATTERN_TEXT}`);
  const configPath = path.join(courseDir, CONFIG_FILE);
  if (!(await exists(configPath))) throw new ScaffoldError(`No ${CONFIG_FILE} in ${courseDir}: pass the course folder with --course DIR`);
  const editionDir = path.join(courseDir, lang);
  const editionPath = path.join(editionDir, EDITION_FILE);
  if (await exists(editionPath)) throw new ScaffoldError(`${path.join(lang, EDITION_FILE)} already exists; nothing was changed`);
  // Validate course.yaml before writing anything.
  const updatedConfig = withLanguage(await fs.readFile(configPath, 'utf8'), lang);

  const reference = await referenceEdition(courseDir, lang);
  const doc = new Document({
    title: options.title ?? reference?.title ?? lang,
    ...(options.title === undefined && reference?.description ? { description: reference.description } : {}),
  });
  if (options.title === undefined && reference !== undefined) doc.commentBefore = ` Copied from ${reference.lang}/${EDITION_FILE}: translate it.`;
  await fs.mkdir(editionDir, { recursive: true });
  await fs.writeFile(editionPath, doc.toString({ lineWidth: 0 }), { flag: 'wx' });

  if (updatedConfig !== undefined) await fs.writeFile(configPath, updatedConfig);
  const changed = updatedConfig === undefined ? [] : [configPath];
  const created = [editionPath];
  const notes = [`Add lessons with: scormdown new lesson ${lang} <id> --title "…"`];
  if (!(await shipsStrings(lang))) {
    const stringsPath = courseStringsPath(courseDir, lang);
    const shown = `${COURSE_STRINGS_FOLDER}/${lang}.json`;
    if (await writeStringsToTranslate(stringsPath, lang)) {
      created.push(stringsPath);
      notes.push(`No UI strings ship for ${lang}: translate the English values in ${shown} (keep the {placeholders}), then remove its "${TRANSLATION_NOTE_KEY}" line; until then check warns strings-untranslated.`);
    } else {
      notes.push(`No UI strings ship for ${lang}; the course's ${shown} is used (it was already there and is left as it is).`);
    }
  }
  return { created, changed, notes };
}

/** Every English UI string, with a note for the translator first; false when the file exists. */
async function writeStringsToTranslate(stringsPath: string, lang: string): Promise<boolean> {
  const english = await englishStrings();
  const note = `UI strings of the ${lang} edition: translate each value from English, keep every {placeholder} as it is, then remove this line.`;
  await fs.mkdir(path.dirname(stringsPath), { recursive: true });
  try {
    await fs.writeFile(stringsPath, `${JSON.stringify({ [TRANSLATION_NOTE_KEY]: note, ...english }, null, 2)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Title and description of the first other edition (the one to translate from). */
async function referenceEdition(courseDir: string, lang: string): Promise<{ lang: string; title?: string; description?: string } | undefined> {
  const entries = await fs.readdir(courseDir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory() && entry.name !== lang && LANG_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
  const configured = await configuredLanguages(path.join(courseDir, CONFIG_FILE));
  const ordered = [...configured.filter((candidate) => folders.includes(candidate)), ...folders.filter((candidate) => !configured.includes(candidate))];
  for (const candidate of ordered) {
    try {
      const doc = parseDocument(await fs.readFile(path.join(courseDir, candidate, EDITION_FILE), 'utf8'));
      if (!isMap(doc.contents)) continue;
      const { title, description } = doc.toJS() as { title?: unknown; description?: unknown };
      return { lang: candidate, title: typeof title === 'string' ? title : undefined, description: typeof description === 'string' ? description : undefined };
    } catch {
      continue;
    }
  }
  return undefined;
}

async function configuredLanguages(configPath: string): Promise<string[]> {
  const value = parseDocument(await fs.readFile(configPath, 'utf8')).toJS() as { languages?: unknown } | null;
  return Array.isArray(value?.languages) ? value.languages.filter((lang): lang is string => typeof lang === 'string') : [];
}

async function exists(filePath: string): Promise<boolean> {
  return fs.access(filePath).then(() => true, () => false);
}
