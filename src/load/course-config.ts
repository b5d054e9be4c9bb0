// Reads and validates `course/course.yaml` into a CourseConfig.
import type { VFile } from 'vfile';
import type { CourseConfig, ReportingMode } from '../model/course.js';
import { ID_PATTERN, ID_PATTERN_TEXT, LANG_PATTERN, LANG_PATTERN_TEXT } from '../model/ids.js';
import { quote, report } from '../model/messages.js';
import { readBoolean, readChoice, readInteger, readNestedMapping, readString, readStringList, readYamlMapping, rejectUnknownKeys, writtenText, type YamlMapping } from './yaml-fields.js';
import { isSeq, type Node } from 'yaml';
import { MAX_ID_LENGTH, MAX_LANGUAGE_LENGTH } from './files/name-limits.js';

export const REPORTING_MODES: readonly ReportingMode[] = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'];
const CONFIG_KEYS = ['id', 'version', 'passMark', 'reporting', 'attempts', 'shuffle', 'languages', 'translations'] as const;
const WHAT = 'course.yaml';
/** The manifest's `version` attribute is limited to 20 characters by the SCORM 1.2 XSD. */
const VERSION_MAX_LENGTH = 20;

/** Parse course.yaml; `foundLanguages` are the edition folders present (the default language list). */
export function readCourseConfig(file: VFile, foundLanguages: readonly string[]): CourseConfig | undefined {
  const mapping = readYamlMapping(file, String(file.value), WHAT);
  if (mapping === undefined) return undefined;
  rejectUnknownKeys(mapping, CONFIG_KEYS, WHAT);
  const languages = readStringList(mapping, 'languages', WHAT, { fallback: [...foundLanguages], pattern: LANG_PATTERN, patternText: LANG_PATTERN_TEXT });
  const config: CourseConfig = {
    id: readCourseId(mapping),
    version: readVersion(mapping),
    passMark: readInteger(mapping, 'passMark', WHAT, { fallback: 80, min: 0, max: 100 }),
    reporting: readChoice(mapping, 'reporting', WHAT, REPORTING_MODES, { fallback: 'passed-incomplete' }),
    attempts: readInteger(mapping, 'attempts', WHAT, { fallback: 0, min: 0, max: 99 }),
    shuffle: readShuffle(mapping),
    languages,
    translations: readTranslations(mapping, languages),
  };
  checkLanguages(mapping, languages, foundLanguages);
  return config;
}

/** The course id names the zips (`<id>-<lang>-scorm12.zip`), so it is held to the id length too. */
function readCourseId(mapping: YamlMapping): string {
  const fallback = 'course';
  const id = readString(mapping, 'id', WHAT, { required: true, fallback, pattern: ID_PATTERN, patternText: ID_PATTERN_TEXT, ruleId: 'id-invalid' });
  const field = mapping.fields.get('id');
  if (field !== undefined && id.length > MAX_ID_LENGTH) {
    report(mapping.file, `Unexpected course id of ${id.length} characters in ${WHAT}, expected at most ${MAX_ID_LENGTH} (it names the zip files and the manifest identifier)`, field.valuePlace, 'id-too-long');
    return fallback;
  }
  return id;
}

/**
 * The course version, as text. YAML reads an unquoted `1.10` as the number 1.1 (and `2` as 2), so
 * a number is reported with what was written and the quoted form to use instead.
 */
function readVersion(mapping: YamlMapping): string {
  const fallback = '1.0.0';
  const field = mapping.fields.get('version');
  if (field !== undefined && typeof field.value === 'number') {
    const written = writtenText(field) ?? String(field.value);
    report(mapping.file, `Unexpected number ${quote(written)} for \`version\` in ${WHAT} (YAML reads it as ${String(field.value)}), expected text in quotes: \`version: "${written}"\``, field.valuePlace, 'version-not-text');
    return fallback;
  }
  const version = readString(mapping, 'version', WHAT, { fallback, pattern: ID_PATTERN, patternText: ID_PATTERN_TEXT });
  if (field !== undefined && version.length > VERSION_MAX_LENGTH) {
    report(mapping.file, `Unexpected version of ${version.length} characters in ${WHAT}, expected at most ${VERSION_MAX_LENGTH} (the limit of the manifest's version attribute)`, field.valuePlace, 'invalid-value');
    return fallback;
  }
  return version;
}

