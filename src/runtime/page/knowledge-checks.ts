// Knowledge checks (questions in ordinary lessons): immediate feedback with the explanation,
// announced through the live region; the checked answer is kept in the learner state.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { LearnerStore } from '../logic/learner-store.js';
import type { Notices } from './notices.js';
import type { UiText } from '../logic/ui-text.js';
import { isCorrect } from '../logic/scoring.js';
import { correctAnswerText, markOptions, questionForms, questionIdOf, readAnswer, showFeedback, writeAnswer } from './question-form.js';
import type { Answer } from '../logic/learner-state.js';

export interface QuizContext {
  course: RuntimeCourse;
  store: LearnerStore;
  notices: Notices;
  text: UiText;
}

function verdictFor(form: HTMLFormElement, context: QuizContext, questionId: string, answer: Answer): { correct: boolean; verdict: string } {
  const question = context.course.questions[questionId]!;
  const correct = isCorrect(question, answer);
  const verdict = correct
    ? context.text('question.correct')
    : `${context.text('question.incorrect')} ${context.text('question.correctAnswer', { answer: correctAnswerText(form, question) })}`;
  return { correct, verdict };
}

function showChecked(form: HTMLFormElement, context: QuizContext, questionId: string, answer: Answer): string {
  const { correct, verdict } = verdictFor(form, context, questionId, answer);
  markOptions(form, context.course.questions[questionId]!, answer);
  showFeedback(form, { result: correct ? 'correct' : 'wrong', verdict, showExplanation: true });
  return verdict;
}

export function bindKnowledgeChecks(article: HTMLElement, context: QuizContext): void {
  for (const form of questionForms(article, 'check')) {
    const questionId = questionIdOf(form);
    const question = context.course.questions[questionId];
    if (question === undefined) continue;
    const saved = context.store.state.checks.get(questionId);
    if (saved !== undefined) {
      writeAnswer(form, saved);
      showChecked(form, context, questionId, saved);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const answer = readAnswer(form, question);
      if (answer === undefined) {
        const message = context.text('question.noAnswer');
        showFeedback(form, { verdict: message, showExplanation: false });
        context.notices.announce(message);
        return;
      }
      context.store.update((store) => {
        store.state.checks.set(questionId, answer);
      });
      context.notices.announce(showChecked(form, context, questionId, answer));
    });
  }
}
