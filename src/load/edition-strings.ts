// The UI strings of the language editions, resolved once by the load stage and put on the model
// (Edition.strings): key by key from the first place that has the key: the course's
// strings/<lang>.json, the shipped templates/strings/<lang>.json, then the same two for the base
// language (`de` for `de-AT`), then English. Each course strings file is read once, however many
// editions read it (strings/de.json for de and de-AT), so its messages are on one file. Keys that
// only English has are the `english` source; check warns about them, edition by edition.
import type { Edition, StringSource } from '../model/course.js';
import type { UiStrings } from '../model/strings.js';
import { START_OF_FILE } from '../model/messages.js';
import { baseLanguage, englishStrings, loadShippedStringsFile, type ShippedStrings } from './shipped-strings.js';
import { readCourseStringsFile, type CourseStringsFile } from './course-strings-file.js';

/** The strings part of an edition, as the load stage resolves it. */
export type EditionStrings = Pick<Edition, 'strings' | 'stringSources' | 'stringsFiles' | 'ownStringsFile'>;

/** `edition` (or what was read of it) with `strings` as its strings part, replacing any it had. */
export function withStrings<T extends object>(edition: T, strings: EditionStrings): Omit<T, keyof EditionStrings> & EditionStrings {
  return { ...edition, strings: strings.strings, stringSources: strings.stringSources, stringsFiles: strings.stringsFiles, ownStringsFile: strings.ownStringsFile };
}

/** The strings part of an edition. */
export function stringsOf(edition: Edition): EditionStrings {
  return { strings: edition.strings, stringSources: edition.stringSources, stringsFiles: edition.stringsFiles, ownStringsFile: edition.ownStringsFile };
}

/** One place a key can come from, in fallback order. */
type Layer = { kind: 'course'; read: CourseStringsFile; lang: string } | { kind: 'shipped'; read: ShippedStrings };

/** Resolve the strings of each of `languages`, reading each course strings file once. */
export async function resolveEditionStrings(courseDir: string, languages: readonly string[]): Promise<Map<string, EditionStrings>> {
  const english = await englishStrings();
  const courseFiles = new Map<string, Promise<CourseStringsFile | undefined>>();
  const readCourseFile = (lang: string) => {
    let pending = courseFiles.get(lang);
    if (pending === undefined) {
      pending = readCourseStringsFile(courseDir, lang, english);
      courseFiles.set(lang, pending);
    }
    return pending;
  };
  const resolved = await Promise.all(languages.map(async (lang) => [lang, await resolveOne(lang, english, readCourseFile)] as const));
  return new Map(resolved);
}

async function resolveOne(lang: string, english: UiStrings, readCourseFile: (lang: string) => Promise<CourseStringsFile | undefined>): Promise<EditionStrings> {
  const languages = [lang, baseLanguage(lang)].filter((candidate, index, all) => all.indexOf(candidate) === index);
  const layers: Layer[] = [];
  for (const candidate of languages) {
    const courseFile = await readCourseFile(candidate);
    if (courseFile !== undefined) layers.push({ kind: 'course', read: courseFile, lang: candidate });
    const shipped = await loadShippedStringsFile(candidate);
    if (shipped !== undefined) layers.push({ kind: 'shipped', read: shipped });
  }
  const strings: Record<string, string> = {};
  const stringSources: Record<string, StringSource> = {};
  for (const [key, englishText] of Object.entries(english)) {
    // English (and en-GB…) always finds the key in the shipped en.json: only other languages fall through.
    const layer = layers.find((candidate) => Object.hasOwn(candidate.read.strings, key));
    strings[key] = layer === undefined ? englishText : layer.read.strings[key]!;
    stringSources[key] = layer === undefined ? { kind: 'english' } : sourceOf(layer, key);
  }
  const courseLayers = layers.filter((layer) => layer.kind === 'course');
  const own = courseLayers.find((layer) => layer.lang === lang)?.read;
  return {
    strings,
    stringSources,
    stringsFiles: courseLayers.map((layer) => layer.read.file),
    ownStringsFile: own === undefined ? undefined : { file: own.file, place: own.place?.start ?? START_OF_FILE },
  };
}

function sourceOf(layer: Layer, key: string): StringSource {
  if (layer.kind === 'course') return { kind: 'course', lang: layer.lang, file: layer.read.file, place: layer.read.places.get(key) ?? START_OF_FILE };
  return { kind: 'shipped', lang: layer.read.lang, path: layer.read.path, place: layer.read.places.get(key) ?? START_OF_FILE };
}
