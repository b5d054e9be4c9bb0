// Reads the UI strings that ship with scormdown, templates/strings/<lang>.json (cached per
// process). A course's own strings files are read by course-strings-file.ts, and the two are
// combined per edition by edition-strings.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { UiStrings } from '../model/strings.js';
import { STRINGS_DIR } from '../tool/install-paths.js';

/** The language whose strings hold every key; the others fall back to it key by key. */
export const ENGLISH = 'en';

const cache = new Map<string, Promise<UiStrings | undefined>>();

/** The shipped strings of exactly `lang` (no fallback); undefined when none ship. */
export function loadShippedStrings(lang: string): Promise<UiStrings | undefined> {
  let pending = cache.get(lang);
  if (pending === undefined) {
    pending = readStringsFile(lang);
    cache.set(lang, pending);
  }
  return pending;
}

/** Shipped strings for `lang`; a regional edition (`de-AT`) falls back to its base language (`de`). */
export async function loadStrings(lang: string): Promise<UiStrings | undefined> {
  return (await loadShippedStrings(lang)) ?? (baseLanguage(lang) === lang ? undefined : loadShippedStrings(baseLanguage(lang)));
}

/** The English strings: every key, with its placeholders. */
export async function englishStrings(): Promise<UiStrings> {
  const english = await loadShippedStrings(ENGLISH);
  if (english === undefined) throw new Error(`The shipped ${ENGLISH}.json UI strings are missing from ${STRINGS_DIR}`);
  return english;
}

/** `de` for `de-AT`, `pt` for `pt-BR`, the language itself when it has no region. */
export function baseLanguage(lang: string): string {
  return lang.split('-')[0]!;
}

function readStringsFile(lang: string): Promise<UiStrings | undefined> {
  return fs.readFile(path.join(STRINGS_DIR, `${lang}.json`), 'utf8').then(
    (text) => JSON.parse(text) as UiStrings,
    () => undefined,
  );
}
