// Course-wide check: an edition's true/false labels must not read like its feedback words. When
// the true option is "Richtig" and the feedback for a right answer is "Richtig!", a learner who
// rightly picked "Falsch" reads "Richtig!" and cannot tell whether it judges the answer or names the
// option. Compares the edition's UI strings `question.true` / `question.false` with
// `question.correct` / `question.incorrect`, ignoring case, punctuation and diacritics, and the last
// letter of a word of four letters or more (an inflected form of the same word: Σωστό / Σωστά!).
// The message is on the course's strings file that defines the label, else on edition.yaml.
import fs from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Edition } from '../model/course.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import { STRINGS_DIR } from '../tool/install-paths.js';
import type { UiStrings } from '../model/strings.js';
import { COURSE_STRINGS_FOLDER } from '../load/course-strings-file.js';

const LABELS = ['question.true', 'question.false'] as const;
const FEEDBACK = ['question.correct', 'question.incorrect'] as const;

/** Where a label is defined: the course's strings file (a message can sit on it) or a shipped one. */
interface LabelSource {
  file: VFile | undefined;
  shown: string;
  line: number;
  column: number;
}

/** Warn when a true/false label of the edition reads like one of its feedback words. */
export function checkLabelClash(edition: Edition): void {
  const strings = edition.strings;
  for (const clash of labelClashes(strings)) {
    const source = labelSource(edition, clash.label, strings[clash.label]!);
    const where = source === undefined ? '' : `, ${source.shown}:${source.line}`;
    const onStringsFile = source?.file !== undefined;
    report(
      source?.file ?? edition.file,
      `Unexpected true/false label ${quote(strings[clash.label])} (${clash.label}${where}) reading like the feedback ${quote(strings[clash.feedback])} (${clash.feedback}), expected true/false labels that differ from the feedback words`,
      onStringsFile ? { line: source.line, column: source.column } : START_OF_FILE,
      'truefalse-label-clash',
    );
  }
}

/** The course strings file that gives `key` its value, else the shipped file that does. */
function labelSource(edition: Edition, key: string, value: string): LabelSource | undefined {
  for (const file of edition.stringsFiles) {
    const text = String(file.value ?? '');
    if (valueIn(text, key) === value) return { file, shown: `${COURSE_STRINGS_FOLDER}/${path.basename(file.path)}`, ...keyPlace(text, key) };
  }
  const shipped = readShippedStrings(edition.lang);
  if (shipped === undefined || shipped.strings[key] !== value) return undefined;
  return { file: undefined, shown: `templates/strings/${path.basename(shipped.path)}`, ...keyPlace(shipped.text, key) };
}

/** The value of `key` in a strings file's JSON text, if it is one. */
function valueIn(text: string, key: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const value = (parsed as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Pairs of a true/false label and a feedback word that read the same. */
export function labelClashes(strings: UiStrings): { label: (typeof LABELS)[number]; feedback: (typeof FEEDBACK)[number] }[] {
  const clashes: { label: (typeof LABELS)[number]; feedback: (typeof FEEDBACK)[number] }[] = [];
  for (const label of LABELS) {
    for (const feedback of FEEDBACK) {
      const a = strings[label];
      const b = strings[feedback];
      if (a !== undefined && b !== undefined && sameWord(comparable(a), comparable(b))) clashes.push({ label, feedback });
    }
  }
  return clashes;
}

/** Lower case, without punctuation, symbols, white space or diacritics. */
function comparable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** The same text, or the same word of four letters or more apart from its ending letter. */
function sameWord(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  return a.length === b.length && a.length >= 4 && a.slice(0, -1) === b.slice(0, -1);
}

/** The shipped templates/strings file for `lang`, or its base language's. */
function readShippedStrings(lang: string): { path: string; text: string; strings: UiStrings } | undefined {
  const base = lang.split('-')[0]!;
  for (const candidate of base === lang ? [lang] : [lang, base]) {
    const file = path.join(STRINGS_DIR, `${candidate}.json`);
    try {
      const text = fs.readFileSync(file, 'utf8');
      return { path: file, text, strings: JSON.parse(text) as UiStrings };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The 1-based line and column where `key` is defined in a strings file's text. */
function keyPlace(text: string, key: string): { line: number; column: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(`"${key}"`));
  return index < 0 ? { line: 1, column: 1 } : { line: index + 1, column: lines[index]!.indexOf(`"${key}"`) + 1 };
}
