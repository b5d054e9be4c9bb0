// Whether an answer is right, and the score of an assessment attempt.
import type { Answer } from './learner-state.js';
import type { RuntimeQuestion } from '../../contract/course-data.js';

/** Punctuation and white space at either end of an answer: `tuturor.`, `«80»`, `(80)`. */
const SURROUNDING_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/**
 * Fill-in matching ignores case, surrounding and repeated white space, punctuation at either end
 * (inner punctuation such as `80,5` or `e-mail` counts) and the Unicode normalisation form; with
 * `ignoreAccents` also diacritics (é = e, ά = α). An answer made only of punctuation is kept as it is.
 */
export function normaliseFillin(text: string, ignoreAccents: boolean): string {
  const trimmed = text.normalize('NFC').trim();
  const stripped = trimmed.replace(SURROUNDING_PUNCTUATION, '');
  // Upper then lower case folds ß/SS and final/medial sigma the same way for both sides.
  let folded = (stripped === '' ? trimmed : stripped).replace(/\s+/g, ' ').toUpperCase().toLowerCase().replace(/ς/g, 'σ');
  if (ignoreAccents) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return folded.normalize('NFC');
}

/** Index of the accepted answer that `text` matches, or -1. */
export function matchedAcceptedIndex(question: RuntimeQuestion, text: string): number {
  const ignoreAccents = question.ignoreAccents === true;
  const typed = normaliseFillin(text, ignoreAccents);
  if (typed === '') return -1;
  return (question.accepted ?? []).findIndex((accepted) => normaliseFillin(accepted, ignoreAccents) === typed);
}

export function isCorrect(question: RuntimeQuestion, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  switch (question.type) {
    case 'truefalse':
      return answer.kind === 'truefalse' && answer.value === (question.answer === true);
    case 'fillin':
      return answer.kind === 'fillin' && matchedAcceptedIndex(question, answer.text) >= 0;
    default:
      return answer.kind === 'choice' && [...answer.selected].sort((a, b) => a - b).join() === (question.correct ?? []).join();
  }
}

/** Whether the learner has given something to score (an empty text or no option does not count). */
export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (answer.kind === 'choice') return answer.selected.length > 0;
  if (answer.kind === 'fillin') return answer.text.trim() !== '';
  return true;
}

export interface AttemptScore {
  correct: number;
  total: number;
  /** 0–100 with at most two decimals. */
  score: number;
}

export function scoreAttempt(questionIds: readonly string[], questions: Readonly<Record<string, RuntimeQuestion>>, answers: ReadonlyMap<string, Answer>): AttemptScore {
  const total = questionIds.length;
  const correct = questionIds.filter((id) => {
    const question = questions[id];
    return question !== undefined && isCorrect(question, answers.get(id));
  }).length;
  return { correct, total, score: total === 0 ? 0 : Math.round((correct / total) * 10000) / 100 };
}

export function hasPassed(score: number | null, passMark: number): boolean {
  return score !== null && score >= passMark;
}
