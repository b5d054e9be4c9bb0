// A learner who uses the keyboard only: Tab / Shift+Tab to move, Space and arrows to choose,
// Enter to press buttons, typing for fill-in. Each state-changing key is a marked learner action
// in the LMS harness, and the learner waits until the course has saved before going on.
import type { Frame, Page } from 'playwright-core';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import type { Answer } from '../../src/runtime/logic/learner-state.js';
import { HarnessPage, type Target } from './lms-harness.js';

interface FocusDocument {
  activeElement: { matches(selector: string): boolean; outerHTML: string; textContent: string | null } | null;
  hasFocus(): boolean;
  querySelectorAll(selector: string): ArrayLike<{ value: string; checked: boolean; dataset: Record<string, string | undefined> }>;
}

export class KeyboardLearner {
  /** State-changing learner actions so far. */
  actions = 0;

  constructor(readonly page: Page, readonly frame: Frame, readonly harness: HarnessPage<Target>, readonly course: RuntimeCourse) {}

  focusMatches(selector: string): Promise<boolean> {
    return this.frame.evaluate((wanted) => {
      const doc = (globalThis as unknown as { document: FocusDocument }).document;
      return doc.hasFocus() && doc.activeElement !== null && doc.activeElement.matches(wanted);
    }, selector);
  }

  /** Press Tab (or Shift+Tab) until the focused element matches `selector`. */
  async tabTo(selector: string, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
    const max = options.max ?? 250;
    for (let presses = 0; presses <= max; presses++) {
      if (await this.focusMatches(selector)) return;
      await this.page.keyboard.press(options.backwards === true ? 'Shift+Tab' : 'Tab');
    }
    const active = await this.frame.evaluate(() => (globalThis as unknown as { document: FocusDocument }).document.activeElement?.outerHTML.slice(0, 120) ?? 'none');
    throw new Error(`Could not reach ${selector} by keyboard; focus is on ${active}`);
  }

  /** One learner action: mark it in the harness, press, wait until the course has saved. */
  async act(label: string, press: () => Promise<void>, arrived?: () => Promise<unknown>): Promise<void> {
    this.actions++;
    await this.harness.mark(`${this.actions} ${label}`);
    await press();
    if (arrived !== undefined) await arrived();
    await HarnessPage.waitSettled(this.frame);
  }

  /** Values of a question's inputs in on-screen order. */
  inputValues(questionId: string): Promise<Array<{ value: string; checked: boolean }>> {
    return this.frame.evaluate((id) => {
      const doc = (globalThis as unknown as { document: FocusDocument }).document;
      return Array.from(doc.querySelectorAll(`#q-${id} input`)).map((input) => ({ value: input.value, checked: input.checked }));
    }, questionId);
  }

  /** Put `answer` into question `questionId` with the keyboard. */
  async choose(questionId: string, answer: Answer, options: { commitFillin?: boolean } = {}): Promise<void> {
    const form = `#q-${questionId}`;
    if (answer.kind === 'fillin') {
      await this.tabTo(`${form} input[type="text"]`);
      await this.act(`type ${questionId}`, async () => {
        await this.page.keyboard.type(answer.text);
        // Leaving the field is what makes an assessment answer final (change event).
        if (options.commitFillin === true) await this.page.keyboard.press('Tab');
      });
      return;
    }
    const inputs = await this.inputValues(questionId);
    const wanted = answer.kind === 'truefalse' ? [String(answer.value)] : answer.selected.map((index) => index.toString(36));
    if (this.course.questions[questionId]?.type === 'multiple') {
      for (const input of inputs) {
        await this.tabTo(`${form} input[value="${input.value}"]`);
        if (wanted.includes(input.value) !== input.checked) await this.act(`toggle ${questionId} ${input.value}`, () => this.page.keyboard.press('Space'));
      }
      return;
    }
    await this.tabTo(`${form} input`);
    const values = inputs.map((input) => input.value);
    let position = -1;
    for (let index = 0; index < values.length; index++) if (await this.focusMatches(`${form} input[value="${values[index]}"]`)) position = index;
    const target = values.indexOf(wanted[0]!);
    if (position === target) {
      if (!inputs[target]!.checked) await this.act(`choose ${questionId}`, () => this.page.keyboard.press('Space'));
      return;
    }
    while (position !== target) {
      const key = position < target ? 'ArrowDown' : 'ArrowUp';
      await this.act(`choose ${questionId}`, () => this.page.keyboard.press(key));
      position += position < target ? 1 : -1;
    }
  }

  /** Answer a knowledge check and press its Check button. */
  async answerCheck(questionId: string, answer: Answer): Promise<void> {
    await this.choose(questionId, answer);
    await this.tabTo(`#q-${questionId} .question-check`);
    await this.act(`check ${questionId}`, () => this.page.keyboard.press('Enter'));
  }

  /** Press a shell button and wait until focus is on the heading `title`. */
  async pressAndArrive(selector: string, label: string, title: string, options: { backwards?: boolean } = {}): Promise<void> {
    await this.tabTo(selector, options);
    await this.act(label, () => this.page.keyboard.press('Enter'), () => this.waitForHeadingFocus(title));
  }

  waitForHeadingFocus(title: string): Promise<unknown> {
    return this.frame.waitForFunction((expected) => {
      const active = (globalThis as unknown as { document: FocusDocument }).document.activeElement;
      return active !== null && active.matches('h1') && active.textContent?.trim() === expected;
    }, title);
  }

  /** Question ids of the assessment in on-screen (shuffled) order. */
  assessmentOrder(): Promise<string[]> {
    return this.frame.evaluate(() => {
      const doc = (globalThis as unknown as { document: FocusDocument }).document;
      return Array.from(doc.querySelectorAll('form.question[data-mode="assessment"]')).map((form) => form.dataset.question ?? '');
    });
  }

  /** Answer every assessment question in screen order and submit; focus lands on the result. */
  async takeAssessment(answers: ReadonlyMap<string, Answer>): Promise<void> {
    for (const id of await this.assessmentOrder()) {
      const answer = answers.get(id);
      if (answer !== undefined) await this.choose(id, answer, { commitFillin: true });
    }
    await this.tabTo('[data-action="submit-assessment"]');
    await this.act('submit assessment', () => this.page.keyboard.press('Enter'), () => this.frame.waitForFunction(() => (globalThis as unknown as { document: FocusDocument }).document.activeElement?.matches('.assessment-result') === true));
  }
}
