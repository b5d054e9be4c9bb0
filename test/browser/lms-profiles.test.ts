// The German package under our strict SCORM 1.2 LMS, with the profile of each LMS behaviour that
// loses, falsifies or never sends learner records when a course gets it wrong: ab-initio with
// saved state, popup players, a late API, "false" with error 0, a permanent 405, the LMS's mastery
// score, review/browse/no-credit, an upper-case status, truncated suspend_data, a time limit, the
// last failed attempt and a long session. Each test fails without the runtime behaviour it names.
import { expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import type { LmsProfileId } from '../../src/lms/lms-profiles.js';
import { decodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, SETTLED, type ApiCall, type Cmi } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';
import { lastSet, lifecycleViolations, sessionViolations, valueViolations } from '../helpers/scorm-rules.js';

const LANG = 'de';
/** Elements that make up the learner's record: never written in review, browse or no-credit. */
const RECORD_ELEMENTS = /^cmi\.(core\.(lesson_status|score\.|lesson_location)|suspend_data|interactions\.)/;

describeInBrowser('LMS profiles (strict LMS double)', () => {
  const setup = useBrowserWithCourses();
  const course = () => setup.served.course(LANG);
  const assessment = () => course().lessons.find((lesson) => lesson.assessment)!;
  const text = (key: string) => course().strings[key]!;
  const noticeText = async (frame: Frame) => ((await frame.locator('#notice').isVisible()) ? (await frame.locator('#notice-text').innerText()).trim() : '');
  const sets = (calls: readonly ApiCall[], pattern: RegExp) => calls.filter((call) => call.name === 'LMSSetValue' && pattern.test(call.args[0] ?? ''));

  async function withHarness(test: (harness: HarnessPage) => Promise<void>): Promise<void> {
    const harness = await HarnessPage.openStrict(setup.browser, setup.served.strictHarnessUrl);
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
  async function earlierSession(harness: HarnessPage): Promise<{ record: Cmi; checked: string }> {
    const { frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
    const checked = await learnALittle(new PointerLearner(frame, harness, course()));
    const { persisted } = await harness.close();
    expect(persisted!.core.exit).toBe('suspend');
    return { record: persisted!, checked };
  }

  it('ab-initio-with-state: entry ab-initio after a suspended session still resumes, and the saved state is not overwritten', async () => {
    await withHarness(async (harness) => {
      const { record, checked } = await earlierSession(harness);
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), cmi: record, profile: 'ab-initio-with-state' });
      const calls = await harness.calls(session);
      expect(calls.find((call) => call.args[0] === 'cmi.core.entry')?.result).toBe('ab-initio');
      const learner = new PointerLearner(frame, harness, course());
      expect(await learner.heading()).toBe(course().lessons[1]!.title);
      expect(await frame.locator(`#toc [data-lesson="${course().lessons[1]!.id}"] .toc-state`).getAttribute('data-state')).not.toBe('not-visited');
      expect((await learner.formState(checked)).checked.length).toBeGreaterThan(0);
      const { persisted } = await harness.close();
      expect(decodeLearnerState(course(), persisted!.suspend_data).checks.has(checked)).toBe(true);
      expect(lifecycleViolations(await harness.calls(session), { initialStatus: 'incomplete', initialInteractions: 0 })).toEqual([]);
    });
  });

  it('popup-framed: a player window that frames the course, API on top.opener: found, and the session is recorded', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'popup-framed' });
      expect(harness.coursePage).not.toBe(harness.page);
      const learner = new PointerLearner(frame, harness, course());
      await takeAssessment(learner);
      const { persisted } = await harness.close();
      expect(persisted!.core).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
      expect(sessionViolations(await harness.calls(session))).toEqual([]);
    });
  });

  it('popup: the course in a window the LMS opened finds the API on its opener, and closes its window after a saved exit', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'popup' });
      const popup = harness.coursePage;
      expect(popup).not.toBe(harness.page);
      const learner = new PointerLearner(frame, harness, course());
      await learnALittle(learner);
      const closed = popup.waitForEvent('close', { timeout: 10_000 });
      await learner.click('#exit', 'exit', { settle: false });
      await closed;
      const calls = await harness.calls(session);
      expect(calls.at(-1)?.name).toBe('LMSFinish');
      expect(sessionViolations(calls)).toEqual([]);
      expect((await harness.persisted())!.core.lesson_location).toBe(course().lessons[1]!.id);
    });
  });

  it('late-api: an API created 500 ms after the course started is found; the course does not fall back to standalone', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'late-api' });
      await frame.waitForFunction("document.documentElement.dataset.sync === 'idle'");
      expect(await noticeText(frame)).toBe('');
      expect(await frame.evaluate("localStorage.getItem('scormdown:customer-focus:de')")).toBeNull();
      await learnALittle(new PointerLearner(frame, harness, course()));
      const { persisted } = await harness.close();
      expect(persisted!.core.lesson_location).toBe(course().lessons[1]!.id);
      expect(sessionViolations(await harness.calls(session))).toEqual([]);
    });
  });

  it('false-with-no-error: "false" with error 0 counts as saved: no warning, nothing re-sent, exit says saved', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'false-with-no-error' });
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
      expect(calls.some((call) => call.name === 'LMSGetErrorString')).toBe(false);
      expect(lifecycleViolations(calls)).toEqual([]);
    });
  });

  it('permanent-405: a refused session_time is given up after one try, without alarming the learner', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'permanent-405' });
      const learner = new PointerLearner(frame, harness, course());
      await takeAssessment(learner);
      expect(await noticeText(frame)).toBe('');
      await learner.click('#exit', 'exit');
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(text('exit.done'));
      await harness.close();
      const calls = await harness.calls(session);
      const tries = sets(calls, /^cmi\.core\.session_time$/);
      expect(tries).toHaveLength(1);
      expect(tries[0]!.error).toBe(405);
      expect((await harness.persisted())!.core.lesson_status).toBe('passed');
    });
  });

  it('lms-mastery-score: the LMS\'s mastery score (60) is the pass mark, shown to the learner; 7 of 11 passes', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'lms-mastery-score' });
      const learner = new PointerLearner(frame, harness, course());
      await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
      expect(await frame.locator('.assessment-intro').innerText()).toContain('60');
      await takeAssessment(learner, 7);
      expect(await frame.locator('.assessment-result').innerText()).toContain(text('results.passed'));
      const { persisted } = await harness.close();
      expect(persisted!.core.lesson_status).toBe('passed');
      const calls = await harness.calls(session);
      expect(lastSet(calls, 'cmi.core.score.raw')).toBe('63.64');
      expect(sessionViolations(calls)).toEqual([]);
      // The submission also sends the session time, and every accepted fill-in answer is a pattern.
      expect(sets(calls, /^cmi\.core\.session_time$/).some((call) => call.mark.endsWith('submit'))).toBe(true);
      const fillins = assessment().questions.filter((id) => course().questions[id]!.type === 'fillin');
      for (const interaction of Object.values(persisted!.interactions)) {
        if (!fillins.includes(interaction.id)) continue;
        expect(Object.values(interaction.correct_responses).map((response) => response.pattern)).toEqual(course().questions[interaction.id]!.accepted);
      }
    });
  });

  it.each(['review', 'no-credit'] as const)('%s: read-only for tracking: a pass taken now never reaches the record', async (profile: LmsProfileId) => {
    await withHarness(async (harness) => {
      const { record } = await earlierSession(harness);
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), cmi: record, profile });
      expect(await noticeText(frame)).toBe(text(profile === 'review' ? 'mode.review' : 'mode.noCredit'));
      const learner = new PointerLearner(frame, harness, course());
      await takeAssessment(learner);
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      expect(sets(calls, RECORD_ELEMENTS).map((call) => call.args[0])).toEqual([]);
      expect(persisted!.core.lesson_status).toBe('incomplete');
      expect(persisted!.core.score.raw).toBe('');
      expect(persisted!.suspend_data).toBe(record.suspend_data);
      expect(lifecycleViolations(calls, { initialStatus: 'incomplete' })).toEqual([]);
    });
  });

  it('browse: a first launch is recorded as browsed and nothing else of the record is written', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'browse' });
      const learner = new PointerLearner(frame, harness, course());
      await learnALittle(learner);
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      expect(sets(calls, RECORD_ELEMENTS).map((call) => `${call.args[0]}=${call.args[1]}`)).toEqual(['cmi.core.lesson_status=browsed']);
      expect(persisted!.core.lesson_status).toBe('browsed');
      expect(valueViolations(calls)).toEqual([]);
    });
  });

  it('upper-case-status: "PASSED" from the LMS is a pass: the learner sees it, nothing lower is written', async () => {
    await withHarness(async (harness) => {
      const { record } = await earlierSession(harness);
      const passed: Cmi = { ...record, suspend_data: '', core: { ...record.core, lesson_status: 'passed', score: { raw: '90.91', min: '0', max: '100' } } };
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), cmi: passed, profile: 'upper-case-status' });
      const learner = new PointerLearner(frame, harness, course());
      await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
      expect(await frame.locator('.assessment-result').innerText()).toContain(text('assessment.recordedPass'));
      expect(await frame.locator('form.question:visible').count()).toBe(0);
      await learner.go('#next', text('results.title'));
      expect(await frame.locator('.results-verdict').innerText()).toBe(text('results.passed'));
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);
      expect(sets(calls, /^cmi\.core\.(lesson_status|score\.raw)$/)).toEqual([]);
      expect(persisted!.core).toMatchObject({ lesson_status: 'passed', score: { raw: '90.91' } });
    });
  });

  it('truncates-suspend-data: the state comes back cut short, but the pass the LMS holds stays a pass', async () => {
    await withHarness(async (harness) => {
      const first = await harness.launch({ url: setup.served.packageUrl(LANG), profile: 'truncates-suspend-data' });
      await takeAssessment(new PointerLearner(first.frame, harness, course()));
      // Read back, the state is found cut short: the learner is told at once, not at the next launch.
      expect(await noticeText(first.frame)).toBe(text('error.stateTruncated'));
      const { persisted: kept } = await harness.close();
      expect(kept!.suspend_data.length).toBe(64);
      expect(kept!.core.lesson_status).toBe('passed');

      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), cmi: kept, profile: 'truncates-suspend-data' });
      // Never "welcome back" over a state that could not be read.
      expect(await noticeText(frame)).toBe(text('resume.unreadable'));
      const learner = new PointerLearner(frame, harness, course());
      await learner.go(`#toc a[data-lesson-link="${assessment().id}"]`, assessment().title);
      expect(await frame.locator('.assessment-result').innerText()).toContain(text('assessment.recordedPass'));
      await learner.go('#next', text('results.title'));
      expect(await frame.locator('.results-verdict').innerText()).toBe(text('results.passed'));
      const { persisted } = await harness.close();
      expect(persisted!.core).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
      expect(sets(await harness.calls(session), /^cmi\.core\.(lesson_status|score\.raw)$/)).toEqual([]);
    });
  });

  it('time-limit: when the time allowed is over, the learner is told and the session ends with exit time-out', async () => {
    await withHarness(async (harness) => {
      const { record } = await earlierSession(harness);
      const almostOut: Cmi = { ...record, core: { ...record.core, total_time: '00:00:08' } };
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG), cmi: almostOut, profile: 'time-limit' });
      await frame.waitForFunction("document.documentElement.dataset.sync === 'finished'", undefined, { timeout: 15_000 });
      expect(await noticeText(frame)).toBe(text('time.limitReached'));
      expect((await frame.locator('.exit-message').innerText()).trim()).toBe(text('exit.done'));
      const calls = await harness.calls(session);
      expect(lastSet(calls, 'cmi.core.exit')).toBe('time-out');
      expect(calls.at(-1)?.name).toBe('LMSFinish');
      expect(lifecycleViolations(calls, { initialStatus: 'incomplete' })).toEqual([]);
    });
  });

  it('standard: the last allowed attempt fails: failed with the score, exit "", and the learner is told no attempts are left', async () => {
    await withHarness(async (harness) => {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      const learner = new PointerLearner(frame, harness, course());
      for (let attempt = 1; attempt <= 3; attempt++) {
        await takeAssessment(learner, 2);
        if (attempt < 3) await learner.click('[data-action="retry-assessment"]', 'retry');
      }
      expect(await frame.locator('.assessment-result').innerText()).toContain(text('assessment.noAttemptsLeft'));
      const { persisted } = await harness.close();
      // The LMS's own mastery-score override at LMSFinish agrees: 18.18 < 80 is failed.
      expect(persisted!.core).toMatchObject({ lesson_status: 'failed', exit: '', score: { raw: '18.18' } });
      expect(sessionViolations(await harness.calls(session))).toEqual([]);
    });
  });

  it('standard: a long session commits every few minutes, so the LMS login does not lapse', async () => {
    await withHarness(async (harness) => {
      await harness.context.clock.install();
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG) });
      await frame.waitForFunction(SETTLED);
      const before = (await harness.calls(session)).filter((call) => call.name === 'LMSCommit').length;
      await harness.mark('idle');
      await harness.coursePage.clock.runFor(9 * 60 * 1000);
      await frame.waitForFunction(SETTLED);
      const idleCommits = (await harness.calls(session)).filter((call) => call.name === 'LMSCommit' && call.mark === 'idle');
      expect(before).toBeGreaterThan(0);
      expect(idleCommits.length).toBe(2);
      expect(idleCommits.every((call) => call.result === 'true')).toBe(true);
    });
  });
});
