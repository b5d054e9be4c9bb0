// Course-wide check: an edition's true/false labels must not read like its feedback words. When
// the true option is "Richtig" and the feedback for a right answer is "Richtig!", a learner who
// rightly picked "Falsch" reads "Richtig!" and cannot tell whether it judges the answer or names the
// option. Compares the edition's UI strings `question.true` / `question.false` with
// `question.correct` / `question.incorrect`, ignoring case, punctuation and diacritics, and the last
// letter of a word of four letters or more (an inflected form of the same word: Σωστό / Σωστά!).
import fs from 'node:fs';
import path from 'node:path';
import type { Edition } from './model.js';
import { quote, report, START_OF_FILE } from './messages.js';
import { STRINGS_DIR } from './paths.js';
import type { UiStrings } from './strings.js';

const LABELS = ['question.true', 'question.false'] as const;
const FEEDBACK = ['question.correct', 'question.incorrect'] as const;

/** A UI strings file as read: its path, text and values. */
interface StringsFile {
  path: string;
  text: string;
  strings: UiStrings;
}

/** Warn on `edition.yaml` when a true/false label of the edition equals one of its feedback words. */
export function checkLabelClash(edition: Edition): void {
  const file = readEditionStrings(edition.lang);
  if (file === undefined) return; // strings-missing is reported while loading
  for (const clash of labelClashes(file.strings)) {
    const where = `templates/strings/${path.basename(file.path)}:${lineOf(file.text, clash.label)}`;
    report(
      edition.file,
      `Unexpected true/false label ${quote(file.strings[clash.label])} (${clash.label}, ${where}) reading like the feedback ${quote(file.strings[clash.feedback])} (${clash.feedback}), expected true/false labels that differ from the feedback words`,
      START_OF_FILE,
      'truefalse-label-clash',
      'warning',
    );
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

/** The templates/strings file for `lang`, or its base language's (as the build reads them). */
function readEditionStrings(lang: string): StringsFile | undefined {
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

/** The 1-based line where `key` is defined in a strings file. */
function lineOf(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(`"${key}"`));
  return index + 1;
}
