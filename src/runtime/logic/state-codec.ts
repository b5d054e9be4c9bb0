// suspend_data codec: the learner state as compact printable ASCII. Part of it is GUARANTEED and
// proven at build time to fit the 4096 characters SCORM 1.2 guarantees; knowledge-check answers
// are BEST EFFORT and fill the space that is left. The build imports it under Node.
//
// Format, version 2 ("." between sections, "," between entries):
//   "2" salt . opened . completed . assessment-header . assessment-answers . checks . checksum
// Everything before `checks` is guaranteed; `checks` holds what fits of the rest.
// - salt: two digits that make the 3-digit keys of this course's ids unique where they must be.
// - opened: keys of lessons opened but not complete (and of the assessment lesson once opened).
// - completed: keys of ordinary lessons opened with every knowledge check done. Stored rather
//   than derived from the answers, so that a dropped answer never takes a completion back.
// - assessment-header: attempt (2 digits), shuffle seed (4), submitted (0|1), score in hundredths (3).
// - assessment-answers / checks: key + answer token per answered question.
//   choice: bit mask of the selected options; true/false: t|f; fill-in: "=" + index of the
//   accepted answer matched, or "*" + the typed text escaped and cut to the course's text budget.
//   A check whose key another check of the course shares is written "~" + lesson key + key +
//   token: resolved within its lesson, it stays readable in courses with thousands of checks.
// - checksum: 2 digits over everything before it.
// Digits are base 64 over A–Z a–z 0–9 - _. Keys are hashes of the stable author-given ids, so a
// course edit (lessons moved, questions added) keeps the progress and answers of what remains.
// Anything unreadable (another version, corrupt or truncated data) decodes to a clean state.
import { emptyLearnerState, SEED_LIMIT, type Answer, type AssessmentState, type LearnerState } from './learner-state.js';
import { fnv1a } from './string-hash.js';
import { isAnswered, matchedAcceptedIndex } from './scoring.js';
import { knowledgeChecksDone } from './course-progress.js';
import type { RuntimeQuestion } from '../../contract/course-data.js';
import { knowledgeCheckIds, type CourseShape, type ShapeLesson } from './course-shape.js';
import { SUSPEND_DATA_LIMIT } from '../../scorm12/limits.js';

export const STATE_FORMAT_VERSION = '2';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE = 64;
const SECTION = '.';
const ENTRY = ',';
const KEY_WIDTH = 3;
const KEY_SPACE = BASE ** KEY_WIDTH;
/** Two digits: 4096 salts, so even a course with a thousand lessons finds collision-free lesson keys. */
const SALT_WIDTH = 2;
const SALT_SPACE = BASE ** SALT_WIDTH;
const ATTEMPT_WIDTH = 2;
const SEED_WIDTH = 4;
const SCORE_WIDTH = 3;
const HEADER_WIDTH = ATTEMPT_WIDTH + SEED_WIDTH + 1 + SCORE_WIDTH;
const CHECKSUM_WIDTH = 2;
const MAX_ATTEMPT = BASE ** ATTEMPT_WIDTH - 1;
const NO_SCORE = BASE ** SCORE_WIDTH - 1;
const ACCEPTED_MARK = '=';
const TEXT_MARK = '*';
const TEXT_SPACE = '_';
const TEXT_ESCAPE = '!';
const ESCAPE_WIDTH = 3;
/** Starts a check entry that names its lesson: "~" + lesson key + question key + token. */
const QUALIFIED_MARK = '~';
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

/** Whether no two of `ids` share a key under `salt` (stops at the first shared key). */
function keysAreUnique(ids: ReadonlySet<string>, salt: number): boolean {
  const keys = new Set<string>();
  for (const id of ids) {
    const key = keyOf(id, salt);
    if (keys.has(key)) return false;
    keys.add(key);
  }
  return true;
}

/**
 * Whether some salt can plausibly give `count` ids distinct keys: with n ids in KEY_SPACE keys,
 * about n²/2·KEY_SPACE pairs collide, and the chance that one salt has none is e to minus that.
 * Past 20 expected collisions not one of the 4096 salts can be expected to work (a chance under
 * 1 in 100,000), so trying them all would only cost time — seconds for a lesson of 5,000 checks.
 */
function uniqueKeysPlausible(count: number): boolean {
  return (count * (count - 1)) / 2 / KEY_SPACE <= MAX_EXPECTED_COLLISIONS;
}

const MAX_EXPECTED_COLLISIONS = 20;

function assessmentQuestionIds(course: CourseShape): string[] {
  return course.lessons.filter((lesson) => lesson.assessment).flatMap((lesson) => [...lesson.questions]);
}

