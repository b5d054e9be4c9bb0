// Reads the UI strings that ship with scormdown, templates/strings/<lang>.json (cached per
// process), with where each key is written. A course's own strings files are read by
// course-strings-file.ts, and the two are combined per edition, once, by edition-strings.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from '@humanwhocodes/momoa';
import type { Point } from 'unist';
import type { UiStrings } from '../model/strings.js';
import { STRINGS_DIR } from '../tool/install-paths.js';

/** The language whose strings hold every key; the others fall back to it key by key. */
export const ENGLISH = 'en';

/** One shipped strings file. */
export interface ShippedStrings {
  lang: string;
  /** Absolute path of templates/strings/<lang>.json. */
  path: string;
  strings: UiStrings;
  /** Where each key is written in the file. */
  places: ReadonlyMap<string, Point>;
}

const cache = new Map<string, Promise<ShippedStrings | undefined>>();

/** The shipped strings file of exactly `lang` (no fallback); undefined when none ships. */
export function loadShippedStringsFile(lang: string): Promise<ShippedStrings | undefined> {
  let pending = cache.get(lang);
  if (pending === undefined) {
    pending = readStringsFile(lang);
    cache.set(lang, pending);
  }
  return pending;
}

/** The shipped strings of exactly `lang` (no fallback); undefined when none ship. */
export async function loadShippedStrings(lang: string): Promise<UiStrings | undefined> {
  return (await loadShippedStringsFile(lang))?.strings;
}

/** Whether UI strings ship for `lang` or, for a regional language (`de-AT`), for its base language (`de`). */
export async function shipsStrings(lang: string): Promise<boolean> {
  return (await loadShippedStringsFile(lang)) !== undefined || (await loadShippedStringsFile(baseLanguage(lang))) !== undefined;
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

async function readStringsFile(lang: string): Promise<ShippedStrings | undefined> {
  const filePath = path.join(STRINGS_DIR, `${lang}.json`);
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch {
    return undefined;
  }
  const strings = JSON.parse(text) as UiStrings;
  return { lang, path: filePath, strings, places: keyPlaces(text) };
}

/** Where each key of a shipped file's top-level object is first written (test/unit/strings-shipped.test.ts keeps the files valid). */
function keyPlaces(text: string): Map<string, Point> {
  const places = new Map<string, Point>();
  const body = parse(text, { mode: 'json' }).body;
  if (body.type !== 'Object') return places;
  for (const member of body.members) {
    const key = member.name.type === 'String' ? member.name.value : member.name.name;
    if (!places.has(key)) places.set(key, { line: member.name.loc.start.line, column: member.name.loc.start.column });
  }
  return places;
}
