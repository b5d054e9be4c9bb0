// The LMS faults a course meets in the field: no API, LMSInitialize false, SetValue refused (401,
// 405), LMSCommit failing a few times, and an LMS taking 500 ms per call. The course stays usable,
// tells the learner in plain words when progress may not be saved, and re-sends what the LMS
// refused once it accepts it.
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, type ApiCall } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer } from '../helpers/answers.js';
import { lifecycleViolations, valueViolations } from '../helpers/scorm-rules.js';

const LANG = 'de';

interface ShellDocument {
  querySelector(selector: string): { textContent: string | null } | null;
  documentElement: { dataset: Record<string, string | undefined> };
}

function waitForNotice(frame: Frame, text: string): Promise<unknown> {
  return frame.waitForFunction((expected) => (globalThis as unknown as { document: ShellDocument }).document.querySelector('#notice-text')?.textContent === expected, text, { timeout: 20_000 });
}

describeInBrowser('LMS faults', () => {
  const setup = useBrowserWithCourses();

  const course = () => setup.served.course(LANG);
  const notice = async (frame: Frame) => ((await frame.locator('#notice').isVisible()) ? (await frame.locator('#notice').innerText()).trim() : '');

  /** Visit the second lesson and answer its first knowledge check. */
  async function learnALittle(learner: PointerLearner): Promise<string> {
    const second = course().lessons[1]!;
    await learner.go('#next', second.title);
    const id = second.questions[0]!;
    await learner.answerCheck(id, rightAnswer(course().questions[id]!));
    expect(await learner.frame.locator(`#q-${id} .question-feedback`).isVisible()).toBe(true);
    return id;
  }

  /** Go to the assessment, answer everything right and submit. */
  async function passAssessment(learner: PointerLearner): Promise<void> {
    const assessment = course().lessons.find((lesson) => lesson.assessment)!;
    await learner.go(`#toc a[data-lesson-link="${assessment.id}"]`, assessment.title);
    for (const id of assessment.questions) await learner.setAnswer(id, rightAnswer(course().questions[id]!));
    await learner.click('[data-action="submit-assessment"]', 'submit');
    expect(await learner.frame.locator('.assessment-result').innerText()).toContain(course().strings['results.passed']!);
  }

  it('API missing in an LMS frame: usable, the learner is told progress is not recorded, nothing kept in the browser', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), provideApi: false });
      // Framed by an LMS page that has no API: not standalone, and said plainly.
      expect(await notice(frame)).toBe(course().strings['error.noLms']);
      const learner = new PointerLearner(frame, null, course());
      await learnALittle(learner);
      expect(await harness.calls(session)).toEqual([]);
      expect(await frame.evaluate('document.documentElement.dataset.sync')).toBe('offline');
      expect(await frame.evaluate("localStorage.getItem('scormdown:customer-focus:de')")).toBeNull();
      expect(await frame.evaluate("Array.from(document.scripts).some((script) => script.src.endsWith('scorm12.min.js'))")).toBe(false);
      await learner.click('#exit', 'exit');
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notRecorded']);
    } finally {
      await harness.dispose();
    }
  });

  it('LMSInitialize false: usable, the learner is told, no further call', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), faults: { initializeFails: true } });
      expect(await notice(frame)).toBe(course().strings['error.initFailed']);
      const learner = new PointerLearner(frame, harness, course());
      await learnALittle(learner);
      await learner.click('#exit', 'exit');
      // Never "saved" when no LMS session took anything.
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notRecorded']);
      await harness.close();
      const calls = await harness.calls(session);
      expect(calls.map((call) => call.name)).toEqual(['LMSInitialize', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);
      expect(calls[1]!.result).toBe('101');
      expect(calls[2]!.args).toEqual(['101']);
    } finally {
      await harness.dispose();
    }
  });

  it('SetValue false with 401 for interactions: they are given up at once, everything else is saved', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), faults: { rejectSetValue: [{ pattern: '^cmi\\.interactions\\.', code: 401 }] } });
      const learner = new PointerLearner(frame, harness, course());
      await passAssessment(learner);
      // An optional element the LMS lacks is no loss of progress: no alarm for the learner.
      expect(await notice(frame)).toBe('');
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      const interactionCalls = calls.filter((call) => call.name === 'LMSSetValue' && call.args[0]!.startsWith('cmi.interactions.'));
      expect(interactionCalls).toHaveLength(1);
      const refused = calls.indexOf(interactionCalls[0]!);
      expect(calls.slice(refused + 1, refused + 4).map((call) => call.name)).toEqual(['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);
      expect(calls[refused + 1]!.result).toBe('401');
      expect(lifecycleViolations(calls)).toEqual([]);
      expect(persisted!.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100', min: '0', max: '100' } });
    } finally {
      await harness.dispose();
    }
  });

  it('SetValue false with 405 for suspend_data: a permanent refusal, told once, not re-sent for ever', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), faults: { rejectSetValue: [{ pattern: '^cmi\\.suspend_data$', code: 405 }] } });
      const learner = new PointerLearner(frame, harness, course());
      expect(await notice(frame)).toBe(course().strings['error.saveRefused']);
      await learnALittle(learner);
      // The notice stays: saving never "works again" after a refusal for good.
      expect(await notice(frame)).toBe(course().strings['error.saveRefused']);
      await learner.click('#exit', 'exit');
      // The exit screen does not claim the progress was saved, and offers a way out.
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notSaved']);
      expect((await frame.locator('.exit-detail').innerText())).toContain('405');
      await learner.click('[data-action="leave-unsaved"]', 'leave');
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.leftUnsaved']);
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      const sends = calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.suspend_data');
      expect(sends.map((call) => call.error)).toEqual([405]);
      expect(persisted!.core.lesson_location).toBe(course().lessons[1]!.id);
      expect(lifecycleViolations(calls)).toEqual([]);
      expect(valueViolations(calls)).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('LMSCommit false on exit: the exit screen says so and tries again; saved is said only after "true"', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      const learner = new PointerLearner(frame, harness, course());
      await learnALittle(learner);
      await harness.page.evaluate(() => {
        (globalThis as unknown as { harness: { failCommits(count: number): void } }).harness.failCommits(1);
      });
      await learner.click('#exit', 'exit');
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notSaved']);
      expect(await frame.evaluate('document.documentElement.dataset.sync')).not.toBe('finished');
      await learner.click('[data-action="retry-exit"]', 'retry-exit');
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.done']);
      await harness.close();
      const calls = await harness.calls(session);
      expect(calls.at(-1)!.name).toBe('LMSFinish');
      expect(calls.filter((call) => call.name === 'LMSCommit').map((call) => call.result).slice(-2)).toEqual(['false', 'true']);
      expect(lifecycleViolations(calls)).toEqual([]);
    } finally {
      await harness.dispose();
    }
  });

  it('LMSCommit false three times, then true: retried with backoff until saved', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), faults: { commitFailures: 3 } });
      expect(await notice(frame)).toBe(course().strings['error.saveFailed']);
      await waitForNotice(frame, course().strings['error.saveRecovered']!);
      const committed = await harness.persisted();
      expect(committed?.core.lesson_status).toBe('incomplete');
      const calls = await harness.calls(session);
      const commits = calls.filter((call) => call.name === 'LMSCommit');
      expect(commits.map((call) => call.result)).toEqual(['false', 'false', 'false', 'true']);
      // Backoff: each retry waits longer than the one before.
      const gaps = commits.slice(1).map((call, index) => call.at - commits[index]!.at);
      expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
      expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
      const learner = new PointerLearner(frame, harness, course());
      await learnALittle(learner);
      const { persisted } = await harness.close();
      expect(lifecycleViolations(await harness.calls(session))).toEqual([]);
      expect(persisted!.core.lesson_location).toBe(course().lessons[1]!.id);
    } finally {
      await harness.dispose();
    }
  });

  it('an LMS taking 500 ms per call: pages change at once while saving goes on, nothing is lost', async () => {
    const harness = await HarnessPage.open(setup.browser, setup.served.harnessUrl);
    try {
      const launched = harness.launch({ url: setup.served.packageUrl(LANG), faults: { delayMs: 500 } });
      const { session, frame } = await launched;
      const learner = new PointerLearner(frame, harness, course());
      const second = course().lessons[1]!;
      const third = course().lessons[2]!;
      await harness.mark('next');
      await frame.locator('#next').click();
      // The lesson is on screen while its bookmark is still on its way to the LMS.
      const syncWhenShown = await frame.waitForFunction(
        (title) => {
          const doc = (globalThis as unknown as { document: ShellDocument }).document;
          return doc.querySelector('main h1')?.textContent?.trim() === title && doc.documentElement.dataset.sync;
        },
        second.title,
        { polling: 20 },
      );
      expect(await syncWhenShown.jsonValue()).toBe('pending');
      const id = second.questions[0]!;
      await learner.answerCheck(id, rightAnswer(course().questions[id]!), { settle: false });
      expect(await frame.locator(`#q-${id} .question-feedback`).isVisible()).toBe(true);
      await learner.go('#next', third.title, { settle: false });
      await HarnessPage.waitSettled(frame);
      const { persisted } = await harness.close();
      const calls: ApiCall[] = await harness.calls(session);
      expect(lifecycleViolations(calls)).toEqual([]);
      expect(persisted!.core.lesson_location).toBe(third.id);
      const state = decodeLearnerState(course(), persisted!.suspend_data);
      expect(state.checks.has(id)).toBe(true);
      expect([...state.visited]).toEqual(expect.arrayContaining([second.id, third.id]));
      // Not chattier than one commit per learner action (plus the first-launch commit).
      expect(calls.filter((call) => call.name === 'LMSCommit').length).toBeLessThanOrEqual(learner.actions + 1 + 1);
    } finally {
      await harness.dispose();
    }
  }, 90_000);
});
