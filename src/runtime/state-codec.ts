// suspend_data codec: the learner state as compact printable ASCII, proven at build time to fit
// the 4096 characters SCORM 1.2 guarantees. DOM-free (the build imports it under Node).
//
// Format, version 1 ("." between sections, "," between entries):
//   "1" salt . visited . checks . assessment-header . assessment-answers . checksum
// - salt: one digit that makes the 3-digit keys of this course's lesson and question ids unique.
// - visited: the keys of opened lessons, back to back.
// - checks / assessment-answers: key + answer token per answered question.
//   choice: bit mask of the selected options; true/false: t|f; fill-in: "=" + index of the
//   accepted answer matched, or "*" + the typed text escaped and cut to the course's text budget.
// - assessment-header: attempt (2 digits), shuffle seed (4), submitted (0|1), score in hundredths (3).
// - checksum: 2 digits over everything before it.
// Digits are base 64 over A–Z a–z 0–9 - _. Keys are hashes of the stable author-given ids, so a
// course edit (lessons moved, questions added) keeps the answers of every question that remains.
// Anything unreadable (another version, corrupt or truncated data) decodes to a clean state.
import { emptyLearnerState, SEED_LIMIT, type Answer, type LearnerState } from './learner-state.js';
import { fnv1a } from './string-hash.js';
import { isAnswered, matchedAcceptedIndex } from './scoring.js';
import type { CourseShape, RuntimeQuestion } from './course-shape.js';

export const SUSPEND_DATA_LIMIT = 4096;
export const STATE_FORMAT_VERSION = '1';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE = 64;
const SECTION = '.';
const ENTRY = ',';
const KEY_WIDTH = 3;
const KEY_SPACE = BASE ** KEY_WIDTH;
const ATTEMPT_WIDTH = 2;
const SEED_WIDTH = 4;
const SCORE_WIDTH = 3;
const CHECKSUM_WIDTH = 2;
const MAX_ATTEMPT = BASE ** ATTEMPT_WIDTH - 1;
const NO_SCORE = BASE ** SCORE_WIDTH - 1;
const ACCEPTED_MARK = '=';
const TEXT_MARK = '*';
const TEXT_SPACE = '_';
const TEXT_ESCAPE = '!';
const ESCAPE_WIDTH = 3;
const PLAIN_TEXT = /^[A-Za-z0-9]$/;
/** At most this many characters of escaped fill-in text per question, whatever the budget. */
const MAX_TEXT_BUDGET = 255;

function fixedDigits(value: number, width: number): string {
  let text = '';
  let rest = value;
  for (let index = 0; index < width; index++) {
    text = DIGITS[rest % BASE]! + text;
    rest = Math.floor(rest / BASE);
  }
  return text;
}

function digits(value: number): string {
  let text = DIGITS[value % BASE]!;
  for (let rest = Math.floor(value / BASE); rest > 0; rest = Math.floor(rest / BASE)) text = DIGITS[rest % BASE]! + text;
  return text;
}

/** The number written in `text`, or undefined when it is not all digits. */
function readDigits(text: string): number | undefined {
  if (text === '') return undefined;
  let value = 0;
  for (const char of text) {
    const digit = DIGITS.indexOf(char);
    if (digit < 0) return undefined;
    value = value * BASE + digit;
  }
  return value;
}

function keyOf(id: string, salt: number): string {
  return fixedDigits(fnv1a(id, salt) % KEY_SPACE, KEY_WIDTH);
}

function checksum(body: string): string {
  return fixedDigits(fnv1a(body) % BASE ** CHECKSUM_WIDTH, CHECKSUM_WIDTH);
}

function keysAreUnique(ids: readonly string[], salt: number): boolean {
  return new Set(ids.map((id) => keyOf(id, salt))).size === ids.length;
}

const salts = new WeakMap<CourseShape, number>();
const textBudgets = new WeakMap<CourseShape, number>();

/** The smallest salt under which the lesson keys and the question keys are collision-free. */
function saltFor(course: CourseShape): number {
  let salt = salts.get(course);
  if (salt === undefined) {
    salt = findSalt(course);
    salts.set(course, salt);
  }
  return salt;
}

