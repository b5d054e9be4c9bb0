// A quick learner for tests where the input method does not matter (resume, faults): clicks and
// fills through Playwright locators, marking each learner action in the LMS harness.
import type { Frame } from 'playwright-core';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import type { Answer } from '../../src/runtime/logic/learner-state.js';
import { HarnessPage, type Target } from './lms-harness.js';

export interface FormState {
  checked: string[];
  text: string;
}

interface FormDocument {
  querySelectorAll(selector: string): ArrayLike<{ value: string; checked: boolean; type: string }>;
  querySelector(selector: string): { textContent: string | null } | null;
}

export class PointerLearner {
  actions = 0;

  constructor(readonly frame: Frame, readonly harness: HarnessPage<Target> | null, readonly course: RuntimeCourse) {}

  private async mark(label: string): Promise<void> {
    this.actions++;
    await this.harness?.mark(`${this.actions} ${label}`);
  }

  /** Put an answer into a question's form; in the assessment each change is saved. */
  async setAnswer(questionId: string, answer: Answer, options: { settle?: boolean } = {}): Promise<void> {
    const form = this.frame.locator(`#q-${questionId}`);
    if (answer.kind === 'fillin') {
      await this.mark(`type ${questionId}`);
      const input = form.locator('input[type="text"]');
      await input.fill(answer.text);
      // Enter submits the question's own form: an assessment answer is then final.
      if ((await form.getAttribute('data-mode')) === 'assessment') await input.press('Enter');
    } else {
      const wanted = answer.kind === 'truefalse' ? [String(answer.value)] : answer.selected.map((index) => index.toString(36));
      const inputs = form.locator('input');
      for (let index = 0; index < (await inputs.count()); index++) {
        const input = inputs.nth(index);
        const value = await input.getAttribute('value');
        const want = wanted.includes(value ?? '');
        if ((await input.isChecked()) === want || (!want && (await input.getAttribute('type')) === 'radio')) continue;
        await this.mark(`choose ${questionId} ${value ?? ''}`);
        await input.setChecked(want);
        if (options.settle !== false) await HarnessPage.waitSettled(this.frame);
      }
    }
    if (options.settle !== false) await HarnessPage.waitSettled(this.frame);
  }

  async answerCheck(questionId: string, answer: Answer, options: { settle?: boolean } = {}): Promise<void> {
    await this.setAnswer(questionId, answer, options);
    await this.mark(`check ${questionId}`);
    await this.frame.locator(`#q-${questionId} .question-check`).click();
    if (options.settle !== false) await HarnessPage.waitSettled(this.frame);
  }

  /** Click a button or link and wait for the heading `title` to be shown. */
  async go(selector: string, title: string, options: { settle?: boolean } = {}): Promise<void> {
    await this.mark(`go ${selector}`);
    await this.frame.locator(selector).click();
    await this.frame.waitForFunction((expected) => {
      const doc = (globalThis as unknown as { document: FormDocument }).document;
      return doc.querySelector('main h1')?.textContent?.trim() === expected;
    }, title);
    if (options.settle !== false) await HarnessPage.waitSettled(this.frame);
  }

  async click(selector: string, label: string, options: { settle?: boolean } = {}): Promise<void> {
    await this.mark(label);
    await this.frame.locator(selector).click();
    if (options.settle !== false) await HarnessPage.waitSettled(this.frame);
  }

  /** What a question's form shows: checked values and typed text. */
  formState(questionId: string): Promise<FormState> {
    return this.frame.evaluate((id) => {
      const doc = (globalThis as unknown as { document: FormDocument }).document;
      const inputs = Array.from(doc.querySelectorAll(`#q-${id} input`));
      return {
        checked: inputs.filter((input) => input.type !== 'text' && input.checked).map((input) => input.value).sort(),
        text: inputs.find((input) => input.type === 'text')?.value ?? '',
      };
    }, questionId);
  }

  /** Values of the inputs of every question, in screen order (to compare shuffled orders). */
  screenOrder(): Promise<string[]> {
    return this.frame.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ id: string }> } }).document;
      return Array.from(doc.querySelectorAll('form.question input')).map((input) => input.id);
    });
  }

  heading(): Promise<string> {
    return this.frame.locator('main h1').innerText();
  }
}

/** The form state an answer should produce. */
export function formStateOf(answer: Answer | undefined): FormState {
  if (answer === undefined) return { checked: [], text: '' };
  if (answer.kind === 'fillin') return { checked: [], text: answer.text };
  if (answer.kind === 'truefalse') return { checked: [String(answer.value)], text: '' };
  return { checked: answer.selected.map((index) => index.toString(36)).sort(), text: '' };
}
