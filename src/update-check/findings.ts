// What a package update changes for learners who started the old package, as data: one finding
// per change, each with its consequence. Wording is in describe-findings.ts.
import type { QuestionType, ReportingMode, ShuffleSettings, Target } from '../model/course.js';

/**
 * - lost: some learners lose a record, their progress or an answer;
 * - rescored: records are kept, but stored answers or scores are judged by a new key or pass mark;
 * - unknown: the check cannot tell whether records are kept;
 * - changed: records are kept; learners meet something new (a question to answer, another order);
 * - kept: nothing learners saved is affected.
 */
export type Consequence = 'lost' | 'rescored' | 'unknown' | 'changed' | 'kept';

/** Worst first. */
export const CONSEQUENCES: readonly Consequence[] = ['lost', 'rescored', 'unknown', 'changed', 'kept'];

export interface LessonRef {
  id: string;
  title: string;
  assessment: boolean;
}

export interface QuestionRef {
  id: string;
  lesson: string;
  /** In the assessment (scored), rather than a knowledge check. */
  assessment: boolean;
}

/** What decides whether an answer is right. */
export interface AnswerKey {
  type: QuestionType;
  options?: number;
  correct?: number[];
  answer?: boolean;
  accepted?: string[];
  ignoreAccents?: boolean;
}

export interface IdentifierChange {
  role: 'manifest' | 'organization' | 'item' | 'resource';
  old: string;
  new: string;
}

export type Finding =
  | { kind: 'new-language' }
  /** No old package of this language for `target`, but some for the `old` targets: the new one is another activity in the LMS. */
  | { kind: 'new-target'; target: Target; old: Target[] }
  /** `versionInOldIdentifiers`: the old package is from before identifiers stopped carrying the version. */
  | { kind: 'identifiers-changed'; changes: IdentifierChange[]; versionInOldIdentifiers: boolean }
  | { kind: 'state-format-changed'; old: string; new: string }
  | { kind: 'state-format-unrecorded'; new: string }
  | { kind: 'pass-mark-changed'; old: number; new: number }
  | { kind: 'attempts-changed'; old: number; new: number }
  | { kind: 'reporting-changed'; old: ReportingMode; new: ReportingMode }
  | { kind: 'shuffle-changed'; old: ShuffleSettings; new: ShuffleSettings }
  /** `questionsGone`: how many of its questions left the course with it (the others moved). */
  | { kind: 'lesson-removed'; lesson: LessonRef; questionsGone: number }
  /** `answersKept`: the saved answers to its questions are still read back (they are saved by question id). */
  | { kind: 'lesson-renamed'; old: LessonRef; new: LessonRef; answersKept: boolean }
  | { kind: 'lesson-added'; lesson: LessonRef }
  | { kind: 'lesson-role-changed'; lesson: LessonRef }
  | { kind: 'lesson-progress-unreadable'; lesson: LessonRef; completionOnly: boolean }
  | { kind: 'lessons-reordered' }
  | { kind: 'lesson-page-changed'; lesson: LessonRef }
  | { kind: 'question-removed'; question: QuestionRef }
  | { kind: 'question-renamed'; old: QuestionRef; new: QuestionRef }
  | { kind: 'question-added'; question: QuestionRef }
  | { kind: 'question-moved'; old: QuestionRef; new: QuestionRef; answersKept: boolean }
  | { kind: 'question-type-changed'; question: QuestionRef; old: QuestionType; new: QuestionType; answersKept: boolean }
  | { kind: 'question-options-changed'; question: QuestionRef; old: number; new: number; answersDropped: boolean }
  | { kind: 'question-key-changed'; question: QuestionRef; old: AnswerKey; new: AnswerKey; answersShownDifferently: boolean }
  | { kind: 'question-answers-unreadable'; question: QuestionRef }
  | { kind: 'question-answers-shown-differently'; question: QuestionRef };

export function consequenceOf(finding: Finding): Consequence {
  switch (finding.kind) {
    case 'identifiers-changed':
    case 'state-format-changed':
    case 'lesson-removed':
    case 'lesson-renamed':
    case 'lesson-role-changed':
    case 'lesson-progress-unreadable':
    case 'question-removed':
    case 'question-renamed':
    case 'question-answers-unreadable':
      return 'lost';
    case 'question-type-changed':
      return finding.answersKept ? 'rescored' : 'lost';
    case 'question-moved':
      return finding.answersKept ? 'kept' : 'lost';
    case 'question-options-changed':
      return finding.answersDropped ? 'lost' : 'changed';
    case 'pass-mark-changed':
    case 'question-key-changed':
      return 'rescored';
    case 'state-format-unrecorded':
      return 'unknown';
    case 'attempts-changed':
    case 'reporting-changed':
    case 'shuffle-changed':
    case 'lesson-added':
    case 'question-added':
    case 'question-answers-shown-differently':
      return 'changed';
    case 'new-language':
    case 'new-target':
    case 'lessons-reordered':
    case 'lesson-page-changed':
      return 'kept';
  }
}

/** The worst consequence of `findings` ('kept' when there are none). */
export function worstConsequence(findings: readonly Finding[]): Consequence {
  const present = new Set(findings.map(consequenceOf));
  return CONSEQUENCES.find((consequence) => present.has(consequence)) ?? 'kept';
}

/** Whether every learner keeps every record and answer, scored as before. */
export function keepsRecords(findings: readonly Finding[]): boolean {
  const worst = worstConsequence(findings);
  return worst === 'changed' || worst === 'kept';
}
