// What of a learner's saved state (suspend_data) the new package reads back, found by running the
// real state codec: states written for the old course are decoded against the new one and against
// the old one, and the two are compared. Only meaningful when both packages use the same
// learner-state format (a different format is read as a clean state, so nothing survives).
import { emptyLearnerState, sameAnswer, type Answer, type LearnerState } from '../runtime/logic/learner-state.js';
import { decodeLearnerState, encodeLearnerState } from '../runtime/logic/state-codec.js';
import { matchedAcceptedIndex } from '../runtime/logic/scoring.js';
import type { CourseShape, ShapeLesson } from '../runtime/logic/course-shape.js';
import type { RuntimeQuestion } from '../contract/course-data.js';

/** How the sample answers of one question came back. */
export interface AnswerSurvival {
  /** Read back as the old package would show them. */
  kept: number;
  /** Read back as a different answer (another accepted text, another type). */
  altered: number;
  /** Not read back at all. */
  dropped: number;
}

export interface StateSurvival {
  /** Lessons in both courses whose "opened" record the new package loses. */
  visitLost: Set<string>;
  /** Ordinary lessons in both courses whose "completed" record the new package loses. */
  completionLost: Set<string>;
  /** Question ids in both courses → how their saved answers come back. */
  answers: Map<string, AnswerSurvival>;
}

/** A typed text that matches none of the accepted answers. */
const UNACCEPTED_TEXTS = ['zq not an answer', 'xj 7 wrong', 'qqq'];

/** The answers a learner may have saved for `question`: every option alone, all options, each accepted text, a wrong text. */
function sampleAnswers(question: RuntimeQuestion): Answer[] {
  switch (question.type) {
    case 'truefalse':
      return [{ kind: 'truefalse', value: true }, { kind: 'truefalse', value: false }];
    case 'fillin': {
      const accepted = question.accepted ?? [];
      const wrong = UNACCEPTED_TEXTS.find((text) => matchedAcceptedIndex(question, text) < 0);
      return [...accepted, ...(wrong === undefined ? [] : [wrong])].map((text): Answer => ({ kind: 'fillin', text }));
    }
    default: {
      const options = question.options ?? 0;
      const each = Array.from({ length: options }, (_, index): Answer => ({ kind: 'choice', selected: [index] }));
      if (question.type === 'single' || options < 2) return each;
      return [...each, { kind: 'choice', selected: Array.from({ length: options }, (_, index) => index) }, { kind: 'choice', selected: [...(question.correct ?? [])] }];
    }
  }
}

function answerIn(state: LearnerState, id: string): Answer | undefined {
  return state.checks.get(id) ?? state.assessment.answers.get(id);
}

function stateWithAnswer(lesson: ShapeLesson, id: string, answer: Answer): LearnerState {
  const state = emptyLearnerState();
  state.visited.add(lesson.id);
  if (lesson.assessment) {
    state.assessment.attempt = 1;
    state.assessment.answers.set(id, answer);
  } else state.checks.set(id, answer);
  return state;
}

function answerSurvival(old: CourseShape, current: CourseShape, lesson: ShapeLesson, id: string): AnswerSurvival {
  const survival: AnswerSurvival = { kept: 0, altered: 0, dropped: 0 };
  for (const sample of sampleAnswers(old.questions[id]!)) {
    const saved = encodeLearnerState(old, stateWithAnswer(lesson, id, sample), lesson.id);
    const before = answerIn(decodeLearnerState(old, saved), id);
    // What even the old package would not restore (a text beyond its budget) is no update effect.
    if (before === undefined) continue;
    const after = answerIn(decodeLearnerState(current, saved), id);
    if (after === undefined) survival.dropped++;
    else if (sameAnswer(before, after)) survival.kept++;
    else survival.altered++;
  }
  return survival;
}

function progressSurvival(old: CourseShape, current: CourseShape): Pick<StateSurvival, 'visitLost' | 'completionLost'> {
  const everything = emptyLearnerState();
  for (const lesson of old.lessons) {
    everything.visited.add(lesson.id);
    if (!lesson.assessment) everything.completed.add(lesson.id);
  }
  const saved = encodeLearnerState(old, everything);
  const before = decodeLearnerState(old, saved);
  const after = decodeLearnerState(current, saved);
  const visitLost = new Set<string>();
  const completionLost = new Set<string>();
  for (const lesson of current.lessons) {
    if (before.visited.has(lesson.id) && !after.visited.has(lesson.id)) visitLost.add(lesson.id);
    if (!lesson.assessment && before.completed.has(lesson.id) && !after.completed.has(lesson.id)) completionLost.add(lesson.id);
  }
  return { visitLost, completionLost };
}

/** What survives of states saved by the old course when the new course reads them. */
export function stateSurvival(old: CourseShape, current: CourseShape): StateSurvival {
  const answers = new Map<string, AnswerSurvival>();
  for (const lesson of old.lessons) {
    for (const id of lesson.questions) {
      if (old.questions[id] !== undefined && current.questions[id] !== undefined) answers.set(id, answerSurvival(old, current, lesson, id));
    }
  }
  return { ...progressSurvival(old, current), answers };
}
