// The German packages under our strict SCORM 1.2 and SCORM 2004 LMSes, with the profile of each
// LMS behaviour that loses, falsifies or never sends learner records when a course gets it wrong:
// ab-initio with saved state, popup players, a late API, "false" with error 0, a value refused for
// good (405; 406 in SCORM 2004), the LMS's mastery (or scaled passing) score, review/browse/
// no-credit, an upper-case status, truncated suspend_data, a time limit, the last failed attempt
// and a long session. Each test fails without the runtime behaviour it names.
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import type { LmsProfileId } from '../../src/lms/lms-profiles.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, SETTLED, TARGETS, type ApiCall, type Cmi, type Cmi2004, type CmiOf, type Target } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { lastSet } from '../helpers/scorm-rules.js';
import { rulesFor } from '../helpers/target-rules.js';

const LANG = 'de';

/** What differs between the targets: the code of a value refused for good, the local record, the elements of status and score. */
const TARGET_FACTS: Readonly<Record<Target, { refusedCode: number; storageKey: string; statusAndScore: RegExp; totalTimeAlmostOut: string }>> = {
  scorm12: { refusedCode: 405, storageKey: 'scormdown:customer-focus:de', statusAndScore: /^cmi\.core\.(lesson_status|score\.raw)$/, totalTimeAlmostOut: '00:00:08' },
  scorm2004: { refusedCode: 406, storageKey: 'scormdown:customer-focus:de:scorm2004', statusAndScore: /^cmi\.(success_status|score\.(raw|scaled))$/, totalTimeAlmostOut: 'PT8S' },
};

