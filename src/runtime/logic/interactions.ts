// cmi.interactions.n.* for assessment answers, in SCORM 1.2 formats (SCORM 2004's are in
// runtime/lms/scorm2004-cmi.ts), from the answers as submitted.
import type { Answer } from './learner-state.js';
import type { RuntimeQuestion } from '../../contract/course-data.js';
import { isCorrect } from './scoring.js';
import { TEXT_LIMIT } from '../../scorm12/limits.js';
import { formatTimeOfDay, formatTimespan } from '../../scorm12/timespan.js';
import type { InteractionTypeWord } from '../../scorm12/vocabulary.js';

/** The interaction types the course writes (of the SCORM 1.2 vocabulary). */
export type InteractionType = Extract<InteractionTypeWord, 'choice' | 'true-false' | 'fill-in'>;

export interface Interaction {
  id: string;
  type: InteractionType;
  studentResponse: string;
  /** cmi.interactions.n.correct_responses.m.pattern: every accepted answer of a fill-in, else one. */
  correctPatterns: string[];
  result: 'correct' | 'wrong';
  /** CMITimespan. */
  latency: string;
  /** CMITime. */
  time: string;
}

/** An assessment answer as the learner submitted it, before a SCORM version writes it as an interaction. */
export interface AnsweredQuestion {
  id: string;
  question: RuntimeQuestion;
  answer: Answer | undefined;
  /** From showing the assessment to the last change of this answer. */
  latencyMs: number;
  answeredAt: Date;
}

function interactionType(question: RuntimeQuestion): InteractionType {
  return question.type === 'truefalse' ? 'true-false' : question.type === 'fillin' ? 'fill-in' : 'choice';
}

/** Choice responses: single characters [0-9a-z] (option index in base 36), comma-separated. */
function choiceResponse(indices: readonly number[]): string {
  return [...indices].sort((a, b) => a - b).map((index) => index.toString(36)).join(',');
}

/** Cut to 255 UTF-16 code units without splitting a surrogate pair. */
function limitText(text: string): string {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > TEXT_LIMIT) break;
    result += char;
  }
  return result;
}

function response(question: RuntimeQuestion, answer: Answer | undefined): string {
  if (answer === undefined) return '';
  if (answer.kind === 'truefalse') return answer.value ? 't' : 'f';
  if (answer.kind === 'fillin') return limitText(answer.text.trim().replace(/\s+/g, ' '));
  return choiceResponse(answer.selected.filter((index) => index < 36 && index < (question.options ?? 0)));
}

function correctPatterns(question: RuntimeQuestion): string[] {
  if (question.type === 'truefalse') return [question.answer === true ? 't' : 'f'];
  if (question.type === 'fillin') return [...new Set((question.accepted ?? []).map(limitText))];
  return [choiceResponse(question.correct ?? [])];
}

export function interactionFor(id: string, question: RuntimeQuestion, answer: Answer | undefined, latencyMs: number, answeredAt: Date): Interaction {
  return {
    id,
    type: interactionType(question),
    studentResponse: response(question, answer),
    correctPatterns: correctPatterns(question),
    result: isCorrect(question, answer) ? 'correct' : 'wrong',
    latency: formatTimespan(latencyMs),
    time: formatTimeOfDay(answeredAt),
  };
}

/** The SetValue calls for interaction `index`, id first (some LMSes require it). */
export function interactionElements(index: number, interaction: Interaction): Array<[string, string]> {
  const prefix = `cmi.interactions.${index}.`;
  return [
    [`${prefix}id`, interaction.id],
    [`${prefix}type`, interaction.type],
    [`${prefix}time`, interaction.time],
    ...interaction.correctPatterns.map((pattern, n): [string, string] => [`${prefix}correct_responses.${n}.pattern`, pattern]),
    [`${prefix}student_response`, interaction.studentResponse],
    [`${prefix}result`, interaction.result],
    [`${prefix}latency`, interaction.latency],
  ];
}
