// The UI strings of one language edition, key by key from the first place that has the key:
// the course's strings/<lang>.json, the shipped templates/strings/<lang>.json, then the same two
// for the base language (`de` for `de-AT`), then English. Keys that only English has are named
// in a warning (on the course's strings file when there is one, else on edition.yaml), so a
// course in any language builds, and the author knows what is still shown in English.
import type { VFile } from 'vfile';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import type { UiStrings } from '../model/strings.js';
import { baseLanguage, englishStrings, ENGLISH, loadShippedStrings } from './shipped-strings.js';
import { COURSE_STRINGS_FOLDER, readCourseStringsFile, type CourseStringsFile } from './course-strings-file.js';

export interface EditionStrings {
  /** Every key of the English strings, each from the first place that has it. */
  strings: UiStrings;
  /** The course's strings files that were read (the language's own first), with their messages. */
  files: VFile[];
}

/** Resolve the strings of `lang`; the missing-keys warning goes to the course file or `editionFile`. */
export async function editionStrings(courseDir: string, lang: string, editionFile: VFile): Promise<EditionStrings> {
  const english = await englishStrings();
  const languages = [lang, baseLanguage(lang)].filter((candidate, index, all) => all.indexOf(candidate) === index);
  const courseFiles = new Map<string, CourseStringsFile>();
  const layers: UiStrings[] = [];
  for (const candidate of languages) {
    const courseFile = await readCourseStringsFile(courseDir, candidate, english);
    if (courseFile !== undefined) {
      courseFiles.set(candidate, courseFile);
      layers.push(courseFile.strings);
    }
    const shipped = await loadShippedStrings(candidate);
    if (shipped !== undefined) layers.push(shipped);
  }
  const isEnglish = languages.includes(ENGLISH);
  const strings: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, englishText] of Object.entries(english)) {
    const found = layers.find((layer) => Object.hasOwn(layer, key))?.[key];
    if (found === undefined && !isEnglish) missing.push(key);
    strings[key] = found ?? englishText;
  }
  if (missing.length > 0) reportMissing(lang, missing, Object.keys(english).length, courseFiles.get(lang), editionFile);
  return { strings, files: [...courseFiles.values()].map((courseFile) => courseFile.file) };
}

function reportMissing(lang: string, missing: readonly string[], total: number, own: CourseStringsFile | undefined, editionFile: VFile): void {
  const file = own?.file ?? editionFile;
  const place = own?.place?.start ?? START_OF_FILE;
  const where = `${COURSE_STRINGS_FOLDER}/${lang}.json in the course folder`;
  if (missing.length === total) {
    report(file, `Unexpected language ${quote(lang)} without UI strings (buttons, feedback, messages), expected ${where} with every key translated (\`scormdown new edition ${lang}\` writes one to translate): English is shown until then`, place, 'strings-missing', 'warning');
    return;
  }
  const keys = missing.map((key) => `\`${key}\``).join(', ');
  report(file, `Unexpected UI strings for ${quote(lang)} without ${missing.length === 1 ? 'the key' : `${missing.length} keys`} ${keys}, expected ${missing.length === 1 ? 'it' : 'them'} in ${where}: English is shown for ${missing.length === 1 ? 'it' : 'them'}`, place, 'strings-missing', 'warning');
}
