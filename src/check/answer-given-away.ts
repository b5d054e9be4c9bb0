// Course-wide check: an assessment answer must not be readable elsewhere in the test. An accepted
// fill-in answer, or the whole text of a correct option, that appears as a word or phrase in a
// lesson title (the table of contents), in the assessment's introduction or in another question of
// the assessment (prompt or options) is a warning on the answer, naming the other place.
import fs from 'node:fs';
import path from 'node:path';
import type { Position } from 'unist';
import type { Edition, Lesson, Question } from '../model/course.js';
import { quote, report } from '../model/messages.js';
import { normaliseFillin } from '../runtime/logic/scoring.js';

/**
 * Answers shorter than this (after normalisation) are not looked for, unless they are numbers:
 * a two-letter word turns up everywhere by chance, a number such as `80` rarely does.
 */
const MIN_ANSWER_LENGTH = 4;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** A text learners can read during the test, and where it is written. */
interface Visible {
  text: string;
  what: string;
  file: Lesson['file'];
  /** Where the text is written (computed when reported: a title's place needs its file read). */
  place: () => Position;
  /** The question it belongs to, if any (an answer is not given away by its own question). */
  question?: Question;
}

/** An answer of an assessment question, and where it is written. */
interface Answer {
  text: string;
  ignoreAccents: boolean;
  question: Question;
  place: Position | undefined;
}

/**
 * Every visible text of the test, normalised once in both accent modes, with an index from each
 * word (accents removed) to the texts holding it, so that a large assessment is not searched text
 * by text for each answer.
 */
class VisibleTexts {
  private readonly strict: string[];
  private readonly loose: string[];
  private readonly byWord = new Map<string, number[]>();

  constructor(private readonly texts: readonly Visible[]) {
    this.strict = texts.map((visible) => normaliseFillin(visible.text, false));
    this.loose = texts.map((visible) => normaliseFillin(visible.text, true));
    this.loose.forEach((text, index) => {
      for (const word of new Set(words(text))) {
        const list = this.byWord.get(word);
        if (list === undefined) this.byWord.set(word, [index]);
        else list.push(index);
      }
    });
  }

  /** The first text, other than those of `answer`'s own question, holding the answer as a phrase. */
  find(answer: Answer, needle: string): Visible | undefined {
    const first = words(answer.ignoreAccents ? needle : normaliseFillin(needle, true))[0];
    const candidates = first === undefined || !WORD_CHARACTER.test(needle[0] ?? '') ? this.texts.map((_, index) => index) : this.byWord.get(first) ?? [];
    const haystacks = answer.ignoreAccents ? this.loose : this.strict;
    const index = candidates.find((candidate) => this.texts[candidate]!.question !== answer.question && containsPhrase(haystacks[candidate]!, needle));
    return index === undefined ? undefined : this.texts[index];
  }
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word !== '');
}

/** Warn about every assessment answer of `edition` that another visible text gives away. */
export function checkGiveaways(edition: Edition): void {
  const assessment = edition.lessons.find((lesson) => lesson.assessment);
  if (assessment === undefined || assessment.questions.length === 0) return;
  const source = sourceLines(assessment);
  const answers = assessment.questions.flatMap((question) => answersOf(question, source))
    .map((answer) => ({ answer, needle: normaliseFillin(answer.text, answer.ignoreAccents) }))
    .filter(({ needle }) => needle.length >= MIN_ANSWER_LENGTH || NUMBER.test(needle));
  if (answers.length === 0) return;
  const visible = new VisibleTexts([
    ...edition.lessons.flatMap((lesson) => titleOf(lesson)),
    ...introductionOf(assessment, source),
    ...assessment.questions.flatMap((question) => textsOf(assessment, question, source)),
  ]);
  for (const { answer, needle } of answers) {
    const found = visible.find(answer, needle);
    if (found !== undefined) reportGiveaway(edition, assessment, answer, found);
  }
}

function reportGiveaway(edition: Edition, assessment: Lesson, answer: Answer, found: Visible): void {
  const place = found.place();
  const where = `${edition.lang}/${path.basename(found.file.path)}:${place.start.line}:${place.start.column}`;
  const kind = answer.question.type === 'fillin' ? 'accepted answer' : 'correct option';
  const reason = `Unexpected ${kind} ${quote(answer.text)} of question ${quote(answer.question.id)} written in ${found.what} (${where}), expected an answer the test does not give away`;
  report(assessment.file, reason, answer.place ?? answer.question.place, 'answer-given-away', { label: 'written', file: found.file, place });
}

