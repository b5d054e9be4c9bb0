// Reads the UI strings of a language from templates/strings/<lang>.json (cached per process).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { UiStrings } from './strings.js';
import { STRINGS_DIR } from './paths.js';

const cache = new Map<string, Promise<UiStrings | undefined>>();

/** Strings for `lang`; a regional edition (`de-AT`) falls back to its base language (`de`). */
export function loadStrings(lang: string): Promise<UiStrings | undefined> {
  let pending = cache.get(lang);
  if (pending === undefined) {
    const base = lang.split('-')[0]!;
    pending = readStringsFile(lang).then((strings) => strings ?? (base !== lang ? readStringsFile(base) : undefined));
    cache.set(lang, pending);
  }
  return pending;
}

function readStringsFile(lang: string): Promise<UiStrings | undefined> {
  return fs.readFile(path.join(STRINGS_DIR, `${lang}.json`), 'utf8').then(
    (text) => JSON.parse(text) as UiStrings,
    () => undefined,
  );
}