function findSalt(course: CourseShape): number {
  const lessonIds = course.lessons.map((lesson) => lesson.id);
  const questionIds = Object.keys(course.questions);
  for (let salt = 0; salt < BASE; salt++) {
    if (keysAreUnique(lessonIds, salt) && keysAreUnique(questionIds, salt)) return salt;
  }
  return 0;
}

/** Key → id for the given salt; keys shared by several ids are left out (their answers are dropped). */
function idsByKey(ids: readonly string[], salt: number): Map<string, string> {
  const found = new Map<string, string | null>();
  for (const id of ids) {
    const key = keyOf(id, salt);
    found.set(key, found.has(key) ? null : id);
  }
  const result = new Map<string, string>();
  for (const [key, id] of found) if (id !== null) result.set(key, id);
  return result;
}

function escapeText(text: string, budget: number): string {
  let result = '';
  for (const char of text.trim()) {
    const codePoint = char.codePointAt(0)!;
    const piece = PLAIN_TEXT.test(char) ? char : char === ' ' ? TEXT_SPACE : codePoint < BASE ** ESCAPE_WIDTH ? TEXT_ESCAPE + fixedDigits(codePoint, ESCAPE_WIDTH) : '';
    if (result.length + piece.length > budget) break;
    result += piece;
  }
  return result;
}

function unescapeText(escaped: string): string | undefined {
  let text = '';
  for (let index = 0; index < escaped.length; index++) {
    const char = escaped[index]!;
    if (char === TEXT_SPACE) text += ' ';
    else if (PLAIN_TEXT.test(char)) text += char;
    else if (char === TEXT_ESCAPE) {
      const codePoint = readDigits(escaped.slice(index + 1, index + 1 + ESCAPE_WIDTH));
      if (codePoint === undefined || index + ESCAPE_WIDTH >= escaped.length) return undefined;
      text += String.fromCodePoint(codePoint);
      index += ESCAPE_WIDTH;
    } else return undefined;
  }
  return text;
}

function answerToken(question: RuntimeQuestion, answer: Answer, textBudget: number): string | undefined {
  if (question.type === 'truefalse') return answer.kind === 'truefalse' ? (answer.value ? 't' : 'f') : undefined;
  if (question.type === 'fillin') {
    if (answer.kind !== 'fillin') return undefined;
    const accepted = matchedAcceptedIndex(question, answer.text);
    return accepted >= 0 ? ACCEPTED_MARK + digits(accepted) : TEXT_MARK + escapeText(answer.text, textBudget);
  }
  if (answer.kind !== 'choice') return undefined;
  const options = question.options ?? 0;
  const mask = [...new Set(answer.selected)].filter((index) => index >= 0 && index < options).reduce((sum, index) => sum + 2 ** index, 0);
  return digits(mask);
}

function readAnswer(question: RuntimeQuestion, token: string): Answer | undefined {
  if (question.type === 'truefalse') return token === 't' || token === 'f' ? { kind: 'truefalse', value: token === 't' } : undefined;
  if (question.type === 'fillin') {
    const mark = token[0];
    if (mark === ACCEPTED_MARK) {
      const text = question.accepted?.[readDigits(token.slice(1)) ?? -1];
      return text === undefined ? undefined : { kind: 'fillin', text };
    }
    const text = mark === TEXT_MARK ? unescapeText(token.slice(1)) : undefined;
    return text === undefined ? undefined : { kind: 'fillin', text };
  }
  const mask = readDigits(token);
  const options = question.options ?? 0;
  if (mask === undefined || mask === 0 || mask >= 2 ** options) return undefined;
  const selected: number[] = [];
  for (let index = 0; index < options; index++) if (Math.floor(mask / 2 ** index) % 2 === 1) selected.push(index);
  if (question.type === 'single' && selected.length !== 1) return undefined;
  return { kind: 'choice', selected };
}

function answerEntries(ids: readonly string[], answers: ReadonlyMap<string, Answer>, course: CourseShape, salt: number, textBudget: number): string {
  const entries: string[] = [];
  for (const id of ids) {
    const question = course.questions[id];
    const answer = answers.get(id);
    if (question === undefined || answer === undefined || !isAnswered(answer)) continue;
    const token = answerToken(question, answer, textBudget);
    if (token !== undefined) entries.push(keyOf(id, salt) + token);
  }
  return entries.join(ENTRY);
}