describeInBrowser('LMS profiles (strict LMS double)', () => {
  const setup = useBrowserWithCourses();

  for (const target of TARGETS) {
    const rules = rulesFor(target);
    const facts = TARGET_FACTS[target];
    const { lifecycleViolations, sessionViolations, valueViolations } = rules;
    const url = () => setup.served.packageUrl(LANG, target);
    const course = () => setup.served.course(LANG, target);
    /** Elements that make up the learner's record: never written in review, browse or no-credit. */
    const RECORD_ELEMENTS = rules.recordElements;
    const assessment = () => course().lessons.find((lesson) => lesson.assessment)!;
    const text = (key: string) => course().strings[key]!;
    const noticeText = async (frame: Frame) => ((await frame.locator('#notice').isVisible()) ? (await frame.locator('#notice-text').innerText()).trim() : '');
    const sets = (calls: readonly ApiCall<string>[], pattern: RegExp) => calls.filter((call) => call.name === rules.names.setValue && pattern.test(call.args[0] ?? ''));

    async function withHarness(test: (harness: HarnessPage<Target>) => Promise<void>): Promise<void> {
      const harness = await HarnessPage.openStrict(setup.browser, setup.served.strictHarnessUrl, undefined, target);
      try {
        await test(harness);
      } finally {
        await harness.dispose();
      }
    }

    /** Visit the second lesson and answer its first knowledge check; returns the question id. */
    async function learnALittle(learner: PointerLearner): Promise<string> {
      const second = course().lessons[1]!;
      await learner.go('#next', second.title);
      const id = second.questions[0]!;
      await learner.answerCheck(id, rightAnswer(course().questions[id]!));
      return id;
    }

    /** Open the assessment and submit it with `right` questions answered correctly (all by default). */
    async function takeAssessment(learner: PointerLearner, right = assessment().questions.length): Promise<void> {
      if ((await learner.heading()) !== assessment().title) await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
      for (const [index, id] of assessment().questions.entries()) {
        const question = course().questions[id]!;
        await learner.setAnswer(id, index < right ? rightAnswer(question) : wrongAnswer(question));
      }
      await learner.click('[data-action="submit-assessment"]', 'submit');
    }

    /** A first session under the standard profile that learns a little; returns the record kept. */
    async function earlierSession(harness: HarnessPage<Target>): Promise<{ record: CmiOf<Target>; checked: string }> {
      const { frame } = await harness.launch({ url: url() });
      const checked = await learnALittle(new PointerLearner(frame, harness, course()));
      const { persisted } = await harness.close();
      expect(rules.view(persisted!).exit).toBe('suspend');
      return { record: persisted!, checked };
    }

    /** The record with a pass the LMS holds (90.91), its saved state dropped. */
    function withRecordedPass(record: CmiOf<Target>): CmiOf<Target> {
      if (target === 'scorm12') {
        const cmi = record as Cmi;
        return { ...cmi, suspend_data: '', core: { ...cmi.core, lesson_status: 'passed', score: { raw: '90.91', min: '0', max: '100' } } };
      }
      return { ...(record as Cmi2004), suspend_data: '', success_status: 'passed', score: { scaled: '0.9091', raw: '90.91', min: '0', max: '100' } };
    }

    /** The record with `total_time` of the earlier sessions. */
    function withTotalTime(record: CmiOf<Target>, total: string): CmiOf<Target> {
      if (target === 'scorm12') return { ...(record as Cmi), core: { ...(record as Cmi).core, total_time: total } };
      return { ...(record as Cmi2004), total_time: total };
    }

    it(`${target}: ab-initio-with-state: entry ab-initio after a suspended session still resumes, and the saved state is not overwritten`, async () => {
      await withHarness(async (harness) => {
        const { record, checked } = await earlierSession(harness);
        const { session, frame } = await harness.launch({ url: url(), cmi: record, profile: 'ab-initio-with-state' });
        const calls = await harness.calls(session);
        expect(calls.find((call) => call.args[0] === rules.elements.entry)?.result).toBe('ab-initio');
        const learner = new PointerLearner(frame, harness, course());
        expect(await learner.heading()).toBe(course().lessons[1]!.title);
        expect(await frame.locator(`#toc [data-lesson="${course().lessons[1]!.id}"] .toc-state`).getAttribute('data-state')).not.toBe('not-visited');
        expect((await learner.formState(checked)).checked.length).toBeGreaterThan(0);
        const { persisted } = await harness.close();
        expect(decodeLearnerState(course(), rules.view(persisted!).suspendData).checks.has(checked)).toBe(true);
        expect(lifecycleViolations(await harness.calls(session), record)).toEqual([]);
      });
    });

    it(`${target}: popup-framed: a player window that frames the course, API on top.opener: found, and the session is recorded`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'popup-framed' });
        expect(harness.coursePage).not.toBe(harness.page);
        const learner = new PointerLearner(frame, harness, course());
        await takeAssessment(learner);
        const { persisted } = await harness.close();
        expect(rules.view(persisted!)).toMatchObject({ passed: true, score: '100' });
        expect(sessionViolations(await harness.calls(session))).toEqual([]);
      });
    });

    it(`${target}: popup: the course in a window the LMS opened finds the API on its opener, and closes its window after a saved exit`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'popup' });
        const popup = harness.coursePage;
        expect(popup).not.toBe(harness.page);
        const learner = new PointerLearner(frame, harness, course());
        await learnALittle(learner);
        const closed = popup.waitForEvent('close', { timeout: 10_000 });
        await learner.click('#exit', 'exit', { settle: false });
        await closed;
        const calls = await harness.calls(session);
        expect(calls.at(-1)?.name).toBe(rules.names.finish);
        expect(sessionViolations(calls)).toEqual([]);
        expect(rules.view((await harness.persisted())!).location).toBe(course().lessons[1]!.id);
      });
    });

    it(`${target}: late-api: an API created 500 ms after the course started is found; the course does not fall back to standalone`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'late-api' });
        await frame.waitForFunction("document.documentElement.dataset.sync === 'idle'");
        expect(await noticeText(frame)).toBe('');
        expect(await frame.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(key), facts.storageKey)).toBeNull();
        await learnALittle(new PointerLearner(frame, harness, course()));
        const { persisted } = await harness.close();
        expect(rules.view(persisted!).location).toBe(course().lessons[1]!.id);
        expect(sessionViolations(await harness.calls(session))).toEqual([]);
      });
    });

    it(`${target}: false-with-no-error: "false" with error 0 counts as saved: no warning, nothing re-sent, exit says saved`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'false-with-no-error' });
        const learner = new PointerLearner(frame, harness, course());
        await learnALittle(learner);
        expect(await noticeText(frame)).toBe('');
        expect(await frame.evaluate('document.documentElement.dataset.sync')).toBe('idle');
        await learner.click('#exit', 'exit');
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(text('exit.done'));
        await harness.close();
        const calls = await harness.calls(session);
        // Every value was sent once: a "false" with error 0 is not retried.
        const sent = sets(calls, /^cmi\.suspend_data$/).map((call) => call.args[1]);
        expect(new Set(sent).size).toBe(sent.length);
        expect(calls.some((call) => call.name === rules.names.errorString)).toBe(false);
        expect(lifecycleViolations(calls)).toEqual([]);
      });
    });

    it(`${target}: permanent-405: a session_time refused for good (${facts.refusedCode}) is given up after one try, without alarming the learner`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'permanent-405' });
        const learner = new PointerLearner(frame, harness, course());
        await takeAssessment(learner);
        expect(await noticeText(frame)).toBe('');
        await learner.click('#exit', 'exit');
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(text('exit.done'));
        await harness.close();
        const calls = await harness.calls(session);
        const tries = calls.filter((call) => call.name === rules.names.setValue && call.args[0] === rules.elements.sessionTime);
        expect(tries).toHaveLength(1);
        expect(tries[0]!.error).toBe(facts.refusedCode);
        expect(rules.view((await harness.persisted())!).passed).toBe(true);
      });
    });

    it(`${target}: lms-mastery-score: the LMS's ${target === 'scorm12' ? 'mastery score (60)' : 'scaled passing score (0.6)'} is the pass mark, shown to the learner; 7 of 11 passes`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'lms-mastery-score' });
        const learner = new PointerLearner(frame, harness, course());
        await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
        expect(await frame.locator('.assessment-intro').innerText()).toContain('60');
        await takeAssessment(learner, 7);
        expect(await frame.locator('.assessment-result').innerText()).toContain(text('results.passed'));
        const { persisted } = await harness.close();
        expect(rules.view(persisted!).passed).toBe(true);
        const calls = await harness.calls(session);
        expect(lastSet(calls, rules.elements.scoreRaw)).toBe('63.64');
        if (target === 'scorm2004') expect(lastSet(calls, 'cmi.score.scaled')).toBe('0.6364');
        expect(sessionViolations(calls)).toEqual([]);
        // The submission also sends the session time, and every accepted fill-in answer is a pattern
        // (SCORM 2004: case does not matter, and the first five, the patterns an LMS keeps at least).
        expect(sets(calls, new RegExp(`^${rules.elements.sessionTime.replace(/\./g, '\\.')}$`)).some((call) => call.mark.endsWith('submit'))).toBe(true);
        const fillins = assessment().questions.filter((id) => course().questions[id]!.type === 'fillin');
        expect(fillins.length).toBeGreaterThan(0);
        for (const interaction of rules.view(persisted!).interactions) {
          if (!fillins.includes(interaction.id)) continue;
          const accepted = course().questions[interaction.id]!.accepted!;
          expect(interaction.patterns).toEqual(target === 'scorm12' ? accepted : accepted.slice(0, 5).map((text) => `{case_matters=false}${text}`));
        }
      });
    });

    it.each(['review', 'no-credit'] as const)(`${target}: %s: read-only for tracking: a pass taken now never reaches the record`, async (profile: LmsProfileId) => {
      await withHarness(async (harness) => {
        const { record } = await earlierSession(harness);
        const { session, frame } = await harness.launch({ url: url(), cmi: record, profile });
        expect(await noticeText(frame)).toBe(text(profile === 'review' ? 'mode.review' : 'mode.noCredit'));
        const learner = new PointerLearner(frame, harness, course());
        await takeAssessment(learner);
        const { persisted } = await harness.close();
        const calls = await harness.calls(session);
        expect(sets(calls, RECORD_ELEMENTS).map((call) => call.args[0])).toEqual([]);
        const kept = rules.view(persisted!);
        expect(target === 'scorm12' ? kept.lessonStatus : kept.completion).toBe('incomplete');
        expect(kept.score).toBe('');
        expect(kept.suspendData).toBe(rules.view(record).suspendData);
        expect(lifecycleViolations(calls, record)).toEqual([]);
      });
    });

    it(`${target}: browse: a first launch is recorded as browsed (SCORM 1.2; SCORM 2004 has no such status) and nothing else of the record is written`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url(), profile: 'browse' });
        const learner = new PointerLearner(frame, harness, course());
        await learnALittle(learner);
        const { persisted } = await harness.close();
        const calls = await harness.calls(session);
        expect(sets(calls, RECORD_ELEMENTS).map((call) => `${call.args[0]}=${call.args[1]}`)).toEqual(target === 'scorm12' ? ['cmi.core.lesson_status=browsed'] : []);
        const kept = rules.view(persisted!);
        if (target === 'scorm12') expect(kept.lessonStatus).toBe('browsed');
        else expect([kept.completion, kept.success]).toEqual(['unknown', 'unknown']);
        expect(valueViolations(calls)).toEqual([]);
      });
    });

    it(`${target}: upper-case-status: "PASSED" from the LMS is a pass: the learner sees it, nothing lower is written`, async () => {
      await withHarness(async (harness) => {
        const { record } = await earlierSession(harness);
        const passed = withRecordedPass(record);
        const { session, frame } = await harness.launch({ url: url(), cmi: passed, profile: 'upper-case-status' });
        const learner = new PointerLearner(frame, harness, course());
        await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
        expect(await frame.locator('.assessment-result').innerText()).toContain(text('assessment.recordedPass'));
        expect(await frame.locator('form.question:visible').count()).toBe(0);
        await learner.go('#next', text('results.title'));
        expect(await frame.locator('.results-verdict').innerText()).toBe(text('results.passed'));
        const { persisted } = await harness.close();
        const calls = await harness.calls(session);
        expect(sets(calls, facts.statusAndScore)).toEqual([]);
        expect(rules.view(persisted!)).toMatchObject({ passed: true, score: '90.91' });
      });
    });

    it(`${target}: truncates-suspend-data: the state comes back cut short, but the pass the LMS holds stays a pass`, async () => {
      await withHarness(async (harness) => {
        const first = await harness.launch({ url: url(), profile: 'truncates-suspend-data' });
        await takeAssessment(new PointerLearner(first.frame, harness, course()));
        // Read back, the state is found cut short: the learner is told at once, not at the next launch.
        expect(await noticeText(first.frame)).toBe(text('error.stateTruncated'));
        const { persisted: kept } = await harness.close();
        expect(rules.view(kept!).suspendData.length).toBe(64);
        expect(rules.view(kept!).passed).toBe(true);

        const { session, frame } = await harness.launch({ url: url(), cmi: kept, profile: 'truncates-suspend-data' });
        // Never "welcome back" over a state that could not be read.
        expect(await noticeText(frame)).toBe(text('resume.unreadable'));
        const learner = new PointerLearner(frame, harness, course());
        await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
        expect(await frame.locator('.assessment-result').innerText()).toContain(text('assessment.recordedPass'));
        await learner.go('#next', text('results.title'));
        expect(await frame.locator('.results-verdict').innerText()).toBe(text('results.passed'));
        const { persisted } = await harness.close();
        expect(rules.view(persisted!)).toMatchObject({ passed: true, score: '100' });
        expect(sets(await harness.calls(session), facts.statusAndScore)).toEqual([]);
      });
    });

    it(`${target}: time-limit: when the time allowed is over, the learner is told and the session ends with exit time-out`, async () => {
      await withHarness(async (harness) => {
        const { record } = await earlierSession(harness);
        const almostOut = withTotalTime(record, facts.totalTimeAlmostOut);
        const { session, frame } = await harness.launch({ url: url(), cmi: almostOut, profile: 'time-limit' });
        await frame.waitForFunction("document.documentElement.dataset.sync === 'finished'", undefined, { timeout: 15_000 });
        expect(await noticeText(frame)).toBe(text('time.limitReached'));
        expect((await frame.locator('.exit-message').innerText()).trim()).toBe(text('exit.done'));
        const calls = await harness.calls(session);
        expect(lastSet(calls, rules.elements.exit)).toBe('time-out');
        if (target === 'scorm2004') expect(lastSet(calls, 'adl.nav.request')).toBe('exitAll');
        expect(calls.at(-1)?.name).toBe(rules.names.finish);
        expect(lifecycleViolations(calls, almostOut)).toEqual([]);
      });
    });

    it(`${target}: standard: the last allowed attempt fails: failed with the score, done (SCORM 2004: suspended while lessons are left), and the learner is told no attempts are left`, async () => {
      await withHarness(async (harness) => {
        const { session, frame } = await harness.launch({ url: url() });
        const learner = new PointerLearner(frame, harness, course());
        for (let attempt = 1; attempt <= 3; attempt++) {
          await takeAssessment(learner, 2);
          if (attempt < 3) await learner.click('[data-action="retry-assessment"]', 'retry');
        }
        expect(await frame.locator('.assessment-result').innerText()).toContain(text('assessment.noAttemptsLeft'));
        const { persisted } = await harness.close();
        // The LMS's own status rules at the finish agree: 18.18 < 80 is failed.
        if (target === 'scorm12') expect((persisted as Cmi).core).toMatchObject({ lesson_status: 'failed', exit: '', score: { raw: '18.18' } });
        else expect(persisted as Cmi2004).toMatchObject({ success_status: 'failed', completion_status: 'incomplete', exit: 'suspend', score: { scaled: '0.1818', raw: '18.18' } });
        expect(sessionViolations(await harness.calls(session))).toEqual([]);
      });
    });

    it(`${target}: standard: a long session commits every few minutes, so the LMS login does not lapse`, async () => {
      await withHarness(async (harness) => {
        await harness.context.clock.install();
        const { session, frame } = await harness.launch({ url: url() });
        await frame.waitForFunction(SETTLED);
        const before = (await harness.calls(session)).filter((call) => call.name === rules.names.commit).length;
        await harness.mark('idle');
        await harness.coursePage.clock.runFor(9 * 60 * 1000);
        await frame.waitForFunction(SETTLED);
        const idleCommits = (await harness.calls(session)).filter((call) => call.name === rules.names.commit && call.mark === 'idle');
        expect(before).toBeGreaterThan(0);
        expect(idleCommits.length).toBe(2);
        expect(idleCommits.every((call) => call.result === 'true')).toBe(true);
      });
    });
  }
});
