// The assessment lesson: questions (and options) in the attempt's shuffled order, answers kept as
// the learner gives them, submitted as a whole, scored, reported as interactions; retry while
// attempts remain.
import type { RuntimeLesson } from '../../contract/course-data.js';
import type { QuizContext } from './knowledge-checks.js';
import type { LearnerState } from '../logic/learner-state.js';
import { SEED_LIMIT } from '../logic/learner-state.js';
import { seededShuffle } from '../logic/seeded-order.js';
import { hasPassed, isAnswered, isCorrect, scoreAttempt } from '../logic/scoring.js';
import { assessmentFinished, attemptsExhausted, canRetryAssessment, hasPassedAssessment } from '../logic/course-progress.js';
import type { AnsweredQuestion } from '../logic/interactions.js';
import { cloneTemplate, fillSlots } from './shell-templates.js';
import { clearOptionMarks, correctAnswerText, firstControl, markOptions, questionForms, questionIdOf, readAnswer, setLocked, showFeedback, writeAnswer } from './question-form.js';
import { formatNumber } from '../logic/ui-text.js';

export interface AssessmentHooks {
  /** Queue the interactions of a submitted attempt (saved with the submission). */
  recordInteractions(answers: readonly AnsweredQuestion[]): void;
  /** Show the assessment lesson afresh (a new attempt). */
  reshow(): void;
}

function startAttempt(state: LearnerState, attempt: number): void {
  state.assessment = {
    attempt,
    seed: Math.floor(Math.random() * SEED_LIMIT),
    submitted: false,
    answers: new Map(),
    score: state.assessment.score,
  };
}

/** Put the questions and their options in the attempt's order and number them. */
function arrangeQuestions(article: HTMLElement, lesson: RuntimeLesson, context: QuizContext): HTMLFormElement[] {
  const { course, store, text } = context;
  const { seed } = store.state.assessment;
  const forms = questionForms(article, 'assessment');
  const first = forms[0];
  if (first === undefined) return [];
  const byId = new Map(forms.map((form) => [questionIdOf(form), form]));
  const ids = lesson.questions.filter((id) => byId.has(id));
  const order = course.shuffle.questions ? seededShuffle(ids, seed, 'questions') : ids;
  const anchor = article.ownerDocument.createComment('assessment');
  first.before(anchor);
  const arranged = order.map((id) => byId.get(id)!);
  for (const form of arranged) anchor.before(form);
  arranged.forEach((form, index) => {
    const number = form.querySelector('.question-number');
    if (number !== null) number.textContent = `${text('question.label')} ${index + 1}`;
    const type = course.questions[questionIdOf(form)]?.type;
    const list = form.querySelector('.question-options');
    if (course.shuffle.options && list !== null && (type === 'single' || type === 'multiple')) {
      list.append(...seededShuffle(Array.from(list.children), seed, questionIdOf(form)));
    }
  });
  anchor.replaceWith(cloneTemplate(article.ownerDocument, 'tpl-assessment-bar'));
  return arranged;
}

function attemptText(context: QuizContext): string {
  const { attempt } = context.store.state.assessment;
  const max = context.course.attempts;
  return max > 0 ? context.text('assessment.attempt', { n: attempt, max }) : context.text('assessment.attemptUnlimited', { n: attempt });
}

function addIntro(article: HTMLElement, context: QuizContext, count: number): void {
  const intro = cloneTemplate(article.ownerDocument, 'tpl-assessment-intro');
  fillSlots(intro, {
    intro: context.text('assessment.intro', { count, passMark: formatNumber(context.course.lang, context.course.passMark) }),
    attempt: attemptText(context),
  });
  const heading = article.querySelector('h1');
  if (heading !== null) heading.after(intro);
  else article.prepend(intro);
}

/** The outcome's mark, as on the results card: a tick for a pass, a cross for a failed attempt; returns the outcome's section. */
function markOutcome(result: DocumentFragment, passed: boolean): HTMLElement | null {
  const section = result.firstElementChild as HTMLElement | null;
  if (section !== null) section.dataset.result = passed ? 'correct' : 'wrong';
  return section;
}

/** Lock the submitted attempt and show how it went. */
function showOutcome(article: HTMLElement, forms: readonly HTMLFormElement[], context: QuizContext): HTMLElement | null {
  const { course, store, text } = context;
  const { state } = store;
  const finished = assessmentFinished(course, state);
  for (const form of forms) {
    const id = questionIdOf(form);
    const question = course.questions[id];
    if (question === undefined) continue;
    const answer = state.assessment.answers.get(id);
    const correct = isCorrect(question, answer);
    setLocked(form, true);
    if (finished) markOptions(form, question, answer);
    else clearOptionMarks(form);
    // Once the assessment is over, a wrong answer's verdict names the right one in words: the
    // option marks alone are colour and strike-through, which screen readers do not convey.
    const verdict = correct || !finished
      ? text(correct ? 'question.correct' : 'question.incorrect')
      : `${text('question.incorrect')} ${text('question.correctAnswer', { answer: correctAnswerText(form, question) })}`;
    showFeedback(form, { result: correct ? 'correct' : 'wrong', verdict, showExplanation: finished });
  }
  const bar = article.querySelector<HTMLElement>('.assessment-bar');
  const submit = bar?.querySelector<HTMLButtonElement>('[data-action="submit-assessment"]');
  if (submit) submit.hidden = true;
  article.querySelector('.assessment-result')?.remove();
  const result = cloneTemplate(article.ownerDocument, 'tpl-assessment-result');
  const passed = hasPassedAssessment(course, state);
  fillSlots(result, {
    verdict: text(passed ? 'results.passed' : 'results.failed'),
    score: text('results.score', { score: formatNumber(course.lang, state.assessment.score ?? 0) }),
    passMark: text('results.passMark', { passMark: formatNumber(course.lang, course.passMark) }),
    attempts: attemptText(context),
  });
  if (!canRetryAssessment(course, state)) result.querySelector('[data-action="retry-assessment"]')?.remove();
  if (!attemptsExhausted(course, state)) fillSlots(result, { noAttempts: null });
  const section = markOutcome(result, passed);
  if (bar) bar.after(result);
  else article.append(result);
  return section;
}

