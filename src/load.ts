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
import { editionStrings } from './strings-edition.js';
import { notUtf8Reason, readReportingEncoding, readTextFile } from './text-file.js';
import { canLoadInParallel, loadEditionsInParallel, PARALLEL_LESSON_THRESHOLD } from './load-parallel.js';
import { locate, realCourseRoot, shownPath } from './files/course-root.js';
import { lessonFileNames, listLessonFiles, type LessonFileProblem } from './files/lesson-files.js';
import { checkManifestTitle } from './manifest-text-checks.js';
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
  const courseRoot = realCourseRoot(dir);
  const configPlace = locate(courseRoot, configPath);
  if (configPlace.kind === 'outside') {
    configFile.value = '';
    report(configFile, `Unexpected ${CONFIG_FILE} that is a symbolic link to ${shownPath(configPlace.real)} outside the course folder, expected the file itself inside the course folder`, START_OF_FILE, 'link-outside-course');
    return { course: undefined, files };
  }
  try {
    const text = await readReportingEncoding(configFile, configPath);
    if (text === undefined) return { course: undefined, files };
    configFile.value = text;
  } catch {
    report(configFile, `Unexpected course folder without ${CONFIG_FILE}, expected a course configuration file ${quote(CONFIG_FILE)} in it`, START_OF_FILE, 'config-missing');
    return { course: undefined, files };
  }
  const { found, outside } = await findEditionFolders(dir, courseRoot);
  const config = readCourseConfig(configFile, found);
  if (config === undefined) return { course: undefined, files };
  for (const [lang, real] of outside) {
    report(configFile, `Unexpected language folder ${quote(lang)} that is a symbolic link to ${shownPath(real)} outside the course folder, expected the folder itself inside the course folder`, START_OF_FILE, 'link-outside-course');
  }

  const wanted = options.languages ?? config.languages;
  for (const lang of wanted) {
    if (!config.languages.includes(lang)) {
      report(configFile, `Unexpected language ${quote(lang)}, expected one of ${config.languages.join(', ')}`, START_OF_FILE, 'unknown-language');
    }
  }
  const languages = config.languages.filter((lang) => wanted.includes(lang) && found.includes(lang) && !outside.has(lang));
  const sizes = await Promise.all(languages.map(async (lang) => (await lessonFileNames(path.join(dir, lang))).length));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const editions = total >= PARALLEL_LESSON_THRESHOLD && languages.length > 1 && canLoadInParallel()
    ? await loadEditionsInParallel(dir, languages, sizes)
    : await Promise.all(languages.map((lang) => loadEdition(dir, lang)));
  // A base language's strings file (strings/de.json for de and de-AT) is listed once.
  const stringsFiles = new Map(editions.flatMap((edition) => edition.stringsFiles).map((file) => [file.path, file]));
  for (const edition of editions) files.push(edition.file, ...edition.lessons.map((lesson) => lesson.file));
  files.push(...stringsFiles.values());
  return { course: { dir, config, configFile, editions, files }, files };
}

/** Language folders (a link to a folder counts); `outside` maps those whose real path is outside the course to it. */
async function findEditionFolders(dir: string, courseRoot: string): Promise<{ found: string[]; outside: Map<string, string> }> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  const outside = new Map<string, string>();
  for (const entry of entries) {
    if (!LANG_PATTERN.test(entry.name)) continue;
    if (entry.isDirectory()) found.push(entry.name);
    if (!entry.isSymbolicLink()) continue;
    const where = locate(courseRoot, path.join(dir, entry.name));
    if (where.kind === 'not-file') found.push(entry.name);
    if (where.kind === 'outside' && (await fs.stat(where.real).catch(() => undefined))?.isDirectory() === true) {
      found.push(entry.name);
      outside.set(entry.name, where.real);
    }
  }
  return { found: found.sort(), outside };
}

/** Read one language edition: edition.yaml and every lesson file, in file-name order. */
export async function loadEdition(courseDir: string, lang: string): Promise<Edition> {
  const editionDir = path.join(courseDir, lang);
  const editionPath = path.join(editionDir, EDITION_FILE);
  const file = new VFile({ path: editionPath, cwd: process.cwd() });
  let title = lang;
  let description = '';
  const courseRoot = realCourseRoot(courseDir);
  const editionPlace = locate(courseRoot, editionPath);
  try {
    if (editionPlace.kind === 'outside') throw new Error('outside the course');
    const text = await readReportingEncoding(file, editionPath);
    file.value = text ?? '';
    const mapping = text === undefined ? undefined : readYamlMapping(file, text, EDITION_FILE);
    if (mapping !== undefined) {
      rejectUnknownKeys(mapping, EDITION_KEYS, EDITION_FILE);
      title = readString(mapping, 'title', EDITION_FILE, { required: true, fallback: lang });
      description = readString(mapping, 'description', EDITION_FILE, { fallback: '', emptyIsFallback: true });
      checkManifestTitle(mapping, 'title', title, EDITION_FILE);
    }
  } catch {
    file.value = '';
    if (editionPlace.kind === 'outside') {
      report(file, `Unexpected ${EDITION_FILE} that is a symbolic link to ${shownPath(editionPlace.real)} outside the course folder, expected the file itself inside the course folder`, START_OF_FILE, 'link-outside-course');
    } else {
      report(file, `Unexpected language folder without ${EDITION_FILE}, expected ${quote(`${lang}/${EDITION_FILE}`)} with a title`, START_OF_FILE, 'edition-missing');
    }
  }
  const { strings, files: stringsFiles } = await editionStrings(courseDir, lang, file);
  const entries = (await listLessonFiles(editionDir, courseRoot)).sort((a, b) => compareFileNames(a.name, b.name));
  const processor = createMarkdownProcessor({ strings, courseDir });
  const lessons = await Promise.all(entries.map((entry) => (entry.problem === undefined ? loadLesson(processor, entry.path, entry.name) : unreadLesson(entry.path, entry.name, entry.problem))));
  return { lang, title, description, dir: editionDir, file, lessons, strings, stringsFiles };
}

/** Numeric-aware order: `2-x.md` before `10-y.md`. */
export function compareFileNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** A lesson file that was not read (a link outside the course, a broken link…): no content, its reason as an error. */
function unreadLesson(filePath: string, fileName: string, problem: LessonFileProblem | undefined): Lesson {
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: '' });
  if (problem !== undefined) report(file, problem.reason, START_OF_FILE, problem.ruleId);
  return { id: '', title: '', assessment: false, fileName, file, html: '', questions: [], media: [] };
}

/** Parse and render one lesson file. */
export async function loadLesson(processor: ReturnType<typeof createMarkdownProcessor>, filePath: string, fileName: string, text?: string): Promise<Lesson> {
  let value = text;
  if (value === undefined) {
    const read = await readTextFile(filePath);
    if (read.kind === 'missing') {
      return unreadLesson(filePath, fileName, { reason: 'Unexpected lesson file that disappeared while the course was being read, expected it to stay in place until the command is done (run it again)', ruleId: 'lesson-unreadable' });
    }
    if (read.kind === 'unreadable') {
      return unreadLesson(filePath, fileName, { reason: `Unexpected lesson file that cannot be read (${read.code}), expected a readable lesson file (check its permissions)`, ruleId: 'lesson-unreadable' });
    }
    if (read.kind === 'not-utf8') {
      const lesson = unreadLesson(filePath, fileName, undefined);
      report(lesson.file, notUtf8Reason(read), read.place, 'encoding-invalid');
      return lesson;
    }
    value = read.text;
  }
  const file = new VFile({ path: filePath, cwd: process.cwd(), value });
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
