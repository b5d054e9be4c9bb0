// Finding the LMS and ending the session: the API several frames up or in the opener window,
// a commit as soon as the page is hidden, exactly one LMSFinish from the exit button and nothing
// after it.
import { expect, it } from 'vitest';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, SETTLED } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer } from '../helpers/answers.js';
import { commitViolations, failedCalls, lifecycleViolations, TIMESPAN } from '../helpers/scorm-rules.js';

const LANG = 'ms';

describeInBrowser('API discovery and page lifecycle', () => {
  const setup = useBrowserWithCourses();

  it('finds the API four frames up the parent chain', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const courseUrl = setup.served.packageUrl(LANG);
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

  it('finds the API in the window that opened the course', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const session = await harness.install({ url: 'about:blank' });
      const [popup] = await Promise.all([
        harness.context.waitForEvent('page'),
        harness.page.evaluate((url) => void (globalThis as unknown as { open(url: string): unknown }).open(url), setup.served.packageUrl(LANG)),
      ]);
      await popup.waitForLoadState('load');
      await popup.mainFrame().waitForFunction(SETTLED);
      expect(await popup.evaluate('document.documentElement.dataset.sync')).toBe('idle');
      await popup.close({ runBeforeUnload: true });
      await expect.poll(async () => (await harness.calls(session)).some((call) => call.name === 'LMSFinish')).toBe(true);
      const calls = await harness.calls(session);
      expect(lifecycleViolations(calls)).toEqual([]);
      expect(failedCalls(calls)).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('commits session time at once when the page is hidden, and finishes once from the exit button', async () => {
    const course = setup.served.course(LANG);
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      const learner = new PointerLearner(frame, harness, course);
      const second = course.lessons[1]!;
      await learner.go('#next', second.title);
      await harness.mark('hidden');
      // The browser hides the page (tab switched, phone locked): simulated in the course frame.
      await frame.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));`);
      const hidden = (await harness.calls(session)).filter((call) => call.mark === 'hidden');
      expect(hidden.map((call) => call.name)).toEqual(['LMSSetValue', 'LMSCommit']);
      expect(hidden[0]!.args[0]).toBe('cmi.core.session_time');
      expect(hidden[0]!.args[1]).toMatch(TIMESPAN);
      await frame.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));`);

      const id = second.questions[0]!;
      await learner.answerCheck(id, rightAnswer(course.questions[id]!));
      await learner.click('#exit', 'exit');
      expect(await frame.locator('main h1').innerText()).toBe(course.title);
      expect(await frame.locator('.pager').isHidden()).toBe(true);
      // After LMSFinish, nothing reaches the LMS: not the page being hidden, not closing it.
      await frame.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));`);
      await harness.close();
      const calls = await harness.calls(session);
      expect(lifecycleViolations(calls)).toEqual([]);
      expect(failedCalls(calls)).toEqual([]);
      expect(commitViolations(calls)).toEqual([]);
      const exit = calls.filter((call) => call.mark.endsWith('exit'));
      expect(exit.map((call) => call.name).pop()).toBe('LMSFinish');
      expect(exit.find((call) => call.args[0] === 'cmi.core.session_time')).toBeDefined();
    } finally {
      await harness.dispose();
    }
  });
});
