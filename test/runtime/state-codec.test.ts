// The suspend_data codec: compact printable ASCII within 4096 characters, lossless round trips,
// and a clean start (never a crash) for anything it cannot read.
import { describe, expect, it } from 'vitest';
import { decodeLearnerState, encodeLearnerState, fillinTextBudget, STATE_FORMAT_VERSION, SUSPEND_DATA_LIMIT, worstCaseStateLength } from '../../src/runtime/state-codec.js';
import { emptyLearnerState, type Answer, type LearnerState } from '../../src/runtime/learner-state.js';
import { matchedAcceptedIndex } from '../../src/runtime/scoring.js';
import type { RuntimeCourse } from '../../src/render/course-data.js';
import { syntheticCourse } from '../helpers/synthetic-course.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A deterministic generator for reproducible random states. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const SAMPLE_TEXTS = ['80', ' Achtzig ', 'ογδόντα', 'sărea', 'številke', 'I typed this 😀 answer', 'a,b.c*d!e=f_g-h', ''];

function answerFor(course: RuntimeCourse, id: string, random: () => number): Answer {
  const question = course.questions[id]!;
  switch (question.type) {
    case 'truefalse':
      return { kind: 'truefalse', value: random() < 0.5 };
    case 'fillin':
      return { kind: 'fillin', text: SAMPLE_TEXTS[Math.floor(random() * (SAMPLE_TEXTS.length - 1))]! };
    case 'single':
      return { kind: 'choice', selected: [Math.floor(random() * question.options!)] };
    default: {
      const selected = Array.from({ length: question.options! }, (_, index) => index).filter(() => random() < 0.5);
      return { kind: 'choice', selected: selected.length > 0 ? selected : [0] };
    }
  }
}

function randomState(course: RuntimeCourse, random: () => number, everything = false): LearnerState {
  const state = emptyLearnerState();
  for (const lesson of course.lessons) {
    if (everything || random() < 0.7) state.visited.add(lesson.id);
    for (const id of lesson.questions) {
      if (!everything && random() < 0.3) continue;
      (lesson.assessment ? state.assessment.answers : state.checks).set(id, answerFor(course, id, random));
    }
  }
  state.assessment.attempt = 1 + Math.floor(random() * course.attempts);
  state.assessment.seed = Math.floor(random() * 2 ** 24);
  state.assessment.submitted = random() < 0.5;
  state.assessment.score = state.assessment.submitted ? Math.round(random() * 10000) / 100 : null;
  return state;
}

/** Typed text as kept: trimmed and cut where its escaped form (letters, digits, space: 1; others: 4) reaches the budget. */
function keptText(text: string, budget: number): string {
  let used = 0;
  let kept = '';
  for (const char of text.trim()) {
    const size = /^[A-Za-z0-9 ]$/.test(char) ? 1 : 4;
    if (used + size > budget) break;
    used += size;
    kept += char;
  }
  return kept;
}

/** What a round trip must give back: fill-in text trimmed and cut to the budget, or the accepted answer it matched. */
function expectedAfterRoundTrip(course: RuntimeCourse, state: LearnerState): LearnerState {
  const budget = fillinTextBudget(course);
  const normalise = (answers: Map<string, Answer>): Map<string, Answer> => new Map([...answers].flatMap(([id, answer]): Array<[string, Answer]> => {
    if (answer.kind !== 'fillin') return [[id, answer]];
    if (answer.text.trim() === '') return [];
    const accepted = matchedAcceptedIndex(course.questions[id]!, answer.text);
    return [[id, { kind: 'fillin', text: accepted >= 0 ? course.questions[id]!.accepted![accepted]! : keptText(answer.text, budget) }]];
  }));
  return { visited: state.visited, checks: normalise(state.checks), assessment: { ...state.assessment, answers: normalise(state.assessment.answers) } };
}

function comparable(state: LearnerState) {
  const sorted = (answers: Map<string, Answer>) => [...answers].sort(([a], [b]) => a.localeCompare(b));
  return { visited: [...state.visited].sort(), checks: sorted(state.checks), assessment: { ...state.assessment, answers: sorted(state.assessment.answers) } };
}

const LARGE = syntheticCourse({ lessons: 30, questionsPerLesson: 9, assessmentQuestions: 40 });

