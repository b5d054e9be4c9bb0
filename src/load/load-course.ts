// Stage 1: read a course folder into the plain Course model: course.yaml, which language editions,
// their UI strings (resolved once, here, for every edition), and whether to load the editions on
// worker threads. Content problems become messages on the files; nothing here throws for bad content.
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Course } from '../model/course.js';
import { readCourseConfig } from './course-config.js';
import { LANG_PATTERN } from '../model/ids.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import { readReportingEncoding } from './text-file.js';
import { loadEdition } from './load-edition.js';
import { resolveEditionStrings } from './edition-strings.js';
import { canLoadInParallel, loadEditionsInParallel, PARALLEL_LESSON_THRESHOLD } from './load-parallel.js';
import { locate, realCourseRoot, shownPath } from './files/course-root.js';
import { lessonFileNames } from './files/lesson-files.js';
import { applyEditionTheme, reportCourseLogoAlt } from './edition-theme.js';

export const CONFIG_FILE = 'course.yaml';

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
  const [strings, sizes] = await Promise.all([
    resolveEditionStrings(dir, languages),
    Promise.all(languages.map(async (lang) => (await lessonFileNames(path.join(dir, lang))).length)),
  ]);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const editions = total >= PARALLEL_LESSON_THRESHOLD && languages.length > 1 && canLoadInParallel()
    ? await loadEditionsInParallel(dir, languages, sizes, strings)
    : await Promise.all(languages.map((lang) => loadEdition(dir, lang, strings.get(lang)!)));
  for (const edition of editions) applyEditionTheme({ config, configFile }, edition);
  reportCourseLogoAlt({ config, configFile }, editions);
  // A base language's strings file (strings/de.json for de and de-AT) is one file, listed once.
  const stringsFiles = new Set(editions.flatMap((edition) => edition.stringsFiles));
  for (const edition of editions) files.push(edition.file, ...edition.lessons.map((lesson) => lesson.file));
  files.push(...stringsFiles);
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
