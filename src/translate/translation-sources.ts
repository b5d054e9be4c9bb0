// course/translation-sources.json: for each language made by `translate import`, the language it
// was translated from and, per lesson, the hash of the source each unit was translated from.
// `translate export --changed` reads it to send only the units whose source changed since.
import fs from 'node:fs/promises';
import path from 'node:path';

export const TRANSLATION_SOURCES_FILE = 'translation-sources.json';
const FORMAT = 1;

/** Unit id → hash of the source it was translated from (a unit left untranslated is not listed). */
export type UnitSources = Record<string, string>;

export interface EditionSources {
  /** The language the units were translated from. */
  from: string;
  /** The units of edition.yaml. */
  edition?: UnitSources;
  /** Lesson id → the sources of its units. */
  lessons: Record<string, UnitSources>;
}

export interface TranslationSources {
  format: typeof FORMAT;
  /** Target language → what it was translated from. */
  editions: Record<string, EditionSources>;
}

export function translationSourcesPath(courseDir: string): string {
  return path.join(courseDir, TRANSLATION_SOURCES_FILE);
}

export function emptyTranslationSources(): TranslationSources {
  return { format: FORMAT, editions: {} };
}

/** The record, an empty one when there is none or it cannot be read (then `--changed` sends more, never less). */
export async function readTranslationSources(courseDir: string): Promise<TranslationSources> {
  try {
    const value = JSON.parse(await fs.readFile(translationSourcesPath(courseDir), 'utf8')) as Partial<TranslationSources>;
    if (value.format === FORMAT && typeof value.editions === 'object' && value.editions !== null) return value as TranslationSources;
  } catch {
    // Missing or unreadable: nothing is known.
  }
  return emptyTranslationSources();
}

/** Sorted JSON, so that diffs are easy to review and the same record is the same text. */
export function serializeTranslationSources(sources: TranslationSources): string {
  const sortKeys = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  };
  return `${JSON.stringify({ format: sources.format, editions: sortKeys(sources.editions) }, null, 2)}\n`;
}
