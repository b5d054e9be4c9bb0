// course/translations.lock: the content hash of every lesson of every translated edition, as it
// was when the translations last agreed (`scormdown check --update-lock` writes it). The check
// stage warns when a lesson changed in some languages of a translation group but not in others.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Course, Edition, Lesson } from '../model/course.js';
import { load } from '../load/load-course.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';

export const TRANSLATION_LOCK_FILE = 'translations.lock';
const FORMAT = 1;

/** Lesson id → language → content hash. */
export type LessonHashes = Record<string, Record<string, string>>;

export interface TranslationLock {
  format: typeof FORMAT;
  lessons: LessonHashes;
}

export function translationLockPath(courseDir: string): string {
  return path.join(courseDir, TRANSLATION_LOCK_FILE);
}

/** SHA-256 of the lesson file's text with line endings normalised (first 16 hex digits). */
export function lessonContentHash(text: string): string {
  return crypto.createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex').slice(0, 16);
}

/**
 * The hash of the lesson's Markdown as it is on disk. (The model keeps only the rendered HTML:
 * processing replaces the file's value, and HTML would change with every UI string edit.)
 */
function hashOf(lesson: Lesson): string {
  let text: string;
  try {
    text = fs.readFileSync(lesson.file.path, 'utf8');
  } catch {
    text = String(lesson.file.value ?? '');
  }
  return lessonContentHash(text);
}

/** The lock, undefined when there is none; throws when it is not a valid lock. */
export function readTranslationLock(courseDir: string): TranslationLock | undefined {
  let text: string;
  try {
    text = fs.readFileSync(translationLockPath(courseDir), 'utf8');
  } catch {
    return undefined;
  }
  const value = JSON.parse(text) as unknown;
  if (!isLock(value)) throw new Error(`expected {"format": ${FORMAT}, "lessons": {lesson id: {language: hash}}}`);
  return value;
}

function isLock(value: unknown): value is TranslationLock {
  if (typeof value !== 'object' || value === null) return false;
  const { format, lessons } = value as Partial<TranslationLock>;
  return format === FORMAT && typeof lessons === 'object' && lessons !== null &&
    Object.values(lessons).every((hashes) => typeof hashes === 'object' && hashes !== null && Object.values(hashes).every((hash) => typeof hash === 'string'));
}

/** Warn at each translation left unchanged while the same lesson changed in another language. */
export function checkTranslationLock(course: Course): void {
  let lock: TranslationLock | undefined;
  try {
    lock = readTranslationLock(course.dir);
  } catch (error) {
    report(course.configFile, `Unexpected invalid ${TRANSLATION_LOCK_FILE} (${(error as Error).message}), expected the file \`scormdown check --update-lock\` writes`, START_OF_FILE, 'translation-lock-invalid');
    return;
  }
  if (lock === undefined) return;
  for (const group of course.config.translations) {
    const editions = group.map((lang) => course.editions.find((edition) => edition.lang === lang)).filter((edition): edition is Edition => edition !== undefined);
    const ids = new Set(editions.flatMap((edition) => edition.lessons.map((lesson) => lesson.id)));
    for (const id of ids) {
      const recorded = lock.lessons[id];
      if (id !== '' && recorded !== undefined) checkLesson(id, editions, recorded);
    }
  }
}

function checkLesson(id: string, editions: readonly Edition[], recorded: Record<string, string>): void {
  const versions = editions.flatMap((edition) => {
    const lesson = edition.lessons.find((candidate) => candidate.id === id);
    const locked = recorded[edition.lang];
    return lesson === undefined || locked === undefined ? [] : [{ edition, lesson, changed: hashOf(lesson) !== locked }];
  });
  const changed = versions.filter((version) => version.changed);
  if (changed.length === 0 || changed.length === versions.length) return;
  const where = changed.map((version) => `${version.edition.lang}/${version.lesson.fileName}`).join(', ');
  for (const version of versions.filter((candidate) => !candidate.changed)) {
    report(
      version.lesson.file,
      `Unexpected unchanged translation of lesson ${quote(id)} while ${where} changed since ${TRANSLATION_LOCK_FILE}, expected this file updated to match: possibly out of date (run \`scormdown check --update-lock\` once the translations agree)`,
      version.lesson.idPlace,
      'translation-outdated',
    );
  }
}

/** `previous` with the hashes of the loaded translated editions replaced by their current ones. */
export function updatedTranslationLock(course: Course, previous: TranslationLock | undefined): TranslationLock {
  const lessons: LessonHashes = structuredClone(previous?.lessons ?? {});
  const translated = new Set(course.config.translations.flat());
  for (const edition of course.editions.filter((candidate) => translated.has(candidate.lang))) {
    for (const hashes of Object.values(lessons)) delete hashes[edition.lang];
    for (const lesson of edition.lessons) {
      if (lesson.id !== '') (lessons[lesson.id] ??= {})[edition.lang] = hashOf(lesson);
    }
  }
  return { format: FORMAT, lessons: sortedHashes(lessons) };
}

function sortedHashes(lessons: LessonHashes): LessonHashes {
  const sorted: LessonHashes = {};
  for (const id of Object.keys(lessons).sort()) {
    const hashes = lessons[id]!;
    const langs = Object.keys(hashes).sort();
    if (langs.length > 0) sorted[id] = Object.fromEntries(langs.map((lang) => [lang, hashes[lang]!]));
  }
  return sorted;
}

export function serializeTranslationLock(lock: TranslationLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/**
 * Load the course and write its lock (keeping the entries of languages not loaded). Returns the
 * lock's path, or undefined when course.yaml cannot be read or no editions are translations.
 */
export async function updateTranslationLock(courseDir: string, languages?: readonly string[]): Promise<string | undefined> {
  const { course } = await load(courseDir, { languages });
  if (course === undefined || course.config.translations.length === 0) return undefined;
  let previous: TranslationLock | undefined;
  try {
    previous = readTranslationLock(course.dir);
  } catch {
    previous = undefined;
  }
  const target = translationLockPath(course.dir);
  await fs.promises.writeFile(`${target}.tmp`, serializeTranslationLock(updatedTranslationLock(course, previous)));
  await fs.promises.rename(`${target}.tmp`, target);
  return target;
}
