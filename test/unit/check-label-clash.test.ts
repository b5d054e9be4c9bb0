// The true/false label check: labels that read like the feedback words are found, others are not.
// (The fixture test/fixtures/checks/truefalse-label-clash shows the warning on a course strings file.)
import { describe, expect, it } from 'vitest';
import { labelClashes } from '../../src/check/label-clash.js';

const strings = (labels: [string, string], feedback: [string, string]) => ({
  'question.true': labels[0],
  'question.false': labels[1],
  'question.correct': feedback[0],
  'question.incorrect': feedback[1],
});

describe('true/false labels against feedback words', () => {
  it('finds a label equal to a feedback word, ignoring case and punctuation', () => {
    expect(labelClashes(strings(['Richtig', 'Falsch'], ['Richtig!', 'Nicht ganz.']))).toEqual([{ label: 'question.true', feedback: 'question.correct' }]);
    expect(labelClashes(strings(['True', 'Wrong'], ['Right!', 'wrong.']))).toEqual([{ label: 'question.false', feedback: 'question.incorrect' }]);
  });

  it('finds an inflected form of the same word (Σωστό / Σωστά!)', () => {
    expect(labelClashes(strings(['Σωστό', 'Λάθος'], ['Σωστά!', 'Όχι ακριβώς.']))).toEqual([{ label: 'question.true', feedback: 'question.correct' }]);
  });

  it('accepts labels that state a fact about the statement', () => {
    expect(labelClashes(strings(['Trifft zu', 'Trifft nicht zu'], ['Richtig!', 'Nicht ganz.']))).toEqual([]);
    expect(labelClashes(strings(['Ισχύει', 'Δεν ισχύει'], ['Σωστά!', 'Όχι ακριβώς.']))).toEqual([]);
    expect(labelClashes(strings(['Benar', 'Salah'], ['Betul!', 'Kurang tepat.']))).toEqual([]);
    expect(labelClashes(strings(['Drži', 'Ne drži'], ['Pravilno!', 'Ni povsem pravilno.']))).toEqual([]);
  });

  it('does not take short different words for one another', () => {
    expect(labelClashes(strings(['Oui', 'Non'], ['Ouf', 'Nos']))).toEqual([]);
  });
});
