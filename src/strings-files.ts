// Reads the UI strings of a language from templates/strings/<lang>.json (cached per process).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { UiStrings } from './strings.js';
import { STRINGS_DIR } from './paths.js';

const cache = new Map<string, Promise<UiStrings | undefined>>();

export function loadStrings(lang: string): Promise<UiStrings | undefined> {
  let pending = cache.get(lang);
  if (pending === undefined) {
    pending = fs.readFile(path.join(STRINGS_DIR, `${lang}.json`), 'utf8').then(
      (text) => JSON.parse(text) as UiStrings,
      () => undefined,
    );
    cache.set(lang, pending);
  }
  return pending;
}
