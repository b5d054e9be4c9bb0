// Course-wide check: an edition's true/false labels must not read like its feedback words. When
// the true option is "Richtig" and the feedback for a right answer is "Richtig!", a learner who
// rightly picked "Falsch" reads "Richtig!" and cannot tell whether it judges the answer or names the
// option. Compares the edition's UI strings `question.true` / `question.false` with
// `question.correct` / `question.incorrect`, ignoring case, punctuation and diacritics, and the last
// letter of a word of four letters or more (an inflected form of the same word: Σωστό / Σωστά!).
// The message is on the course's strings file that defines the label, else on edition.yaml; the
// label's place comes from the edition's resolved strings (Edition.stringSources). Editions that
// read the same strings file (strings/de.json for de and de-AT) each check their own labels; the
// same warning on the same place is listed once.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { Edition } from '../model/course.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import type { UiStrings } from '../model/strings.js';
import { COURSE_STRINGS_FOLDER } from '../load/course-strings-file.js';

const LABELS = ['question.true', 'question.false'] as const;
const FEEDBACK = ['question.correct', 'question.incorrect'] as const;

/** Where a label is defined: the course's strings file (a message can sit on it) or a shipped one. */
interface LabelSource {
  file: VFile | undefined;
  shown: string;
  place: Point;
}

/** Warn when a true/false label of the edition reads like one of its feedback words. */
export function checkLabelClash(edition: Edition): void {
  const strings = edition.strings;
  for (const clash of labelClashes(strings)) {
    const source = labelSource(edition, clash.label);
    const where = source === undefined ? '' : `, ${source.shown}:${source.place.line}`;
    const file = source?.file ?? edition.file;
    const place = source?.file === undefined ? START_OF_FILE : source.place;
    const reason = `Unexpected true/false label ${quote(strings[clash.label])} (${clash.label}${where}) reading like the feedback ${quote(strings[clash.feedback])} (${clash.feedback}), expected true/false labels that differ from the feedback words`;
    if (file.messages.some((message) => message.ruleId === 'truefalse-label-clash' && message.reason === reason && message.line === place.line && message.column === place.column)) continue;
    report(file, reason, place, 'truefalse-label-clash');
  }
}

/** The course strings file that gives `key` its value, else the shipped file that does (none for English text a translation lacks). */
function labelSource(edition: Edition, key: string): LabelSource | undefined {
  const source = edition.stringSources[key];
  if (source === undefined || source.kind === 'english') return undefined;
  if (source.kind === 'course') return { file: source.file, shown: `${COURSE_STRINGS_FOLDER}/${path.basename(source.file.path)}`, place: source.place };
  return { file: undefined, shown: `templates/strings/${path.basename(source.path)}`, place: source.place };
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
