// Reads `course/course.yaml` into a CourseConfig. Its rules are schema/course.schema.json, which
// ajv applies (schema-validation.ts, messages placed where the YAML says it); this file adds only
// the rules a JSON Schema cannot hold, at the end.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { CourseConfig, ReportingMode, Target } from '../model/course.js';
import { firstAt, quote, report } from '../model/messages.js';
import { readYamlMapping, yamlNodesAt, type YamlMapping } from './yaml-fields.js';
import { validateMapping, type SchemaResult } from './schema-validation.js';
import { MAX_LANGUAGE_LENGTH } from './files/name-limits.js';
import { readThemeSettings } from './theme-settings.js';
import { checkCourseTheme } from './edition-theme.js';

/** The `reporting` values of the schema, as the type ReportingMode names them (the schema test holds the two equal). */
export const REPORTING_MODES: readonly ReportingMode[] = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'];
const WHAT = 'course.yaml';
/** The id when course.yaml has none that the schema accepts (an error is reported then). */
const FALLBACK_ID = 'course';

/** Parse course.yaml; `foundLanguages` are the edition folders present (the default language list). */
export function readCourseConfig(file: VFile, foundLanguages: readonly string[]): CourseConfig | undefined {
  const mapping = readYamlMapping(file, String(file.value), WHAT);
  if (mapping === undefined) return undefined;
  const course = validateMapping(mapping, 'course', WHAT);
  const written = course.get<string[]>('languages');
  const languages = written ?? [...foundLanguages];
  checkLanguages(mapping, languages, foundLanguages, written !== undefined);
  // The theme's files are relative to course.yaml, in the course folder.
  const courseDir = path.dirname(path.resolve(file.path));
  const theme = readThemeSettings(mapping, course, courseDir, courseDir);
  checkCourseTheme(theme, file);
  return {
    id: String(course.get<string | number>('id') ?? FALLBACK_ID),
    version: defaulted(course.get<string>('version')),
    passMark: defaulted(course.get<number>('passMark')),
    reporting: defaulted(course.get<ReportingMode>('reporting')),
    attempts: defaulted(course.get<number>('attempts')),
    shuffle: readShuffle(mapping, course),
    languages,
    translations: readTranslations(course, languages),
    targets: [...defaulted(course.get<Target[]>('targets'))],
    ...(theme === undefined ? {} : { theme }),
  };
}

/** The value of an optional key: what is written, or the schema's `default`. */
function defaulted<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('schema/course.schema.json gives no default for an optional key');
  return value;
}

/** `shuffle: true` for both, or `questions` and `options` each (a part the schema rejects stays off). */
function readShuffle(mapping: YamlMapping, course: SchemaResult): CourseConfig['shuffle'] {
  const shuffle = mapping.value.shuffle;
  if (typeof shuffle === 'boolean') return { questions: shuffle, options: shuffle };
  const part = (key: string) => typeof shuffle === 'object' && shuffle !== null && (shuffle as Record<string, unknown>)[key] === true && course.accepts('shuffle', key);
  return { questions: part('questions'), options: part('options') };
}

// Rules a JSON Schema cannot hold: they compare a value with the file system, with another key, or
// letter case across list items (`uniqueItems` compares exactly).

/** Translation groups name languages of `languages` (draft-07 cannot compare one key's values with another's). */
function readTranslations(course: SchemaResult, languages: readonly string[]): string[][] {
  const groups = course.get<string[][]>('translations') ?? [];
  if (groups.some((group) => group.some((lang) => !languages.includes(lang)))) {
    course.reject('translations');
    return [];
  }
  return groups;
}

/**
 * Each language has its folder; no two differ in letter case only; a folder an accepted
 * `languages` list leaves out is a warning. Without a `languages` list the folders are the
 * languages: then there must be one, and each is held to the length the schema sets for a
 * written code (the schema sees only what is written).
 */
function checkLanguages(mapping: YamlMapping, languages: readonly string[], found: readonly string[], accepted: boolean): void {
  const field = mapping.fields.get('languages');
  const place = field?.valuePlace ?? mapping.place.start;
  const fromFolders = field === undefined || field.value === null;
  // A language of the written list is placed at its item; one found as a folder at the key.
  const itemPlace = (index: number) => {
    const range = accepted && !fromFolders ? yamlNodesAt(mapping, ['languages', String(index)])?.value?.range : undefined;
    return range === undefined ? place : mapping.toPosition(range);
  };
  const seen = new Map<string, { lang: string; index: number }>();
  languages.forEach((lang, index) => {
    const earlier = seen.get(lang.toLowerCase());
    if (earlier !== undefined && earlier.lang !== lang) report(mapping.file, `Unexpected language ${quote(lang)} beside ${quote(earlier.lang)}, expected languages that differ in more than letter case (their zips would overwrite each other on Windows and macOS)`, itemPlace(index), 'duplicate-language', firstAt(mapping.file, itemPlace(earlier.index)));
    seen.set(lang.toLowerCase(), { lang, index });
    if (fromFolders && lang.length > MAX_LANGUAGE_LENGTH) report(mapping.file, `Unexpected language code of ${lang.length} characters ${quote(lang)}, expected at most ${MAX_LANGUAGE_LENGTH} (it names the zip files)`, place, 'id-too-long');
    if (!found.includes(lang)) report(mapping.file, `Unexpected language ${quote(lang)} without a folder, expected \`course/${lang}/\``, place, 'missing-edition');
  });
  if (fromFolders && languages.length === 0) report(mapping.file, 'Unexpected empty course, expected at least one language edition', place, 'missing-edition');
  if (!accepted) return;
  for (const lang of found) {
    if (!languages.includes(lang)) {
      report(mapping.file, `Unexpected language folder \`course/${lang}/\` that \`languages\` does not list, expected every language folder listed (it is neither checked nor packaged): add ${quote(lang)} to \`languages\`, or move the folder out of the course`, place, 'edition-not-listed');
    }
  }
}