function readAnswerEntries(section: string, allowed: readonly string[], course: CourseShape, byKey: ReadonlyMap<string, string>): Map<string, Answer> | undefined {
  const answers = new Map<string, Answer>();
  if (section === '') return answers;
  for (const entry of section.split(ENTRY)) {
    if (entry.length <= KEY_WIDTH) return undefined;
    const id = byKey.get(entry.slice(0, KEY_WIDTH));
    const question = id === undefined ? undefined : course.questions[id];
    if (id === undefined || question === undefined || !allowed.includes(id)) continue;
    const answer = readAnswer(question, entry.slice(KEY_WIDTH));
    if (answer !== undefined) answers.set(id, answer);
  }
  return answers;
}

function sectionIds(course: CourseShape, assessment: boolean): string[] {
  return course.lessons.filter((lesson) => lesson.assessment === assessment).flatMap((lesson) => [...lesson.questions]);
}

function encodeWithBudget(course: CourseShape, state: LearnerState, textBudget: number): string {
  const salt = saltFor(course);
  const { assessment } = state;
  const visited = course.lessons.filter((lesson) => state.visited.has(lesson.id)).map((lesson) => keyOf(lesson.id, salt)).join('');
  const header = fixedDigits(Math.min(Math.max(0, Math.floor(assessment.attempt)), MAX_ATTEMPT), ATTEMPT_WIDTH)
    + fixedDigits(Math.abs(Math.floor(assessment.seed)) % SEED_LIMIT, SEED_WIDTH)
    + (assessment.submitted ? '1' : '0')
    + fixedDigits(assessment.score === null ? NO_SCORE : Math.min(10000, Math.max(0, Math.round(assessment.score * 100))), SCORE_WIDTH);
  const body = [
    STATE_FORMAT_VERSION + DIGITS[salt],
    visited,
    answerEntries(sectionIds(course, false), state.checks, course, salt, textBudget),
    header,
    answerEntries(sectionIds(course, true), assessment.answers, course, salt, textBudget),
  ].join(SECTION);
  return body + SECTION + checksum(body);
}

/** Encode the learner state for cmi.suspend_data. */
export function encodeLearnerState(course: CourseShape, state: LearnerState): string {
  return encodeWithBudget(course, state, fillinTextBudget(course));
}

/** Decode cmi.suspend_data; anything unreadable gives a clean state, never an exception. */
export function decodeLearnerState(course: CourseShape, text: string): LearnerState {
  try {
    return readState(course, text) ?? emptyLearnerState();
  } catch {
    return emptyLearnerState();
  }
}

function readState(course: CourseShape, text: string): LearnerState | undefined {
  if (typeof text !== 'string' || !text.startsWith(STATE_FORMAT_VERSION)) return undefined;
  const end = text.lastIndexOf(SECTION);
  const body = text.slice(0, end);
  if (end < 0 || text.slice(end + 1) !== checksum(body)) return undefined;
  const [head, visited, checks, header, answers, ...extra] = body.split(SECTION);
  if (head?.length !== 2 || visited === undefined || checks === undefined || header === undefined || answers === undefined || extra.length > 0) return undefined;
  const salt = DIGITS.indexOf(head[1]!);
  if (salt < 0 || visited.length % KEY_WIDTH !== 0 || header.length !== ATTEMPT_WIDTH + SEED_WIDTH + 1 + SCORE_WIDTH) return undefined;

  const state = emptyLearnerState();
  const lessonsByKey = idsByKey(course.lessons.map((lesson) => lesson.id), salt);
  for (let index = 0; index < visited.length; index += KEY_WIDTH) {
    const id = lessonsByKey.get(visited.slice(index, index + KEY_WIDTH));
    if (id !== undefined) state.visited.add(id);
  }
  const questionsByKey = idsByKey(Object.keys(course.questions), salt);
  const checkAnswers = readAnswerEntries(checks, sectionIds(course, false), course, questionsByKey);
  const attemptAnswers = readAnswerEntries(answers, sectionIds(course, true), course, questionsByKey);
  if (checkAnswers === undefined || attemptAnswers === undefined) return undefined;
  state.checks = checkAnswers;

  const attempt = readDigits(header.slice(0, ATTEMPT_WIDTH));
  const seed = readDigits(header.slice(ATTEMPT_WIDTH, ATTEMPT_WIDTH + SEED_WIDTH));
  const submitted = header[ATTEMPT_WIDTH + SEED_WIDTH];
  const score = readDigits(header.slice(ATTEMPT_WIDTH + SEED_WIDTH + 1));
  if (attempt === undefined || seed === undefined || score === undefined || (submitted !== '0' && submitted !== '1')) return undefined;
  if (score > 10000 && score !== NO_SCORE) return undefined;
  state.assessment = { attempt, seed, submitted: submitted === '1' && attempt > 0, answers: attemptAnswers, score: score === NO_SCORE ? null : score / 100 };
  return state;
}

