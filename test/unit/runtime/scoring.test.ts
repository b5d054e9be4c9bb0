// Fill-in matching, right answers and attempt scores.
import { describe, expect, it } from 'vitest';
import { isAnswered, isCorrect, matchedAcceptedIndex, normaliseFillin, scoreAttempt } from '../../../src/runtime/logic/scoring.js';
import type { RuntimeQuestion } from '../../../src/contract/course-data.js';
import type { Answer } from '../../../src/runtime/logic/learner-state.js';

const fillin = (accepted: string[], ignoreAccents = false): RuntimeQuestion => ({ type: 'fillin', lesson: 'l', accepted, ignoreAccents });

describe('fill-in matching', () => {
  it('ignores case and surrounding or repeated white space', () => {
    expect(matchedAcceptedIndex(fillin(['80 Prozent']), '  80   PROZENT ')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['achtzig']), 'Achtzig\n')).toBe(0);
  });

  it('ignores the Unicode normalisation form', () => {
    const composed = 'ογδόντα'.normalize('NFC');
    const decomposed = 'ογδόντα'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    expect(matchedAcceptedIndex(fillin([composed]), decomposed)).toBe(0);
    expect(matchedAcceptedIndex(fillin(['sărea'.normalize('NFD')]), 'sărea'.normalize('NFC'))).toBe(0);
  });

  it('treats accents as significant unless ignoreAccents is set', () => {
    expect(matchedAcceptedIndex(fillin(['sărea']), 'sarea')).toBe(-1);
    expect(matchedAcceptedIndex(fillin(['sărea'], true), 'sarea')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['številke'], true), 'STEVILKE')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['ογδόντα'], true), 'ΟΓΔΟΝΤΑ')).toBe(0);
  });

  it('folds Greek final sigma and German sharp s', () => {
    expect(matchedAcceptedIndex(fillin(['πελάτης']), 'ΠΕΛΆΤΗΣ')).toBe(0);
    expect(normaliseFillin('πελάτησ', false)).toBe(normaliseFillin('πελάτης', false));
    expect(matchedAcceptedIndex(fillin(['Straße']), 'STRASSE')).toBe(0);
  });

  it('ignores punctuation at either end, but not inside the answer', () => {
    expect(matchedAcceptedIndex(fillin(['tuturor']), 'tuturor.')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['80']), '«80»')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['80']), ' „80“ ')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['sarea']), '(sarea)!')).toBe(0);
    expect(matchedAcceptedIndex(fillin(['ογδόντα']), 'ογδόντα;')).toBe(0);
    expect(normaliseFillin('80,5.', false)).toBe('80,5');
    expect(normaliseFillin('e-mail', false)).toBe('e-mail');
    expect(matchedAcceptedIndex(fillin(['80,5']), '805')).toBe(-1);
    expect(matchedAcceptedIndex(fillin(['email']), 'e-mail')).toBe(-1);
  });

  it('keeps an answer that is only punctuation', () => {
    expect(normaliseFillin(' ?! ', false)).toBe('?!');
    expect(matchedAcceptedIndex(fillin(['?']), '?')).toBe(0);
  });

  it('never accepts an empty answer', () => {
    expect(matchedAcceptedIndex(fillin(['']), '   ')).toBe(-1);
    expect(isAnswered({ kind: 'fillin', text: '  ' })).toBe(false);
  });
});

describe('right answers and scores', () => {
  const single: RuntimeQuestion = { type: 'single', lesson: 'l', options: 4, correct: [2] };
  const multiple: RuntimeQuestion = { type: 'multiple', lesson: 'l', options: 5, correct: [0, 1, 4] };
  const truefalse: RuntimeQuestion = { type: 'truefalse', lesson: 'l', answer: false };

  it('needs exactly the right options for multiple choice', () => {
    expect(isCorrect(multiple, { kind: 'choice', selected: [4, 0, 1] })).toBe(true);
    expect(isCorrect(multiple, { kind: 'choice', selected: [0, 1] })).toBe(false);
    expect(isCorrect(multiple, { kind: 'choice', selected: [0, 1, 2, 4] })).toBe(false);
    expect(isCorrect(single, { kind: 'choice', selected: [2] })).toBe(true);
    expect(isCorrect(truefalse, { kind: 'truefalse', value: false })).toBe(true);
    expect(isCorrect(truefalse, { kind: 'truefalse', value: true })).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
  });

  it('scores 0–100 with at most two decimals', () => {
    const questions = { a: single, b: multiple, c: truefalse };
    const answers = new Map<string, Answer>([['a', { kind: 'choice', selected: [2] }], ['c', { kind: 'truefalse', value: true }]]);
    expect(scoreAttempt(['a', 'b', 'c'], questions, answers)).toEqual({ correct: 1, total: 3, score: 33.33 });
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`q${index}`, single]));
    const tenRight = new Map<string, Answer>(Array.from({ length: 10 }, (_, index) => [`q${index}`, { kind: 'choice', selected: [2] }]));
    expect(scoreAttempt(Object.keys(eleven), eleven, tenRight).score).toBe(90.91);
  });
});