/**
 * The LMS records a pass this state has no attempt for (lost or cut-short state): show that
 * result instead of a new attempt, which could only lower what the record says.
 */
function showRecordedPass(article: HTMLElement, context: QuizContext, recordedScore: number | null): void {
  const { course, text } = context;
  for (const form of questionForms(article, 'assessment')) form.hidden = true;
  const result = cloneTemplate(article.ownerDocument, 'tpl-assessment-result');
  fillSlots(result, {
    verdict: text('assessment.recordedPass'),
    score: recordedScore === null ? null : text('results.score', { score: formatNumber(course.lang, recordedScore) }),
    passMark: text('results.passMark', { passMark: formatNumber(course.lang, course.passMark) }),
    attempts: null,
    noAttempts: null,
  });
  result.querySelector('[data-action="retry-assessment"]')?.remove();
  markOutcome(result, true);
  const heading = article.querySelector('h1');
  if (heading !== null) heading.after(result);
  else article.prepend(result);
}

export function bindAssessment(article: HTMLElement, lesson: RuntimeLesson, context: QuizContext, hooks: AssessmentHooks): void {
  const { course, store, notices, text } = context;
  const { recorded } = store.state.assessment;
  if (recorded !== undefined && !hasPassed(store.state.assessment.score, course.passMark)) {
    showRecordedPass(article, context, recorded.score);
    return;
  }
  if (store.state.assessment.attempt === 0) store.update((current) => startAttempt(current.state, 1));
  const forms = arrangeQuestions(article, lesson, context);
  addIntro(article, context, forms.length);
  const shownAt = performance.now();
  const answeredAt = new Map<string, { ms: number; date: Date }>();
  const message = article.querySelector<HTMLElement>('.assessment-bar [data-slot="message"]');

  for (const form of forms) {
    const id = questionIdOf(form);
    const question = course.questions[id];
    if (question === undefined) continue;
    writeAnswer(form, store.state.assessment.answers.get(id));
    const record = (urgency: 'now' | 'later'): void => {
      if (store.state.assessment.submitted) return;
      const answer = readAnswer(form, question);
      answeredAt.set(id, { ms: performance.now(), date: new Date() });
      store.update((current) => {
        if (answer === undefined) current.state.assessment.answers.delete(id);
        else current.state.assessment.answers.set(id, answer);
      }, urgency);
    };
    // Arrow keys move through a radio group with a change event per key: answers are saved with
    // the next navigation, the submission or when the page is hidden, not one commit per key.
    form.addEventListener('change', () => record('later'));
    form.addEventListener('input', (event) => {
      if ((event.target as HTMLInputElement | null)?.type === 'text') record('later');
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      record('now');
    });
  }
  if (store.state.assessment.submitted) showOutcome(article, forms, context);

  article.querySelector('[data-action="submit-assessment"]')?.addEventListener('click', () => {
    if (store.state.assessment.submitted) return;
    const { answers } = store.state.assessment;
    const unanswered = forms.filter((form) => !isAnswered(answers.get(questionIdOf(form))));
    const firstUnanswered = unanswered[0];
    if (firstUnanswered !== undefined) {
      const warning = text('assessment.unanswered', { count: unanswered.length });
      if (message !== null) message.textContent = warning;
      notices.announce(warning);
      firstControl(firstUnanswered)?.focus();
      return;
    }
    if (message !== null) message.textContent = '';
    const attempt = scoreAttempt(lesson.questions, course.questions, answers);
    const submittedAt = new Date();
    hooks.recordInteractions(lesson.questions.flatMap((id): AnsweredQuestion[] => {
      const question = course.questions[id];
      if (question === undefined) return [];
      const answered = answeredAt.get(id);
      return [{ id, question, answer: answers.get(id), latencyMs: answered === undefined ? 0 : answered.ms - shownAt, answeredAt: answered?.date ?? submittedAt }];
    }));
    store.update((current) => {
      current.state.assessment.submitted = true;
      current.state.assessment.score = attempt.score;
    });
    const section = showOutcome(article, forms, context);
    notices.announce(`${section?.querySelector('[data-slot="verdict"]')?.textContent ?? ''} ${text('results.score', { score: formatNumber(course.lang, attempt.score) })}`);
    section?.focus();
  });

  article.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (target?.closest('[data-action="retry-assessment"]') === null || target === null) return;
    if (!canRetryAssessment(course, store.state)) return;
    store.update((current) => startAttempt(current.state, current.state.assessment.attempt + 1));
    hooks.reshow();
  });
}