// ---- Keys ------------------------------------------------------------------------------------

/** How this course's ids are written: the salt, and every id's key under it. */
interface KeyPlan {
  salt: number;
  keys: ReadonlyMap<string, string>;
  /** Keys that several knowledge checks share: those checks are written with their lesson's key. */
  sharedCheckKeys: ReadonlySet<string>;
}

const plans = new WeakMap<CourseShape, KeyPlan>();
const textBudgets = new WeakMap<CourseShape, number>();

function keyPlan(course: CourseShape): KeyPlan {
  let plan = plans.get(course);
  if (plan === undefined) {
    plan = makeKeyPlan(course, findSalt(course));
    plans.set(course, plan);
  }
  return plan;
}

/**
 * The smallest salt under which no key is ambiguous where it must not be: among the lessons and
 * among the assessment questions (both guaranteed), and among the questions of each lesson (how a
 * check with a shared key is found). Checks of different lessons may share keys: with thousands
 * of checks, 3-digit keys cannot all differ. If no salt works (practically impossible for a
 * course whose lessons fit 4096 characters), salt 0 leaves the ambiguous ids unreadable.
 */
function findSalt(course: CourseShape): number {
  const groups = [
    course.lessons.map((lesson) => lesson.id),
    assessmentQuestionIds(course),
    ...course.lessons.filter((lesson) => !lesson.assessment).map((lesson) => lesson.questions),
  ]
    .map((ids) => new Set(ids))
    // A lesson with so many checks that no salt can keep their keys apart is left out of the
    // search (its checks with shared keys are unreadable under any salt), so that the lessons and
    // the assessment still get distinct keys. The largest group goes first: it rules out most.
    .filter((ids) => uniqueKeysPlausible(ids.size))
    .sort((a, b) => b.size - a.size);
  for (let salt = 0; salt < SALT_SPACE; salt++) {
    if (groups.every((ids) => keysAreUnique(ids, salt))) return salt;
  }
  return 0;
}

function makeKeyPlan(course: CourseShape, salt: number): KeyPlan {
  const keys = new Map<string, string>();
  for (const lesson of course.lessons) {
    keys.set(lesson.id, keyOf(lesson.id, salt));
    for (const id of lesson.questions) keys.set(id, keyOf(id, salt));
  }
  const seen = new Set<string>();
  const sharedCheckKeys = new Set<string>();
  for (const id of new Set(knowledgeCheckIds(course))) {
    const key = keys.get(id) ?? keyOf(id, salt);
    if (seen.has(key)) sharedCheckKeys.add(key);
    seen.add(key);
  }
  return { salt, keys, sharedCheckKeys };
}

function keyIn(plan: KeyPlan, id: string): string {
  return plan.keys.get(id) ?? keyOf(id, plan.salt);
}

/** Key → id for the given salt; keys shared by several ids are left out (their data is dropped). */
function idsByKey(ids: readonly string[], salt: number): Map<string, string> {
  const found = new Map<string, string | null>();
  for (const id of new Set(ids)) {
    const key = keyOf(id, salt);
    found.set(key, found.has(key) ? null : id);
  }
  const result = new Map<string, string>();
  for (const [key, id] of found) if (id !== null) result.set(key, id);
  return result;
}

// ---- Answers ---------------------------------------------------------------------------------

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

