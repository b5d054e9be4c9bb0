// What the runtime remembers about one learner: the data suspend_data carries between sessions.
// The state codec and the build-time budget check import it under Node.

/** An answer as the learner gave it, in the question's own terms (option indices in written order). */
export type Answer =
  | { kind: 'choice'; selected: number[] }
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'fillin'; text: string };

export interface AssessmentState {
  /** Attempts started so far (0: the learner has not opened the assessment yet). */
  attempt: number;
  /** Shuffle seed of the current attempt (24 bits). */
  seed: number;
  /** Whether the current attempt has been submitted. */
  submitted: boolean;
  /** Answers of the current attempt, by question id. */
  answers: Map<string, Answer>;
  /** Score (0–100, two decimals) of the latest submitted attempt, or null before the first submission. */
  score: number | null;
  /**
   * The LMS records the course as passed or completed from an earlier session although this state
   * has no passing attempt (it was lost or cut short): the assessment counts as passed, with the
   * LMS's score when it has one. Never part of suspend_data; set from the LMS at every launch.
   */
  recorded?: { score: number | null };
}

export interface LearnerState {
  /** Ids of the lessons the learner has opened. */
  visited: Set<string>;
  /**
   * Ordinary lessons an earlier session recorded as complete. suspend_data keeps lesson progress
   * always but knowledge-check answers only as space allows, so completion cannot be re-derived
   * from the answers after a resume; this set carries it instead (see course-progress.ts).
   */
  completed: Set<string>;
  /** Knowledge-check answers by question id (the last answer checked). */
  checks: Map<string, Answer>;
  assessment: AssessmentState;
}

export const SEED_LIMIT = 2 ** 24;

export function emptyLearnerState(): LearnerState {
  return {
    visited: new Set(),
    completed: new Set(),
    checks: new Map(),
    assessment: { attempt: 0, seed: 0, submitted: false, answers: new Map(), score: null },
  };
}

/** Two answers are the same when a learner would see the same thing selected or typed. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'choice' && b.kind === 'choice') return a.selected.join() === b.selected.join();
  if (a.kind === 'truefalse' && b.kind === 'truefalse') return a.value === b.value;
  if (a.kind === 'fillin' && b.kind === 'fillin') return a.text === b.text;
  return false;
}

/**
 * The state restored from the LMS combined with what the learner did while it was loading:
 * lessons, completions and checks from both (the newer answer wins); the restored assessment attempt unless
 * only the learner has one.
 */
export function mergeLearnerStates(restored: LearnerState, live: LearnerState): LearnerState {
  const useLive = restored.assessment.attempt === 0 && live.assessment.attempt > 0;
  return {
    visited: new Set([...restored.visited, ...live.visited]),
    completed: new Set([...restored.completed, ...live.completed]),
    checks: new Map([...restored.checks, ...live.checks]),
    assessment: useLive ? live.assessment : restored.assessment,
  };
}
