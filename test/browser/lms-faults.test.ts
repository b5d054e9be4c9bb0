// The LMS faults a course meets in the field, for both targets: no API, the initialize call false,
// SetValue refused (interactions not implemented: 401 in SCORM 1.2, 402 in 2004; a value of the
// wrong type: 405, 406), the commit failing a few times, and an LMS taking 500 ms per call. The
// course stays usable, tells the learner in plain words when progress may not be saved, and
// re-sends what the LMS refused once it accepts it.
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, TARGETS, type Target } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer } from '../helpers/answers.js';
import { rulesFor } from '../helpers/target-rules.js';

const LANG = 'de';

/** What differs between the targets in these tests: codes, names of the local record and script. */
const FAULTS: Readonly<Record<Target, { initializeFailure: string; missing: number; wrongType: number; storageKey: string; standaloneScript: string }>> = {
  scorm12: { initializeFailure: '101', missing: 401, wrongType: 405, storageKey: 'scormdown:customer-focus:de', standaloneScript: 'scorm12.min.js' },
  scorm2004: { initializeFailure: '102', missing: 402, wrongType: 406, storageKey: 'scormdown:customer-focus:de:scorm2004', standaloneScript: 'scorm2004.min.js' },
};

interface ShellDocument {
  querySelector(selector: string): { textContent: string | null } | null;
  documentElement: { dataset: Record<string, string | undefined> };
}

function waitForNotice(frame: Frame, text: string): Promise<unknown> {
  return frame.waitForFunction((expected) => (globalThis as unknown as { document: ShellDocument }).document.querySelector('#notice-text')?.textContent === expected, text, { timeout: 20_000 });
}

