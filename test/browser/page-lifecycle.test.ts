// Finding the LMS and ending the session, for both targets: the API (window.API,
// window.API_1484_11) several frames up or in the opener window, a commit as soon as the page is
// hidden, exactly one finish call (LMSFinish, Terminate) from the exit button and nothing after it.
import { expect, it } from 'vitest';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, SETTLED, TARGETS } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer } from '../helpers/answers.js';
import { TIMESPAN } from '../helpers/scorm-rules.js';
import { rulesFor } from '../helpers/target-rules.js';
import { isDuration } from '../../src/scorm2004/timeinterval.js';

const LANG = 'ms';

describeInBrowser('API discovery and page lifecycle', () => {
  const setup = useBrowserWithCourses();

  for (const target of TARGETS) {
    const rules = rulesFor(target);
    const { commitViolations, failedCalls, lifecycleViolations } = rules;
    const open = () => HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);

    it(`${target}: finds the API four frames up the parent chain`, async () => {
      const harness = await open();
      try {
        const courseUrl = setup.served.packageUrl(LANG, target);
        const { session, frame } = await harness.launch({ url: `${setup.served.server.origin}/harness/nested.html?depth=3&url=${encodeURIComponent(courseUrl)}`, courseUrl });
        expect(await frame.evaluate('document.documentElement.dataset.sync')).toBe('idle');
        await harness.close();
        const calls = await harness.calls(session);
        expect(lifecycleViolations(calls)).toEqual([]);
        expect(failedCalls(calls)).toEqual([]);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: finds the API in the window that opened the course`, async () => {
      const harness = await open();
      try {
        const session = await harness.install({ url: 'about:blank' });
        const [popup] = await Promise.all([
          harness.context.waitForEvent('page'),
          harness.page.evaluate((url) => void (globalThis as unknown as { open(url: string): unknown }).open(url), setup.served.packageUrl(LANG, target)),
        ]);
        await popup.waitForLoadState('load');
        await popup.mainFrame().waitForFunction(SETTLED);
        expect(await popup.evaluate('document.documentElement.dataset.sync')).toBe('idle');
        await popup.close({ runBeforeUnload: true });
        await expect.poll(async () => (await harness.calls(session)).some((call) => call.name === rules.names.finish)).toBe(true);
        const calls = await harness.calls(session);
        expect(lifecycleViolations(calls)).toEqual([]);
        expect(failedCalls(calls)).toEqual([]);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: commits session time at once when the page is hidden, and finishes once from the exit button`, async () => {
      const course = setup.served.course(LANG, target);
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target) });
        const learner = new PointerLearner(frame, harness, course);
        const second = course.lessons[1]!;
        await learner.go('#next', second.title);
        await harness.mark('hidden');
        // The browser hides the page (tab switched, phone locked): simulated in the course frame.
        await frame.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));`);
        const hidden = (await harness.calls(session)).filter((call) => call.mark === 'hidden');
        expect(hidden.map((call) => call.name)).toEqual([rules.names.setValue, rules.names.commit]);
        expect(hidden[0]!.args[0]).toBe(rules.elements.sessionTime);
        if (target === 'scorm12') expect(hidden[0]!.args[1]).toMatch(TIMESPAN);
        else expect(isDuration(hidden[0]!.args[1]!), hidden[0]!.args[1]).toBe(true);
        await frame.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
          document.dispatchEvent(new Event('visibilitychange'));`);

        const id = second.questions[0]!;
        await learner.answerCheck(id, rightAnswer(course.questions[id]!));
        await learner.click('#exit', 'exit');
        expect(await frame.locator('main h1').innerText()).toBe(course.title);
        expect(await frame.locator('.pager').isHidden()).toBe(true);
        // After the finish call, nothing reaches the LMS: not the page being hidden, not closing it.
        await frame.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));`);
        await harness.close();
        const calls = await harness.calls(session);
        expect(lifecycleViolations(calls)).toEqual([]);
        expect(failedCalls(calls)).toEqual([]);
        expect(commitViolations(calls)).toEqual([]);
        const exit = calls.filter((call) => call.mark.endsWith('exit'));
        expect(exit.map((call) => call.name).pop()).toBe(rules.names.finish);
        expect(exit.find((call) => call.args[0] === rules.elements.sessionTime)).toBeDefined();
      } finally {
        await harness.dispose();
      }
    });
  }
});
