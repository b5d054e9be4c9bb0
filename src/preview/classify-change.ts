// Which part of the course a changed path is, and how much has to be read again.
import path from 'node:path';
import { LANG_PATTERN } from '../model/ids.js';
import { CONFIG_FILE } from '../load/load-course.js';
import { EDITION_FILE } from '../load/load-edition.js';
import { TRANSLATION_LOCK_FILE } from '../check/translation-lock.js';
import { COURSE_STRINGS_FOLDER } from '../load/course-strings-file.js';
import { baseLanguage } from '../load/shipped-strings.js';
import type { CourseChange } from './preview-course.js';

export type FileEvent = 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir';

/** Editor droppings that are never part of a course. */
export function isIgnoredPath(filePath: string): boolean {
  const name = path.basename(filePath);
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name) || name === '4913';
}

export function classifyChange(courseDir: string, filePath: string, event: FileEvent): CourseChange {
  const parts = path.relative(courseDir, filePath).split(path.sep);
  const [first, second] = parts;
  if (parts.length === 1 && first === CONFIG_FILE) return { kind: 'course' };
  if (parts.length === 1 && first === TRANSLATION_LOCK_FILE) return { kind: 'checks' };
  // strings/<lang>.json, saved, added or removed: the editions of that language and its variants.
  if (parts.length === 2 && first === COURSE_STRINGS_FOLDER && second?.endsWith('.json') === true) {
    const lang = second.slice(0, -'.json'.length);
    if (LANG_PATTERN.test(lang)) return { kind: 'strings', lang };
  }
  if (parts.length === 2 && first !== undefined && second !== undefined && LANG_PATTERN.test(first)) {
    if (second === EDITION_FILE) return { kind: 'edition', lang: first };
    if (second.endsWith('.md')) return event === 'change' ? { kind: 'lesson', lang: first, filePath } : { kind: 'edition', lang: first };
  }
  // New or removed edition folders, media files and anything else: read everything again.
  return { kind: 'course' };
}

/**
 * The smallest set of changes that covers a batch: a full reload covers everything, a strings file
 * the editions of its language and regional variants, an edition its lessons.
 */
export function mergeChanges(changes: readonly CourseChange[]): CourseChange[] {
  if (changes.some((change) => change.kind === 'course')) return [{ kind: 'course' }];
  const strings = new Set(changes.flatMap((change) => (change.kind === 'strings' ? [change.lang] : [])));
  const coveredByStrings = (lang: string) => strings.has(lang) || strings.has(baseLanguage(lang));
  const editions = new Set(changes.flatMap((change) => (change.kind === 'edition' && !coveredByStrings(change.lang) ? [change.lang] : [])));
  const merged: CourseChange[] = [...[...strings].map((lang) => ({ kind: 'strings', lang }) as const), ...[...editions].map((lang) => ({ kind: 'edition', lang }) as const)];
  const lessons = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'lesson' && !editions.has(change.lang) && !coveredByStrings(change.lang) && !lessons.has(change.filePath)) {
      lessons.add(change.filePath);
      merged.push(change);
    }
  }
  if (merged.length === 0 && changes.length > 0) merged.push({ kind: 'checks' });
  return merged;
}
