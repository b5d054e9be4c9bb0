// translations.lock after an import: the lessons it wrote recorded as agreeing with their source,
// where the lock's source lesson is the one translated (otherwise the entry is left as it was).
import { lessonContentHash, readTranslationLock, type TranslationLock } from '../check/translation-lock.js';
import type { EditionFiles } from './edition-files.js';

/**
 * translations.lock with the imported lessons recorded as agreeing, where the lock's source
 * lesson is the one translated (otherwise the lock is left: the source changed since it).
 */
export function lockWithImported(courseDir: string, source: EditionFiles, lessonTexts: ReadonlyMap<string, string>, from: string, to: string): TranslationLock | undefined {
  let lock: TranslationLock | undefined;
  try {
    lock = readTranslationLock(courseDir);
  } catch {
    return undefined;
  }
  if (lock === undefined) return undefined;
  const lessons = structuredClone(lock.lessons);
  for (const [id, text] of lessonTexts) {
    const hashes = lessons[id];
    const sourceLesson = source.lessons.find((lesson) => lesson.id === id);
    if (hashes === undefined || sourceLesson === undefined || hashes[from] !== lessonContentHash(sourceLesson.text)) continue;
    hashes[to] = lessonContentHash(text);
    lessons[id] = Object.fromEntries(Object.keys(hashes).sort().map((lang) => [lang, hashes[lang]!]));
  }
  return { ...lock, lessons };
}