describeInBrowser('LMS faults', () => {
  const setup = useBrowserWithCourses();

  for (const target of TARGETS) {
    const rules = rulesFor(target);
    const faults = FAULTS[target];
    const names = rules.names;
    const url = () => setup.served.packageUrl(LANG, target);
    const open = () => HarnessPage.open(setup.browser, setup.served.harnessUrl, undefined, target);
    const course = () => setup.served.course(LANG, target);
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

    it(`${target}: API missing in an LMS frame: usable, the learner is told progress is not recorded, nothing kept in the browser`, async () => {
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: url(), provideApi: false });
        // Framed by an LMS page that has no API: not standalone, and said plainly.
        expect(await notice(frame)).toBe(course().strings['error.noLms']);
        const learner = new PointerLearner(frame, null, course());
        await learnALittle(learner);
        expect(await harness.calls(session)).toEqual([]);
        expect(await frame.evaluate('document.documentElement.dataset.sync')).toBe('offline');
        expect(await frame.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(key), faults.storageKey)).toBeNull();
        expect(await frame.evaluate((script) => Array.from((globalThis as unknown as { document: { scripts: ArrayLike<{ src: string }> } }).document.scripts).some((element) => element.src.endsWith(script)), faults.standaloneScript)).toBe(false);
        await learner.click('#exit', 'exit');
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notRecorded']);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: ${names.initialize} false: usable, the learner is told, no further call`, async () => {
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: url(), faults: { initializeFails: true } });
        expect(await notice(frame)).toBe(course().strings['error.initFailed']);
        const learner = new PointerLearner(frame, harness, course());
        await learnALittle(learner);
        await learner.click('#exit', 'exit');
        // Never "saved" when no LMS session took anything.
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notRecorded']);
        await harness.close();
        const calls = await harness.calls(session);
        expect(calls.map((call) => call.name)).toEqual([names.initialize, names.lastError, names.errorString, names.diagnostic]);
        expect(calls[1]!.result).toBe(faults.initializeFailure);
        expect(calls[2]!.args).toEqual([faults.initializeFailure]);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: SetValue false with ${faults.missing} for interactions: they are given up at once, everything else is saved`, async () => {
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: url(), faults: { rejectSetValue: [{ pattern: '^cmi\\.interactions\\.', code: faults.missing }] } });
        const learner = new PointerLearner(frame, harness, course());
        await passAssessment(learner);
        // An optional element the LMS lacks is no loss of progress: no alarm for the learner.
        expect(await notice(frame)).toBe('');
        const { persisted } = await harness.close();
        const calls = await harness.calls(session);
        const interactionCalls = calls.filter((call) => call.name === names.setValue && call.args[0]!.startsWith('cmi.interactions.'));
        expect(interactionCalls).toHaveLength(1);
        const refused = calls.indexOf(interactionCalls[0]!);
        expect(calls.slice(refused + 1, refused + 4).map((call) => call.name)).toEqual([names.lastError, names.errorString, names.diagnostic]);
        expect(calls[refused + 1]!.result).toBe(String(faults.missing));
        expect(rules.lifecycleViolations(calls)).toEqual([]);
        // Passed (SCORM 2004: with lessons left to read, so suspended to come back).
        expect(rules.view(persisted!)).toMatchObject({ passed: true, exit: target === 'scorm12' ? 'done' : 'suspend', score: '100', interactions: [] });
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: SetValue false with ${faults.wrongType} for suspend_data: a permanent refusal, told once, not re-sent for ever`, async () => {
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: url(), faults: { rejectSetValue: [{ pattern: '^cmi\\.suspend_data$', code: faults.wrongType }] } });
        const learner = new PointerLearner(frame, harness, course());
        expect(await notice(frame)).toBe(course().strings['error.saveRefused']);
        await learnALittle(learner);
        // The notice stays: saving never "works again" after a refusal for good.
        expect(await notice(frame)).toBe(course().strings['error.saveRefused']);
        await learner.click('#exit', 'exit');
        // The exit screen does not claim the progress was saved, and offers a way out.
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.notSaved']);
        expect((await frame.locator('.exit-detail').innerText())).toContain(String(faults.wrongType));
        await learner.click('[data-action="leave-unsaved"]', 'leave');
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(course().strings['exit.leftUnsaved']);
        const { persisted } = await harness.close();
        const calls = await harness.calls(session);
        const sends = calls.filter((call) => call.name === names.setValue && call.args[0] === 'cmi.suspend_data');
        expect(sends.map((call) => call.error)).toEqual([faults.wrongType]);
        expect(rules.view(persisted!).location).toBe(course().lessons[1]!.id);
        expect(rules.lifecycleViolations(calls)).toEqual([]);
        expect(rules.valueViolations(calls)).toEqual([]);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: ${names.commit} false on exit: the exit screen says so and tries again; saved is said only after "true"`, async () => {
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: url() });
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
        expect(calls.at(-1)!.name).toBe(names.finish);
        // One commit failed; every one after it succeeded (the runtime's own backoff retry may
        // commit before the learner's retry does, on a slow machine).
        const results = calls.filter((call) => call.name === names.commit).map((call) => call.result);
        expect(results.filter((result) => result === 'false')).toHaveLength(1);
        const after = results.slice(results.indexOf('false') + 1);
        expect(after.length).toBeGreaterThan(0);
        expect(after.every((result) => result === 'true')).toBe(true);
        expect(rules.lifecycleViolations(calls)).toEqual([]);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: ${names.commit} false three times, then true: retried with backoff until saved`, async () => {
      const harness = await open();
      try {
        const { session, frame } = await harness.launch({ url: url(), faults: { commitFailures: 3 } });
        expect(await notice(frame)).toBe(course().strings['error.saveFailed']);
        await waitForNotice(frame, course().strings['error.saveRecovered']!);
        const committed = rules.view((await harness.persisted())!);
        expect(target === 'scorm12' ? committed.lessonStatus : committed.completion).toBe('incomplete');
        const calls = await harness.calls(session);
        const commits = calls.filter((call) => call.name === names.commit);
        expect(commits.map((call) => call.result)).toEqual(['false', 'false', 'false', 'true']);
        // Backoff: each retry waits longer than the one before.
        const gaps = commits.slice(1).map((call, index) => call.at - commits[index]!.at);
        expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
        expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
        const learner = new PointerLearner(frame, harness, course());
        await learnALittle(learner);
        const { persisted } = await harness.close();
        expect(rules.lifecycleViolations(await harness.calls(session))).toEqual([]);
        expect(rules.view(persisted!).location).toBe(course().lessons[1]!.id);
      } finally {
        await harness.dispose();
      }
    });

    it(`${target}: an LMS taking 500 ms per call: pages change at once while saving goes on, nothing is lost`, async () => {
      const harness = await open();
      try {
        const launched = harness.launch({ url: url(), faults: { delayMs: 500 } });
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
        const calls = await harness.calls(session);
        expect(rules.lifecycleViolations(calls)).toEqual([]);
        const record = rules.view(persisted!);
        expect(record.location).toBe(third.id);
        const state = decodeLearnerState(course(), record.suspendData);
        expect(state.checks.has(id)).toBe(true);
        expect([...state.visited]).toEqual(expect.arrayContaining([second.id, third.id]));
        // Not chattier than one commit per learner action (plus the first-launch commit).
        expect(calls.filter((call) => call.name === names.commit).length).toBeLessThanOrEqual(learner.actions + 1 + 1);
      } finally {
        await harness.dispose();
      }
    }, 90_000);
  }
});