function readShuffle(mapping: YamlMapping): CourseConfig['shuffle'] {
  const field = mapping.fields.get('shuffle');
  if (field === undefined || field.value === null) return { questions: false, options: false };
  if (typeof field.value === 'boolean') return { questions: field.value, options: field.value };
  const what = `${WHAT} shuffle`;
  const nested = readNestedMapping(mapping, 'shuffle');
  if (nested === undefined) {
    report(mapping.file, `Unexpected ${quote(field.value)} for \`shuffle\` in ${WHAT}, expected \`true\`, \`false\` or a mapping with questions and options`, field.valuePlace, 'invalid-value');
    return { questions: false, options: false };
  }
  rejectUnknownKeys(nested, ['questions', 'options'], what);
  return {
    questions: readBoolean(nested, 'questions', what, { fallback: false }),
    options: readBoolean(nested, 'options', what, { fallback: false }),
  };
}

function readTranslations(mapping: YamlMapping, languages: readonly string[]): string[][] {
  const field = mapping.fields.get('translations');
  if (field === undefined || field.value === null) return [];
  const groups = field.value;
  const valid = Array.isArray(groups) && groups.every((group) => Array.isArray(group) && group.length >= 2 && group.every((lang) => typeof lang === 'string' && languages.includes(lang)));
  if (!valid) {
    report(mapping.file, `Unexpected ${quote(field.value)} for \`translations\` in ${WHAT}, expected a list of groups of two or more listed languages`, field.valuePlace, 'invalid-value');
    return [];
  }
  const nodes = isSeq(field.node) ? field.node.items : [];
  let repeated = false;
  (groups as string[][]).forEach((group, index) => {
    const twice = group.find((lang, position) => group.indexOf(lang) !== position);
    if (twice === undefined) return;
    repeated = true;
    const node = nodes[index] as Node | undefined;
    report(mapping.file, `Unexpected language ${quote(twice)} twice in the translation group ${quote(group)}, expected each language once in a group`, node?.range !== undefined ? mapping.toPosition(node.range) : field.valuePlace, 'translation-group-duplicate');
  });
  return repeated ? [] : (groups as string[][]);
}

function checkLanguages(mapping: YamlMapping, languages: readonly string[], found: readonly string[]): void {
  const field = mapping.fields.get('languages');
  const place = field?.valuePlace ?? mapping.place.start;
  const seen = new Map<string, string>();
  for (const lang of languages) {
    const earlier = seen.get(lang.toLowerCase());
    if (earlier === lang) report(mapping.file, `Unexpected duplicate language ${quote(lang)}, expected each language once`, place, 'duplicate-language');
    else if (earlier !== undefined) report(mapping.file, `Unexpected language ${quote(lang)} beside ${quote(earlier)}, expected languages that differ in more than letter case (their zips would overwrite each other on Windows and macOS)`, place, 'duplicate-language');
    seen.set(lang.toLowerCase(), lang);
    if (lang.length > MAX_LANGUAGE_LENGTH) report(mapping.file, `Unexpected language code of ${lang.length} characters ${quote(lang)}, expected at most ${MAX_LANGUAGE_LENGTH} (it names the zip files)`, place, 'id-too-long');
    if (!found.includes(lang)) report(mapping.file, `Unexpected language ${quote(lang)} without a folder, expected \`course/${lang}/\``, place, 'missing-edition');
  }
  if (languages.length === 0) report(mapping.file, 'Unexpected empty course, expected at least one language edition', place, 'missing-edition');
  if (field === undefined || field.value === null) return;
  for (const lang of found) {
    if (!languages.includes(lang)) {
      report(mapping.file, `Unexpected language folder \`course/${lang}/\` that \`languages\` does not list, expected every language folder listed (it is neither checked nor packaged): add ${quote(lang)} to \`languages\`, or move the folder out of the course`, place, 'edition-not-listed', 'warning');
    }
  }
}