/** Whether `phrase` occurs in `text` as whole words (not inside a longer word). */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((before === undefined || !WORD_CHARACTER.test(before)) && (after === undefined || !WORD_CHARACTER.test(after))) return true;
  }
  return false;
}

/** The lesson file as written (the model keeps the rendered HTML only), one entry per line. */
function sourceLines(lesson: Lesson): string[] {
  try {
    return fs.readFileSync(lesson.file.path, 'utf8').split(/\r\n?|\n/);
  } catch {
    return [];
  }
}

function lineRange(line: number, text: string): Position {
  return { start: { line, column: 1 }, end: { line, column: text.length + 1 } };
}

const LIST_ITEM = /^(\s*[-*+]\s+(?:\[[ xX]\]\s+)?)(.*)$/;

/** The list item (option or accepted answer) between lines `from` and `to` (1-based) that reads `text`. */
function locateItem(lines: readonly string[], text: string, from: number, to: number): Position | undefined {
  const wanted = normaliseFillin(text, false);
  for (let line = from; line <= Math.min(to, lines.length); line++) {
    const item = LIST_ITEM.exec(lines[line - 1]!);
    if (item === null || normaliseFillin(item[2]!, false) !== wanted) continue;
    const column = item[1]!.length + 1;
    return { start: { line, column }, end: { line, column: column + item[2]!.trimEnd().length } };
  }
  return undefined;
}

/** The first written line after the question's opening fence: where its prompt starts. */
function locatePrompt(lines: readonly string[], from: number, to: number): Position | undefined {
  for (let line = from + 1; line < Math.min(to, lines.length); line++) {
    const text = lines[line - 1]!;
    if (text.trim() !== '') return lineRange(line, text);
  }
  return undefined;
}

/** The lesson title as the table of contents shows it, placed on its front-matter line. */
function titleOf(lesson: Lesson): Visible[] {
  if (lesson.title === '') return [];
  const place = (): Position => {
    const lines = sourceLines(lesson);
    const end = lines.indexOf('---', 1);
    const index = lines.slice(0, end < 0 ? lines.length : end).findIndex((line) => /^title\s*:/.test(line));
    return index >= 0 ? lineRange(index + 1, lines[index]!) : lesson.idPlace ?? lineRange(1, '');
  };
  return [{ text: lesson.title, what: `the title of lesson ${quote(lesson.id)}`, file: lesson.file, place }];
}

/** The assessment's text before its first question, one entry per source line. */
function introductionOf(assessment: Lesson, lines: readonly string[]): Visible[] {
  const first = assessment.questions[0]?.place?.start.line ?? lines.length + 1;
  const closing = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const visible: Visible[] = [];
  for (let index = closing + 1; index < first - 1; index++) {
    const text = lines[index]!;
    const place = lineRange(index + 1, text);
    if (text.trim() !== '') visible.push({ text, what: 'the introduction of the assessment', file: assessment.file, place: () => place });
  }
  return visible;
}

/** The prompt and every option of a question. */
function textsOf(assessment: Lesson, question: Question, lines: readonly string[]): Visible[] {
  const fallback = question.place ?? lineRange(1, '');
  const from = fallback.start.line;
  const to = fallback.end.line;
  const what = `question ${quote(question.id)}`;
  const prompt: Visible = { text: question.prompt, what: `the prompt of ${what}`, file: assessment.file, question, place: () => locatePrompt(lines, from, to) ?? fallback };
  const options = question.options.map((option): Visible => ({ text: option.text, what: `an option of ${what}`, file: assessment.file, question, place: () => locateItem(lines, option.text, from, to) ?? fallback }));
  return [prompt, ...options];
}

/** Accepted fill-in answers and correct options, each placed on its list item. */
function answersOf(question: Question, lines: readonly string[]): Answer[] {
  const from = question.place?.start.line ?? 1;
  const to = question.place?.end.line ?? lines.length;
  const texts = question.type === 'fillin' ? question.accepted : question.options.filter((option) => option.correct).map((option) => option.text);
  const ignoreAccents = question.type === 'fillin' && question.ignoreAccents;
  return texts.map((text) => ({ text, ignoreAccents, question, place: locateItem(lines, text, from, to) }));
}
