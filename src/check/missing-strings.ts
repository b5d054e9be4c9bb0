// An edition whose UI strings are not all translated: the keys the load stage could only fill in
// with English (Edition.stringSources) are named in a warning, on the course's strings file of
// exactly the edition's language when there is one, else on edition.yaml. Each edition has its
// own warning, also when two editions read the same file (strings/fr.json for fr and fr-CA), so
// a course in any language builds and the author knows what is still shown in English.
import type { Edition } from '../model/course.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import { COURSE_STRINGS_FOLDER } from '../load/course-strings-file.js';

/** Warn about the keys of `edition` that are shown in English. */
export function checkMissingStrings(edition: Edition): void {
  const keys = Object.keys(edition.stringSources);
  const missing = keys.filter((key) => edition.stringSources[key]!.kind === 'english');
  if (missing.length === 0) return;
  const lang = edition.lang;
  const file = edition.ownStringsFile?.file ?? edition.file;
  const place = edition.ownStringsFile?.place ?? START_OF_FILE;
  const where = `${COURSE_STRINGS_FOLDER}/${lang}.json in the course folder`;
  if (missing.length === keys.length) {
    report(file, `Unexpected language ${quote(lang)} without UI strings (buttons, feedback, messages), expected ${where} with every key translated (\`scormdown new edition ${lang}\` writes one to translate): English is shown until then`, place, 'strings-missing');
    return;
  }
  const named = missing.map((key) => `\`${key}\``).join(', ');
  report(file, `Unexpected UI strings for ${quote(lang)} without ${missing.length === 1 ? 'the key' : `${missing.length} keys`} ${named}, expected ${missing.length === 1 ? 'it' : 'them'} in ${where}: English is shown for ${missing.length === 1 ? 'it' : 'them'}`, place, 'strings-missing');
}
