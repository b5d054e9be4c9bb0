// `scormdown new edition <lang>`: a language folder with its edition.yaml, and the language added
// to course.yaml. Refuses to overwrite anything.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { LANG_PATTERN, LANG_PATTERN_TEXT } from './ids.js';
import { CONFIG_FILE, EDITION_FILE } from './load.js';
import { loadStrings } from './strings-files.js';
import { withLanguage } from './scaffold-course-yaml.js';
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
  const notes = [`Add lessons with: scormdown new lesson ${lang} <id> --title "…"`];
  if ((await loadStrings(lang)) === undefined) {
    notes.push(`There are no UI strings for ${lang} yet: add templates/strings/${lang}.json (copy templates/strings/en.json and translate it); until then check reports strings-missing.`);
  }
  return { created: [editionPath], changed, notes };
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
