// Stage 1: read a course folder into the plain Course model. Content problems become messages on
// the files; nothing here throws for bad content.
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Course, Edition, Lesson } from './model.js';
import { readCourseConfig } from './config.js';
import { LANG_PATTERN } from './ids.js';
import { quote, report, START_OF_FILE } from './messages.js';
import { createMarkdownProcessor } from './markdown/processor.js';
import { readString, readYamlMapping, rejectUnknownKeys } from './yaml-fields.js';
import { loadStrings } from './strings-files.js';
import { canLoadInParallel, loadEditionsInParallel, PARALLEL_LESSON_THRESHOLD } from './load-parallel.js';
import type { UiStrings } from './strings.js';

export const CONFIG_FILE = 'course.yaml';
export const EDITION_FILE = 'edition.yaml';
const EDITION_KEYS = ['title', 'description'] as const;

export interface LoadResult {
  /** Undefined when course.yaml is missing or unreadable. */
  course: Course | undefined;
  /** Every file read, carrying its messages. */
  files: VFile[];
}

export interface LoadOptions {
  /** Load only these languages (default: every language of course.yaml). */
  languages?: readonly string[];
}

export async function load(courseDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const dir = path.resolve(courseDir);
  const configPath = path.join(dir, CONFIG_FILE);
  const configFile = new VFile({ path: configPath, cwd: process.cwd() });
  const files: VFile[] = [configFile];
  try {
    configFile.value = await fs.readFile(configPath, 'utf8');
  } catch {
    report(configFile, `Unexpected course folder without ${CONFIG_FILE}, expected a course configuration file ${quote(CONFIG_FILE)} in it`, START_OF_FILE, 'config-missing');
    return { course: undefined, files };
  }
  const found = await findEditionFolders(dir);
  const config = readCourseConfig(configFile, found);
  if (config === undefined) return { course: undefined, files };

  const wanted = options.languages ?? config.languages;
  for (const lang of wanted) {
    if (!config.languages.includes(lang)) {
      report(configFile, `Unexpected language ${quote(lang)}, expected one of ${config.languages.join(', ')}`, START_OF_FILE, 'unknown-language');
    }
  }
  const languages = config.languages.filter((lang) => wanted.includes(lang) && found.includes(lang));
  const sizes = await Promise.all(languages.map(async (lang) => (await fs.readdir(path.join(dir, lang))).filter((name) => name.endsWith('.md')).length));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const editions = total >= PARALLEL_LESSON_THRESHOLD && languages.length > 1 && canLoadInParallel()
    ? await loadEditionsInParallel(dir, languages, sizes)
    : await Promise.all(languages.map((lang) => loadEdition(dir, lang)));
  for (const edition of editions) files.push(edition.file, ...edition.lessons.map((lesson) => lesson.file));
  return { course: { dir, config, configFile, editions, files }, files };
}

async function findEditionFolders(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && LANG_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
}

/** Read one language edition: edition.yaml and every lesson file, in file-name order. */
export async function loadEdition(courseDir: string, lang: string): Promise<Edition> {
  const editionDir = path.join(courseDir, lang);
  const editionPath = path.join(editionDir, EDITION_FILE);
  const file = new VFile({ path: editionPath, cwd: process.cwd() });
  let title = lang;
  let description = '';
  try {
    file.value = await fs.readFile(editionPath, 'utf8');
    const mapping = readYamlMapping(file, String(file.value), EDITION_FILE);
    if (mapping !== undefined) {
      rejectUnknownKeys(mapping, EDITION_KEYS, EDITION_FILE);
      title = readString(mapping, 'title', EDITION_FILE, { required: true, fallback: lang });
      description = readString(mapping, 'description', EDITION_FILE, { fallback: '' });
    }
  } catch {
    file.value = '';
    report(file, `Unexpected language folder without ${EDITION_FILE}, expected ${quote(`${lang}/${EDITION_FILE}`)} with a title`, START_OF_FILE, 'edition-missing');
  }
  const strings = await loadStrings(lang);
  if (strings === undefined) {
    report(file, `Unexpected language ${quote(lang)} without UI strings, expected templates/strings/${lang}.json`, START_OF_FILE, 'strings-missing');
  }
  const names = (await fs.readdir(editionDir)).filter((name) => name.endsWith('.md')).sort(compareFileNames);
  const processor = createMarkdownProcessor({ strings: strings ?? (await loadStrings('en'))!, courseDir });
  const lessons = await Promise.all(names.map((name) => loadLesson(processor, path.join(editionDir, name), name)));
  return { lang, title, description, dir: editionDir, file, lessons };
}

/** Numeric-aware order: `2-x.md` before `10-y.md`. */
export function compareFileNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Parse and render one lesson file. */
export async function loadLesson(processor: ReturnType<typeof createMarkdownProcessor>, filePath: string, fileName: string, text?: string): Promise<Lesson> {
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: text ?? (await fs.readFile(filePath, 'utf8')) });
  const html = String(await processor.process(file));
  const front = file.data.lesson ?? { id: '', title: '', assessment: false };
  return {
    id: front.id,
    idPlace: front.idPlace,
    title: front.title,
    assessment: front.assessment,
    fileName,
    file,
    html,
    questions: file.data.questions ?? [],
    media: file.data.media ?? [],
  };
}

export type { UiStrings };