describe('state codec: the 4096-character budget', () => {
  it('fits a synthetic worst case of 310 questions, every lesson visited and every question answered', () => {
    expect(Object.keys(LARGE.questions)).toHaveLength(310);
    const worst = worstCaseStateLength(LARGE);
    expect(worst).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    // The fill-in questions share what the rest leaves over, so texts are kept, not just verdicts.
    expect(fillinTextBudget(LARGE)).toBeGreaterThanOrEqual(8);

    const everything = randomState(LARGE, randomSource(7), true);
    everything.assessment.attempt = LARGE.attempts;
    const encoded = encodeLearnerState(LARGE, everything);
    expect(encoded.length).toBeLessThanOrEqual(worst);
    expect(encoded).toMatch(PRINTABLE_ASCII);
  });

  it('never encodes beyond the worst case, whatever the answers (1000 random states)', () => {
    const worst = worstCaseStateLength(LARGE);
    const random = randomSource(42);
    for (let run = 0; run < 1000; run++) {
      const encoded = encodeLearnerState(LARGE, randomState(LARGE, random, run % 2 === 0));
      expect(encoded.length).toBeLessThanOrEqual(worst);
      expect(encoded).toMatch(PRINTABLE_ASCII);
    }
  });

  it('keeps even a 255-character answer within the budget by cutting it', () => {
    const course = syntheticCourse({ lessons: 1, questionsPerLesson: 4, assessmentQuestions: 0 });
    const state = emptyLearnerState();
    state.checks.set('lesson-01-question-4', { kind: 'fillin', text: 'ж'.repeat(255) });
    const encoded = encodeLearnerState(course, state);
    expect(encoded.length).toBeLessThanOrEqual(worstCaseStateLength(course));
    const text = (decodeLearnerState(course, encoded).checks.get('lesson-01-question-4') as { text: string }).text;
    expect('ж'.repeat(255).startsWith(text)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
  });

  it('grows with the course, so an over-large course is caught', () => {
    const small = worstCaseStateLength(syntheticCourse({ lessons: 5, questionsPerLesson: 4, assessmentQuestions: 10 }));
    const huge = worstCaseStateLength(syntheticCourse({ lessons: 60, questionsPerLesson: 12, assessmentQuestions: 100 }));
    expect(small).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(huge).toBeGreaterThan(SUSPEND_DATA_LIMIT);
  });
});

describe('state codec: round trips', () => {
  it('gives back what it was given (500 random states)', () => {
    const random = randomSource(1);
    for (let run = 0; run < 500; run++) {
      const state = randomState(LARGE, random);
      const decoded = decodeLearnerState(LARGE, encodeLearnerState(LARGE, state));
      expect(comparable(decoded)).toEqual(comparable(expectedAfterRoundTrip(LARGE, state)));
    }
  });

  it('keeps non-ASCII fill-in text and accepted answers', () => {
    const course = syntheticCourse({ lessons: 1, questionsPerLesson: 8, assessmentQuestions: 0 });
    const state = emptyLearnerState();
    state.checks.set('lesson-01-question-4', { kind: 'fillin', text: 'Ογδόντα' });
    state.checks.set('lesson-01-question-8', { kind: 'fillin', text: 'sărea, 😀 ok' });
    const decoded = decodeLearnerState(course, encodeLearnerState(course, state));
    expect(decoded.checks.get('lesson-01-question-4')).toEqual({ kind: 'fillin', text: 'ογδόντα' });
    expect(decoded.checks.get('lesson-01-question-8')).toEqual({ kind: 'fillin', text: 'sărea, 😀 ok' });
  });

  it('is deterministic, so an unchanged state is not sent again', () => {
    const state = randomState(LARGE, randomSource(3));
    expect(encodeLearnerState(LARGE, state)).toBe(encodeLearnerState(LARGE, decodeLearnerState(LARGE, encodeLearnerState(LARGE, state))));
  });

  it('keeps the answers of questions that survive a course edit (ids, not positions)', () => {
    const before = syntheticCourse({ lessons: 3, questionsPerLesson: 4, assessmentQuestions: 4 });
    const state = randomState(before, randomSource(9), true);
    const encoded = encodeLearnerState(before, state);
    const after: RuntimeCourse = structuredClone(before);
    // A new first lesson, and the second question of lesson 2 removed.
    after.lessons.unshift({ id: 'welcome', title: 'Welcome', script: '', page: '', assessment: false, questions: [] });
    after.lessons[2]!.questions = after.lessons[2]!.questions.filter((id) => id !== 'lesson-02-question-2');
    delete after.questions['lesson-02-question-2'];
    const decoded = decodeLearnerState(after, encoded);
    expect(decoded.visited.has('welcome')).toBe(false);
    expect(decoded.visited.has('lesson-03')).toBe(true);
    expect(decoded.checks.has('lesson-02-question-2')).toBe(false);
    expect(decoded.checks.get('lesson-03-question-1')).toEqual(expectedAfterRoundTrip(before, state).checks.get('lesson-03-question-1'));
    expect(decoded.assessment.seed).toBe(state.assessment.seed);
  });
});

describe('state codec: unreadable input gives a clean state', () => {
  const clean = comparable(emptyLearnerState());
  const course = syntheticCourse({ lessons: 4, questionsPerLesson: 3, assessmentQuestions: 5 });
  const valid = encodeLearnerState(course, randomState(course, randomSource(5), true));

  it.each([
    ['empty', ''],
    ['an older version', `0${valid.slice(1)}`],
    ['a newer version', `2${valid.slice(1)}`],
    ['truncated by an LMS', valid.slice(0, valid.length - 7)],
    ['another runtime\'s data', '{"lesson":3,"answers":[1,2]}'],
    ['LMS noise', 'null'],
    ['non-ASCII garbage', 'ΩΩΩ\u0000\uffff'],
  ])('%s', (_label, text) => {
    expect(comparable(decodeLearnerState(course, text))).toEqual(clean);
  });

  it('detects any single changed character', () => {
    for (let index = 0; index < valid.length; index++) {
      const replacement = valid[index] === 'A' ? 'B' : 'A';
      const corrupted = valid.slice(0, index) + replacement + valid.slice(index + 1);
      const decoded = decodeLearnerState(course, corrupted);
      expect(comparable(decoded), `changed at ${index}`).toEqual(clean);
    }
  });

  it('never throws on random input', () => {
    const random = randomSource(11);
    for (let run = 0; run < 2000; run++) {
      const length = Math.floor(random() * 80);
      const text = STATE_FORMAT_VERSION + Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
      expect(() => decodeLearnerState(course, text)).not.toThrow();
    }
  });
});