/** The token of the learner's answer to question `id`, or undefined when there is nothing to keep. */
function tokenFor(course: CourseShape, id: string, answer: Answer | undefined, textBudget: number): string | undefined {
  const question = course.questions[id];
  if (question === undefined || answer === undefined || !isAnswered(answer)) return undefined;
  return answerToken(question, answer, textBudget);
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

// ---- Encoding --------------------------------------------------------------------------------

/** One answered knowledge check as written, and the index of its lesson (for ranking). */
interface CheckEntry {
  lessonIndex: number;
  text: string;
}

/** A state split into what is always kept and the knowledge checks that are kept as space allows. */
interface Encoding {
  /** The guaranteed sections, joined: head . opened . completed . assessment-header . assessment-answers */
  guaranteed: string;
  /** Every answered knowledge check, in course order. */
  checks: CheckEntry[];
}

function progressSections(course: CourseShape, state: LearnerState, plan: KeyPlan): [opened: string, completed: string] {
  let opened = '';
  let completed = '';
  for (const lesson of course.lessons) {
    if (!state.visited.has(lesson.id)) continue;
    if (!lesson.assessment && knowledgeChecksDone(lesson, state)) completed += keyIn(plan, lesson.id);
    else opened += keyIn(plan, lesson.id);
  }
  return [opened, completed];
}

function assessmentHeader(assessment: AssessmentState): string {
  return fixedDigits(Math.min(Math.max(0, Math.floor(assessment.attempt)), MAX_ATTEMPT), ATTEMPT_WIDTH)
    + fixedDigits(Math.abs(Math.floor(assessment.seed)) % SEED_LIMIT, SEED_WIDTH)
    + (assessment.submitted ? '1' : '0')
    + fixedDigits(assessment.score === null ? NO_SCORE : Math.min(10000, Math.max(0, Math.round(assessment.score * 100))), SCORE_WIDTH);
}

function assessmentEntries(course: CourseShape, answers: ReadonlyMap<string, Answer>, plan: KeyPlan, textBudget: number): string {
  const entries: string[] = [];
  for (const id of assessmentQuestionIds(course)) {
    const token = tokenFor(course, id, answers.get(id), textBudget);
    if (token !== undefined) entries.push(keyIn(plan, id) + token);
  }
  return entries.join(ENTRY);
}

function checkEntries(course: CourseShape, checks: ReadonlyMap<string, Answer>, plan: KeyPlan, textBudget: number): CheckEntry[] {
  const entries: CheckEntry[] = [];
  course.lessons.forEach((lesson, lessonIndex) => {
    if (lesson.assessment) return;
    for (const id of lesson.questions) {
      const token = tokenFor(course, id, checks.get(id), textBudget);
      if (token === undefined) continue;
      const key = keyIn(plan, id);
      const text = plan.sharedCheckKeys.has(key) ? QUALIFIED_MARK + keyIn(plan, lesson.id) + key + token : key + token;
      entries.push({ lessonIndex, text });
    }
  });
  return entries;
}

function encodeParts(course: CourseShape, state: LearnerState, textBudget: number): Encoding {
  const plan = keyPlan(course);
  const guaranteed = [
    STATE_FORMAT_VERSION + fixedDigits(plan.salt, SALT_WIDTH),
    ...progressSections(course, state, plan),
    assessmentHeader(state.assessment),
    assessmentEntries(course, state.assessment.answers, plan, textBudget),
  ].join(SECTION);
  return { guaranteed, checks: checkEntries(course, state.checks, plan, textBudget) };
}

function assemble(guaranteed: string, checks: readonly string[]): string {
  const body = guaranteed + SECTION + checks.join(ENTRY);
  return body + SECTION + checksum(body);
}

/** Index of the lesson the learner is at: the bookmark, else the furthest lesson opened, else the first. */
function focusIndex(course: CourseShape, state: LearnerState, location: string | undefined): number {
  const bookmarked = course.lessons.findIndex((lesson) => lesson.id === location);
  if (bookmarked >= 0) return bookmarked;
  // The results screen (or no bookmark yet): the learner is as far as they have gone.
  for (let index = course.lessons.length - 1; index >= 0; index--) if (state.visited.has(course.lessons[index]!.id)) return index;
  return 0;
}

/**
 * The check entries that fit beside the guaranteed part, most relevant first; written back in
 * course order, so that where the learner is does not change the text while everything fits.
 *
 * Relevance is the distance of the check's lesson from the learner's lesson, not how recently it
 * was answered: resume opens at the bookmark, so that lesson and its neighbours (previous, next)
 * are what the learner sees again first. It also costs nothing to store, whereas an answer order
 * would take characters of its own; and for a learner who goes through the course in order the
 * two rankings keep the same answers. At equal distance the earlier lesson goes first, since
 * learners have usually answered behind them rather than ahead. The selection stops at the first
 * entry that does not fit, so what is kept is always the nearest checks, never a scattered few.
 */
function keptChecks(encoding: Encoding, focus: number, limit: number): string[] {
  const room = limit - assemble(encoding.guaranteed, []).length;
  const ranked = encoding.checks.map((entry, order) => ({ entry, order })).sort((a, b) => {
    const distance = Math.abs(a.entry.lessonIndex - focus) - Math.abs(b.entry.lessonIndex - focus);
    return distance !== 0 ? distance : a.entry.lessonIndex - b.entry.lessonIndex || a.order - b.order;
  });
  const kept = new Set<number>();
  let used = 0;
  for (const { entry, order } of ranked) {
    const cost = entry.text.length + (kept.size > 0 ? ENTRY.length : 0);
    if (used + cost > room) break;
    used += cost;
    kept.add(order);
  }
  return encoding.checks.filter((_, order) => kept.has(order)).map((entry) => entry.text);
}

/**
 * Encode the learner state for cmi.suspend_data: the guaranteed part whole, then the knowledge
 * checks nearest `location` (the bookmark: a lesson id, the results screen or "") that still fit
 * `limit` characters — SCORM 1.2's 4096, or less for an LMS found to keep less.
 */
export function encodeLearnerState(course: CourseShape, state: LearnerState, location?: string, limit = SUSPEND_DATA_LIMIT): string {
  const encoding = encodeParts(course, state, fillinTextBudget(course));
  return assemble(encoding.guaranteed, keptChecks(encoding, focusIndex(course, state, location), limit));
}

// ---- Decoding --------------------------------------------------------------------------------

/** Decode cmi.suspend_data; anything unreadable gives a clean state, never an exception. */
export function decodeLearnerState(course: CourseShape, text: string): LearnerState {
  return readLearnerState(course, text) ?? emptyLearnerState();
}

/** Decode cmi.suspend_data, or undefined when it is not a state of this format (corrupt, cut short, another version). */
export function readLearnerState(course: CourseShape, text: string): LearnerState | undefined {
  try {
    return readState(course, text);
  } catch {
    return undefined;
  }
}

/** Key → lesson or question id of the course as it is now, under the salt the state was written with. */
interface KeyTables {
  salt: number;
  lessons: ReadonlyMap<string, ShapeLesson>;
  assessment: ReadonlyMap<string, string>;
  checks: ReadonlyMap<string, string>;
}

const tableCache = new WeakMap<CourseShape, KeyTables>();

/** The tables for `salt`, built once per course (a course with thousands of ids takes a few ms). */
function keyTables(course: CourseShape, salt: number): KeyTables {
  let tables = tableCache.get(course);
  if (tables === undefined || tables.salt !== salt) {
    tables = buildKeyTables(course, salt);
    tableCache.set(course, tables);
  }
  return tables;
}

function buildKeyTables(course: CourseShape, salt: number): KeyTables {
  const lessonById = new Map(course.lessons.map((lesson) => [lesson.id, lesson]));
  const lessons = new Map<string, ShapeLesson>();
  for (const [key, id] of idsByKey([...lessonById.keys()], salt)) lessons.set(key, lessonById.get(id)!);
  return { salt, lessons, assessment: idsByKey(assessmentQuestionIds(course), salt), checks: idsByKey(knowledgeCheckIds(course), salt) };
}

/** An entry split into the question it names (undefined: not in the course any more) and its token. */
interface ReadEntry {
  id: string | undefined;
  token: string;
}

/** undefined when the entry is malformed (the whole state is then refused). */
function readAssessmentEntry(entry: string, tables: KeyTables): ReadEntry | undefined {
  if (entry.length <= KEY_WIDTH) return undefined;
  return { id: tables.assessment.get(entry.slice(0, KEY_WIDTH)), token: entry.slice(KEY_WIDTH) };
}

function readCheckEntry(entry: string, tables: KeyTables): ReadEntry | undefined {
  if (!entry.startsWith(QUALIFIED_MARK)) {
    if (entry.length <= KEY_WIDTH) return undefined;
    return { id: tables.checks.get(entry.slice(0, KEY_WIDTH)), token: entry.slice(KEY_WIDTH) };
  }
  const start = QUALIFIED_MARK.length;
  if (entry.length <= start + 2 * KEY_WIDTH) return undefined;
  const lesson = tables.lessons.get(entry.slice(start, start + KEY_WIDTH));
  const id = lesson === undefined || lesson.assessment ? undefined : idsByKey(lesson.questions, tables.salt).get(entry.slice(start + KEY_WIDTH, start + 2 * KEY_WIDTH));
  return { id, token: entry.slice(start + 2 * KEY_WIDTH) };
}

function readAnswerEntries(section: string, course: CourseShape, read: (entry: string) => ReadEntry | undefined): Map<string, Answer> | undefined {
  const answers = new Map<string, Answer>();
  if (section === '') return answers;
  for (const entry of section.split(ENTRY)) {
    const parsed = read(entry);
    if (parsed === undefined) return undefined;
    const question = parsed.id === undefined ? undefined : course.questions[parsed.id];
    if (parsed.id === undefined || question === undefined) continue;
    const answer = readAnswer(question, parsed.token);
    if (answer !== undefined) answers.set(parsed.id, answer);
  }
  return answers;
}

/** Adds the lessons of a progress section to the state; false when the section is malformed. */
function readProgress(section: string, tables: KeyTables, state: LearnerState, complete: boolean): boolean {
  if (section.length % KEY_WIDTH !== 0) return false;
  for (let index = 0; index < section.length; index += KEY_WIDTH) {
    const lesson = tables.lessons.get(section.slice(index, index + KEY_WIDTH));
    if (lesson === undefined) continue;
    state.visited.add(lesson.id);
    if (complete && !lesson.assessment) state.completed.add(lesson.id);
  }
  return true;
}

function readAssessment(header: string, answers: Map<string, Answer>): AssessmentState | undefined {
  if (header.length !== HEADER_WIDTH) return undefined;
  const attempt = readDigits(header.slice(0, ATTEMPT_WIDTH));
  const seed = readDigits(header.slice(ATTEMPT_WIDTH, ATTEMPT_WIDTH + SEED_WIDTH));
  const submitted = header[ATTEMPT_WIDTH + SEED_WIDTH];
  const score = readDigits(header.slice(ATTEMPT_WIDTH + SEED_WIDTH + 1));
  if (attempt === undefined || seed === undefined || score === undefined || (submitted !== '0' && submitted !== '1')) return undefined;
  if (score > 10000 && score !== NO_SCORE) return undefined;
  return { attempt, seed, submitted: submitted === '1' && attempt > 0, answers, score: score === NO_SCORE ? null : score / 100 };
}

function readState(course: CourseShape, text: string): LearnerState | undefined {
  if (typeof text !== 'string' || !text.startsWith(STATE_FORMAT_VERSION)) return undefined;
  const end = text.lastIndexOf(SECTION);
  const body = text.slice(0, end);
  if (end < 0 || text.slice(end + 1) !== checksum(body)) return undefined;
  const [head, opened, completed, header, answers, checks, ...extra] = body.split(SECTION);
  if (head?.length !== STATE_FORMAT_VERSION.length + SALT_WIDTH || opened === undefined || completed === undefined || header === undefined || answers === undefined || checks === undefined || extra.length > 0) return undefined;
  const salt = readDigits(head.slice(STATE_FORMAT_VERSION.length));
  if (salt === undefined) return undefined;

  const tables = keyTables(course, salt);
  const state = emptyLearnerState();
  if (!readProgress(opened, tables, state, false) || !readProgress(completed, tables, state, true)) return undefined;
  const attemptAnswers = readAnswerEntries(answers, course, (entry) => readAssessmentEntry(entry, tables));
  const checkAnswers = readAnswerEntries(checks, course, (entry) => readCheckEntry(entry, tables));
  if (attemptAnswers === undefined || checkAnswers === undefined) return undefined;
  const assessment = readAssessment(header, attemptAnswers);
  if (assessment === undefined) return undefined;
  state.checks = checkAnswers;
  state.assessment = assessment;
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

/** Lengths of the worst case: its guaranteed part alone, and with every knowledge check too. */
function worstCaseLengths(course: CourseShape, textBudget: number): { guaranteed: number; everything: number } {
  const worst = encodeParts(course, worstCaseState(course, textBudget), textBudget);
  return {
    guaranteed: assemble(worst.guaranteed, []).length,
    everything: assemble(worst.guaranteed, worst.checks.map((entry) => entry.text)).length,
  };
}

/**
 * Characters of escaped fill-in text kept per question (at most 255), the same for knowledge
 * checks and assessment: what the 4096 characters leave once everything else is at its worst,
 * shared among all fill-in questions. "Everything else" is every answer when all of them fit
 * (so none is ever dropped), otherwise the guaranteed part alone (so it always fits, and the
 * checks take what is left). Build and runtime compute it from the same course data, so they agree.
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
  const { guaranteed, everything } = worstCaseLengths(course, 0);
  const base = everything <= SUSPEND_DATA_LIMIT ? everything : guaranteed;
  return Math.max(0, Math.min(MAX_TEXT_BUDGET, Math.floor((SUSPEND_DATA_LIMIT - base) / count)));
}

/**
 * Length of the longest GUARANTEED part this course can produce (every lesson visited, the last
 * attempt with every assessment question answered at its longest): the build-time proof. At most
 * 4096 means resume always keeps lesson progress and the whole assessment.
 */
export function worstCaseStateLength(course: CourseShape): number {
  return worstCaseLengths(course, fillinTextBudget(course)).guaranteed;
}

/**
 * Length of the longest suspend_data if every knowledge check were kept as well. At most 4096
 * means no answer is ever dropped; above, the checks furthest from the learner are.
 */
export function worstCaseFullStateLength(course: CourseShape): number {
  return worstCaseLengths(course, fillinTextBudget(course)).everything;
}
