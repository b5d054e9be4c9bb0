// Reading and showing answers in a question's form (markup from src/markdown/question-to-hast.ts:
// option inputs carry the option index in base 36, true/false inputs "true"/"false", fill-in a
// text input; feedback goes in the hidden .question-feedback).
import type { Answer } from '../logic/learner-state.js';
import type { RuntimeQuestion } from '../../contract/course-data.js';

export function questionForms(root: ParentNode, mode: 'check' | 'assessment'): HTMLFormElement[] {
  return Array.from(root.querySelectorAll<HTMLFormElement>(`form.question[data-question][data-mode="${mode}"]`));
}

export function questionIdOf(form: HTMLFormElement): string {
  return form.dataset.question ?? '';
}

function inputsOf(form: HTMLFormElement): HTMLInputElement[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input'));
}

export function readAnswer(form: HTMLFormElement, question: RuntimeQuestion): Answer | undefined {
  const inputs = inputsOf(form);
  if (question.type === 'fillin') {
    const text = inputs[0]?.value ?? '';
    return text.trim() === '' ? undefined : { kind: 'fillin', text };
  }
  const checked = inputs.filter((input) => input.checked);
  if (question.type === 'truefalse') {
    const value = checked[0]?.value;
    return value === 'true' || value === 'false' ? { kind: 'truefalse', value: value === 'true' } : undefined;
  }
  const selected = checked.map((input) => Number.parseInt(input.value, 36)).filter((index) => Number.isInteger(index)).sort((a, b) => a - b);
  return selected.length === 0 ? undefined : { kind: 'choice', selected };
}

export function writeAnswer(form: HTMLFormElement, answer: Answer | undefined): void {
  for (const input of inputsOf(form)) {
    if (input.type === 'text') input.value = answer?.kind === 'fillin' ? answer.text : '';
    else if (answer?.kind === 'truefalse') input.checked = input.value === String(answer.value);
    else if (answer?.kind === 'choice') input.checked = answer.selected.includes(Number.parseInt(input.value, 36));
    else input.checked = false;
  }
}

export function setLocked(form: HTMLFormElement, locked: boolean): void {
  for (const input of inputsOf(form)) input.disabled = locked;
}

/** The first control of the question, to move focus to it. */
export function firstControl(form: HTMLFormElement): HTMLInputElement | undefined {
  return inputsOf(form)[0];
}

export interface Feedback {
  /** "correct" / "wrong", or undefined for a plain message (e.g. "choose an answer first"). */
  result?: 'correct' | 'wrong';
  verdict: string;
  showExplanation: boolean;
}

export function showFeedback(form: HTMLFormElement, feedback: Feedback): void {
  const box = form.querySelector<HTMLElement>('.question-feedback');
  if (box === null) return;
  const verdict = box.querySelector<HTMLElement>('.question-verdict');
  if (verdict !== null) verdict.textContent = feedback.verdict;
  const explanation = box.querySelector<HTMLElement>('.question-explanation');
  if (explanation !== null) explanation.hidden = !feedback.showExplanation;
  if (feedback.result === undefined) delete box.dataset.result;
  else box.dataset.result = feedback.result;
  box.hidden = false;
}

/** Mark the right options and the wrongly chosen ones (knowledge checks, finished assessments). */
export function markOptions(form: HTMLFormElement, question: RuntimeQuestion, answer: Answer | undefined): void {
  for (const item of Array.from(form.querySelectorAll<HTMLElement>('.question-option'))) {
    const value = item.dataset.option ?? '';
    const right = question.type === 'truefalse' ? value === String(question.answer === true) : (question.correct ?? []).includes(Number.parseInt(value, 36));
    const chosen = answer?.kind === 'truefalse' ? value === String(answer.value) : answer?.kind === 'choice' && answer.selected.includes(Number.parseInt(value, 36));
    if (right) item.dataset.result = 'correct';
    else if (chosen) item.dataset.result = 'wrong';
    else delete item.dataset.result;
  }
}

export function clearOptionMarks(form: HTMLFormElement): void {
  for (const item of Array.from(form.querySelectorAll<HTMLElement>('.question-option'))) delete item.dataset.result;
}

/** The right answer in words: option labels, or the first accepted fill-in answer. */
export function correctAnswerText(form: HTMLFormElement, question: RuntimeQuestion): string {
  if (question.type === 'fillin') return question.accepted?.[0] ?? '';
  const rightValues = question.type === 'truefalse' ? [String(question.answer === true)] : (question.correct ?? []).map((index) => index.toString(36));
  return rightValues
    .map((value) => form.querySelector(`.question-option[data-option="${value}"] label`)?.textContent?.trim() ?? '')
    .filter((label) => label !== '')
    .join('; ');
}
