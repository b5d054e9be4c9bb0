// Standalone mode, for both targets: the package opened outside any LMS (over http and from
// file://) runs scorm-again's Scorm12API or Scorm2004API as its local LMS, keeps the learner's
// progress in this browser and resumes it on the next visit.
import { expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { RuntimeCourse } from '../../src/contract/course-data.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, SETTLED, TARGETS, type Cmi, type Cmi2004, type Target } from '../helpers/lms-harness.js';
import { rulesFor } from '../helpers/target-rules.js';
import { rightAnswer } from '../helpers/answers.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { formStateOf } from '../helpers/pointer-learner.js';
import { wrongAnswer } from '../helpers/answers.js';

const LANG = 'sl';

/** The local record's key and scorm-again's script and constructor, per target. */
const LOCAL: Readonly<Record<Target, { key: string; script: string; constructor: string }>> = {
  scorm12: { key: 'scormdown:customer-focus:sl', script: 'scorm12.min.js', constructor: 'Scorm12API' },
  scorm2004: { key: 'scormdown:customer-focus:sl:scorm2004', script: 'scorm2004.min.js', constructor: 'Scorm2004API' },
};

describeInBrowser('standalone mode', () => {
  const setup = useBrowserWithCourses();

  for (const target of TARGETS) {
    const local = LOCAL[target];
    const rules = rulesFor(target);
    /** The record kept in localStorage, in the course's terms. */
    const saved = async (page: Page) => {
      const json = await page.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(key), local.key);
      return json === null ? null : rules.view(JSON.parse(json) as Cmi & Cmi2004);
    };

    async function visitAndResume(page: Page, url: string): Promise<void> {
      const course = setup.served.course(LANG, target);
      await page.goto(url);
      await page.mainFrame().waitForFunction(SETTLED);
      expect((await page.locator('#notice-text').innerText()).trim()).toBe(course.strings['standalone.notice']);
      const learner = new PointerLearner(page.mainFrame(), null, course);
      const [, second, third] = course.lessons;
      await learner.go('#next', second!.title);
      const id = second!.questions[0]!;
      const answer = wrongAnswer(course.questions[id]!);
      await learner.answerCheck(id, answer);
      await learner.go('#next', third!.title);

      // Next visit (reload: pagehide → LMSFinish → saved in localStorage).
      await page.reload();
      await page.mainFrame().waitForFunction(SETTLED);
      expect(await learner.heading()).toBe(third!.title);
      expect((await page.locator('#notice-text').innerText()).trim()).toBe(course.strings['standalone.notice']);
      await learner.go(`#toc a[data-lesson-link="${second!.id}"]`, second!.title);
      expect(await learner.formState(id)).toEqual(formStateOf(answer));
      expect(await page.locator(`#q-${id} .question-feedback`).isVisible()).toBe(true);

      const record = (await saved(page))!;
      expect(record).toMatchObject({ exit: 'suspend', ...(target === 'scorm12' ? { lessonStatus: 'incomplete' } : { completion: 'incomplete' }) });
      expect(decodeLearnerState(course, record.suspendData).checks.get(id)).toEqual(answer);
    }

    /** The package opened on its own over http (no frame, no opener): standalone. */
    async function openAlone(context: BrowserContext): Promise<{ page: Page; course: RuntimeCourse; learner: PointerLearner }> {
      const page = await context.newPage();
      const course = setup.served.course(LANG, target);
      await page.goto(setup.served.packageUrl(LANG, target));
      await page.mainFrame().waitForFunction(SETTLED);
      return { page, course, learner: new PointerLearner(page.mainFrame(), null, course) };
    }

    it(`${target}: over http: progress restored from localStorage on the next visit`, async () => {
      const context = await setup.browser.newContext();
      try {
        await visitAndResume(await context.newPage(), setup.served.packageUrl(LANG, target));
      } finally {
        await context.close();
      }
    });

    it(`${target}: from file://: lessons load and progress is restored`, async () => {
      const context = await setup.browser.newContext();
      try {
        await visitAndResume(await context.newPage(), pathToFileURL(path.join(setup.served.packageDir(LANG, target), 'index.html')).href);
      } finally {
        await context.close();
      }
    });

    it(`${target}: back from the back/forward cache after the session ended: starts a new local session with the progress`, async () => {
      const context = await setup.browser.newContext();
      try {
        const { page, course, learner } = await openAlone(context);
        const second = course.lessons[1]!;
        await learner.go('#next', second.title);
        // The page is put in the back/forward cache (pagehide ends the session), then shown again.
        const reloaded = page.waitForEvent('load');
        await page.evaluate(`
          window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
          window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        `);
        await reloaded;
        await page.mainFrame().waitForFunction(SETTLED);
        expect(await learner.heading()).toBe(second.title);
        expect(await page.evaluate('document.documentElement.dataset.sync')).not.toBe('finished');
      } finally {
        await context.close();
      }
    });

    it(`${target}: on a shared computer: "start over" forgets the pass kept in this browser, the next person starts new`, async () => {
      const context = await setup.browser.newContext();
      try {
        const { page, course, learner } = await openAlone(context);
        const assessment = course.lessons.find((lesson) => lesson.assessment)!;
        await learner.go(`#toc a[data-lesson-link="${assessment.id}"]`, assessment.title);
        for (const id of assessment.questions) await learner.setAnswer(id, rightAnswer(course.questions[id]!));
        await learner.click('[data-action="submit-assessment"]', 'submit');
        await page.reload();
        await page.mainFrame().waitForFunction(SETTLED);
        expect((await saved(page))!.passed).toBe(true);

        const action = page.locator('#notice-action');
        expect((await action.innerText()).trim()).toBe(course.strings['standalone.startOver']);
        page.once('dialog', (dialog) => {
          expect(dialog.message()).toBe(course.strings['standalone.startOverConfirm']);
          void dialog.accept();
        });
        const reloaded = page.waitForEvent('load');
        await action.click();
        await reloaded;
        await page.mainFrame().waitForFunction(SETTLED);
        expect(await learner.heading()).toBe(course.lessons[0]!.title);
        expect((await page.locator('#progress-label').innerText()).trim()).toBe(course.strings['progress.value']!.replace('{done}', '0').replace('{total}', String(course.lessons.length)));
        expect((await saved(page))?.passed ?? false).toBe(false);
      } finally {
        await context.close();
      }
    });

    it(`${target}: loads scorm-again only when no LMS is there`, async () => {
      const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);
      try {
        const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
        expect(await frame.evaluate((script) => Array.from((globalThis as unknown as { document: { scripts: ArrayLike<{ src: string }> } }).document.scripts).some((element) => element.src.endsWith(script)), local.script)).toBe(false);
        expect(await frame.evaluate((name) => typeof (globalThis as unknown as Record<string, unknown>)[name], local.constructor)).toBe('undefined');
      } finally {
        await harness.dispose();
      }
    });
  }
});