// ---- The build-time proof -------------------------------------------------------------------

/** The state with the longest encoding: every lesson visited, every question answered at its longest. */
function worstCaseState(course: CourseShape, textBudget: number): LearnerState {
  const state = emptyLearnerState();
  for (const lesson of course.lessons) state.visited.add(lesson.id);
  for (const lesson of course.lessons) {
    for (const id of lesson.questions) {
      const question = course.questions[id];
      if (question === undefined) continue;
      const candidates = longestAnswerCandidates(question, textBudget);
      const longest = candidates.reduce((best, answer) => ((answerToken(question, answer, textBudget) ?? '').length > (answerToken(question, best, textBudget) ?? '').length ? answer : best));
      (lesson.assessment ? state.assessment.answers : state.checks).set(id, longest);
    }
  }
  state.assessment.attempt = course.attempts > 0 ? course.attempts : MAX_ATTEMPT;
  state.assessment.seed = SEED_LIMIT - 1;
  state.assessment.submitted = true;
  state.assessment.score = 100;
  return state;
}

function longestAnswerCandidates(question: RuntimeQuestion, textBudget: number): Answer[] {
  const options = question.options ?? 0;
  switch (question.type) {
    case 'truefalse':
      return [{ kind: 'truefalse', value: true }];
    case 'fillin': {
      const accepted = question.accepted ?? [];
      const wrong = ['Q', 'Z', 'X', 'J', 'K'].map((letter) => letter.repeat(textBudget + 1)).find((text) => matchedAcceptedIndex(question, text) < 0) ?? 'Q'.repeat(textBudget + 1);
      return [{ kind: 'fillin', text: wrong }, ...accepted.map((text): Answer => ({ kind: 'fillin', text }))];
    }
    case 'single':
      return [{ kind: 'choice', selected: [Math.max(0, options - 1)] }];
    default:
      return [{ kind: 'choice', selected: Array.from({ length: options }, (_, index) => index) }];
  }
}

function fillinCount(course: CourseShape): number {
  return course.lessons.flatMap((lesson) => lesson.questions).filter((id) => course.questions[id]?.type === 'fillin').length;
}

/**
 * Characters of escaped fill-in text kept per question: what the 4096 characters leave once
 * everything else is at its worst, shared among the fill-in questions (at most 255).
 * Build and runtime compute it from the same course data, so they always agree.
 */
export function fillinTextBudget(course: CourseShape): number {
  let budget = textBudgets.get(course);
  if (budget === undefined) {
    budget = computeTextBudget(course);
    textBudgets.set(course, budget);
  }
  return budget;
}

function computeTextBudget(course: CourseShape): number {
  const count = fillinCount(course);
  if (count === 0) return 0;
  const base = encodeWithBudget(course, worstCaseState(course, 0), 0).length;
  return Math.max(0, Math.min(MAX_TEXT_BUDGET, Math.floor((SUSPEND_DATA_LIMIT - base) / count)));
}

/** Length of the longest suspend_data this course can produce. */
export function worstCaseStateLength(course: CourseShape): number {
  const budget = fillinTextBudget(course);
  return encodeWithBudget(course, worstCaseState(course, budget), budget).length;
}
