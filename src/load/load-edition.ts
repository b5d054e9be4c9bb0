// Stage 1, one language edition: its edition.yaml and every lesson file, rendered with the UI
// strings the load stage resolved for it (edition-strings.ts). Used by load-course.ts and by the
// loading workers, so neither imports the other. edition.yaml's rules are schema/edition.schema.json
// (schema-validation.ts); here only what a JSON Schema cannot hold: the manifest's limits on the
// title (manifest-text-checks.ts) and the theme's files (theme-settings.ts).
import path from 'node:path';
import { VFile } from 'vfile';
import type { Edition, Lesson, ThemeSettings } from '../model/course.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import type { UiStrings } from '../model/strings.js';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/processor.js';
import { lessonFromMarkdown } from '../markdown/lesson-from-markdown.js';
import { readYamlMapping } from './yaml-fields.js';
import { validateMapping } from './schema-validation.js';
import { readThemeSettings } from './theme-settings.js';
import { withStrings, type EditionStrings } from './edition-strings.js';
import { notUtf8Reason, readReportingEncoding, readTextFile } from './text-file.js';
import { locate, realCourseRoot, shownPath } from './files/course-root.js';
import { listLessonFiles, type LessonFileProblem } from './files/lesson-files.js';
import { checkManifestTitle } from './manifest-text-checks.js';

export const EDITION_FILE = 'edition.yaml';

/** An edition as read from its folder, without the strings part (what a loading worker sends back). */
export type EditionContent = Omit<Edition, keyof EditionStrings>;

/** Read one language edition with its resolved strings: edition.yaml and every lesson file, in file-name order. */
export async function loadEdition(courseDir: string, lang: string, strings: EditionStrings): Promise<Edition> {
  return withStrings(await loadEditionContent(courseDir, lang, strings.strings), strings);
}

/** Read edition.yaml and every lesson file of `lang`, the lessons rendered with `strings`. */
export async function loadEditionContent(courseDir: string, lang: string, strings: UiStrings): Promise<EditionContent> {
  const editionDir = path.join(courseDir, lang);
  const editionPath = path.join(editionDir, EDITION_FILE);
  const file = new VFile({ path: editionPath, cwd: process.cwd() });
  let title = lang;
  let description = '';
  let themeSettings: ThemeSettings | undefined;
  const courseRoot = realCourseRoot(courseDir);
  const editionPlace = locate(courseRoot, editionPath);
  try {
    if (editionPlace.kind === 'outside') throw new Error('outside the course');
    const text = await readReportingEncoding(file, editionPath);
    file.value = text ?? '';
    const mapping = text === undefined ? undefined : readYamlMapping(file, text, EDITION_FILE);
    if (mapping !== undefined) {
      const edition = validateMapping(mapping, 'edition', EDITION_FILE);
      // A title or description YAML reads as a number is its digits.
      title = String(edition.get<string | number>('title') ?? lang);
      description = String(edition.get<string | number>('description'));
      if (edition.accepts('title')) checkManifestTitle(mapping, 'title', title, EDITION_FILE);
      // The keys of course.yaml's theme, for this edition; files relative to this folder.
      themeSettings = readThemeSettings(mapping, edition, editionDir, courseDir);
    }
  } catch {
    file.value = '';
    if (editionPlace.kind === 'outside') {
      report(file, `Unexpected ${EDITION_FILE} that is a symbolic link to ${shownPath(editionPlace.real)} outside the course folder, expected the file itself inside the course folder`, START_OF_FILE, 'link-outside-course');
    } else {
      report(file, `Unexpected language folder without ${EDITION_FILE}, expected ${quote(`${lang}/${EDITION_FILE}`)} with a title`, START_OF_FILE, 'edition-missing');
    }
  }
  const entries = (await listLessonFiles(editionDir, courseRoot)).sort((a, b) => compareFileNames(a.name, b.name));
  const processor = createMarkdownProcessor({ strings, courseDir });
  const lessons = await Promise.all(entries.map((entry) => (entry.problem === undefined ? loadLesson(processor, entry.path) : unreadLesson(entry.path, entry.name, entry.problem))));
  return { lang, title, description, dir: editionDir, file, lessons, ...(themeSettings === undefined ? {} : { themeSettings }) };
}

/** Numeric-aware order: `2-x.md` before `10-y.md`. */
export function compareFileNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** A lesson file that was not read (a link outside the course, a broken link…): no content, its reason as an error. */
function unreadLesson(filePath: string, fileName: string, problem: LessonFileProblem | undefined): Lesson {
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: '' });
  if (problem !== undefined) report(file, problem.reason, START_OF_FILE, problem.ruleId);
  return { id: '', title: '', assessment: false, fileName, file, html: '', questions: [], media: [], headingIds: [], sectionLinks: [] };
}

/** Read, parse and render one lesson file. */
export async function loadLesson(processor: MarkdownProcessor, filePath: string): Promise<Lesson> {
  const fileName = path.basename(filePath);
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
  return lessonFromMarkdown(new VFile({ path: filePath, cwd: process.cwd(), value: read.text }), processor);
}
