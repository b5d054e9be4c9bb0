// The emulator page in headless Chromium: the course in its frame beside the CMI panel and the
// call log; taking a lesson updates the panel; saving a lesson reloads the course; a Markdown error
// shows an overlay until it is fixed; relaunching resumes; broken SCORM rules are highlighted; each
// LMS profile launches the course as that LMS would (launch values, API quirks, windows, late API);
// the SCORM version switch runs the SCORM 2004 package under Scorm2004API with SCORM 2004's rules.
import fs from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import { copyCourse, type TempCourse } from '../helpers/temp-course.js';
import { describeInBrowser, launchChromium } from '../helpers/browser.js';
import { BLOCK_POPUPS, emulatorAxeViolations, latestCalls, loggedSessions, RECORD_API_TIMELINE, RECORD_COURSE_START, type ApiTimeline, type LoggedCall } from '../helpers/emulator-log.js';
import { PLAYER_ROUTE } from '../../src/preview/player-route.js';

const EMPTY = '(empty)';
/** The machine is shared: give the page time, never assert how fast it is. */
const POLL = { timeout: 20_000, interval: 50 };

describeInBrowser('LMS emulator page', () => {
  let browser: Browser;
  let course: TempCourse;
  let server: PreviewServer;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [browser, course] = await Promise.all([launchChromium(), copyCourse()]);
    server = await startPreviewServer({ courseDir: course.dir, port: 0, cwd: course.root, lang: 'el' });
    await server.watching;
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await course?.dispose();
  });

  /** A fresh learner: a new browser context has an empty localStorage. */
  async function newPage(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    return context.newPage();
  }

  async function openEmulator(query = ''): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.url}${query}`);
    await page.locator('#call-log tr.launch').first().waitFor();
    await page.frameLocator('#course-frame').locator('article.lesson-body').first().waitFor();
    return page;
  }

  const cmi = (page: Page, name: string) => page.locator(`[data-cmi="${name}"]`).innerText();
  const courseFrame = (page: Page) => page.frameLocator('#course-frame');

  /** Answer the first knowledge check of the first lesson and go to the next lesson. */
  async function takeFirstLesson(page: Page): Promise<string> {
    const frame = courseFrame(page);
    const form = frame.locator('form.question[data-mode="check"]').first();
    await form.locator('input').first().check();
    await form.locator('button.question-check').click();
    await form.locator('.question-feedback').waitFor();
    const firstLesson = await frame.locator('article.lesson-body').first().getAttribute('data-lesson');
    await frame.locator('#next').click();
    const next = frame.locator(`article.lesson-body:not([data-lesson="${firstLesson}"])`).first();
    await next.waitFor();
    return (await next.getAttribute('data-lesson'))!;
  }

  it('shows the course in a frame beside the CMI panel and the call log, with scorm-again as window.API', async () => {
    const page = await openEmulator();
    await expect.poll(() => page.locator('#course-frame').getAttribute('src'), POLL).toMatch(/^\/course\/el\/passed-incomplete\/index\.html/);
    expect(await page.locator('#cmi-panel').isVisible()).toBe(true);
    expect(await page.evaluate(() => typeof (globalThis as unknown as { API?: { LMSInitialize?: unknown } }).API?.LMSInitialize)).toBe('function');
    expect(await cmi(page, 'cmi.core.entry')).toBe('ab-initio');
    expect(await cmi(page, 'cmi.student_data.mastery_score')).toBe('80');
    expect(await page.locator('#language option').allTextContents()).toHaveLength(5);
    expect(await page.locator('#problems-overlay').isHidden()).toBe(true);
    await page.locator('#call-log tr[data-method="LMSInitialize"][data-result="true"]').waitFor();
  });

  it('updates the panel while the learner takes a lesson: status, location, suspend_data', async () => {
    const page = await openEmulator();
    await takeFirstLesson(page);
    await expect.poll(() => cmi(page, 'cmi.core.lesson_status'), POLL).toBe('incomplete');
    await expect.poll(() => cmi(page, 'cmi.core.lesson_location'), POLL).not.toBe(EMPTY);
    await expect.poll(async () => Number(await page.locator('[data-cmi="cmi.suspend_data"]').getAttribute('data-length')), POLL).toBeGreaterThan(0);
    expect(await page.locator('[data-cmi="cmi.suspend_data"]').innerText()).toMatch(/^\d+ \/ 4096 characters/);
    await page.locator('#call-log tr[data-method="LMSSetValue"]').first().waitFor();
  });

  it('relaunches as a returning learner: entry=resume, the saved CMI seeded, the course back where the learner was', async () => {
    const page = await openEmulator();
    const lessonId = await takeFirstLesson(page);
    await expect.poll(() => cmi(page, 'cmi.core.lesson_location'), POLL).not.toBe(EMPTY);
    const location = await cmi(page, 'cmi.core.lesson_location');

    await page.locator('#relaunch').click();
    await expect.poll(() => page.locator('#call-log tr.launch').last().innerText(), POLL).toContain('entry "resume"');
    await expect.poll(() => cmi(page, 'cmi.core.entry'), POLL).toBe('resume');
    expect(await cmi(page, 'cmi.core.lesson_location')).toBe(location);
    await courseFrame(page).locator(`article.lesson-body[data-lesson="${lessonId}"]`).waitFor();
    await page.locator('#call-log tr[data-method="LMSGetValue"]').filter({ hasText: 'cmi.core.entry' }).last().waitFor();
  });

  it('keeps the learner across a reload of the emulator page, and forgets it on reset', async () => {
    const page = await openEmulator();
    await takeFirstLesson(page);
    await expect.poll(() => cmi(page, 'cmi.core.lesson_location'), POLL).not.toBe(EMPTY);
    await page.reload();
    await page.locator('#call-log tr.launch').first().waitFor();
    expect(await page.locator('#call-log tr.launch').first().innerText()).toContain('entry "resume"');

    await page.locator('#reset').click();
    await expect.poll(() => page.locator('#call-log tr.launch').last().innerText(), POLL).toContain('entry "ab-initio"');
    // A new learner starts on the first lesson: the runtime may already have bookmarked it, but
    // never the later lesson the previous learner had reached.
    await expect.poll(() => cmi(page, 'cmi.core.lesson_location'), POLL).toMatch(/^(\(empty\)|intro)$/);
  });

  it('switches language and reporting mode: a new launch of the other package', async () => {
    const page = await openEmulator();
    await page.locator('#language').selectOption('de');
    await expect.poll(() => page.locator('#course-frame').getAttribute('src'), POLL).toMatch(/^\/course\/de\/passed-incomplete\//);
    await courseFrame(page).locator('html[lang="de"] article.lesson-body').first().waitFor();
    await page.locator('#reporting').selectOption('completed-incomplete');
    await expect.poll(() => page.locator('#course-frame').getAttribute('src'), POLL).toMatch(/^\/course\/de\/completed-incomplete\//);
    await expect.poll(() => cmi(page, 'cmi.student_data.mastery_score'), POLL).toBe(EMPTY);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('de');
  });

  it('highlights calls that break a SCORM 1.2 rule scorm-again lets through', async () => {
    const page = await openEmulator();
    await page.locator('#call-log tr[data-method="LMSInitialize"]').first().waitFor();
    // Let the course finish its own launch and first save, so its calls cannot overwrite ours.
    await courseFrame(page).locator('html[data-sync="idle"]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const api = (globalThis as unknown as { API: Record<string, (...args: string[]) => string> }).API;
      api.LMSInitialize!('');
      api.LMSSetValue!('cmi.suspend_data', 'x'.repeat(5000));
      api.LMSSetValue!('cmi.core.session_time', '0:60:00');
      api.LMSSetValue!('cmi.core.score.raw', '87.125');
      api.LMSSetValue!('cmi.core.lesson_status', 'done');
      api.LMSFinish!('');
      api.LMSGetValue!('cmi.core.lesson_status');
    });
    const rulesOf = (method: string) => page.locator(`#call-log tr[data-method="${method}"]`).last().getAttribute('data-rules');
    expect(await rulesOf('LMSInitialize')).toContain('initialize-twice');
    expect(await page.locator('#call-log tr.breaks-rule').allInnerTexts()).toEqual(expect.arrayContaining([
      expect.stringContaining('suspend_data is 5000 characters'),
      expect.stringContaining('"0:60:00" is not a SCORM 1.2 timespan'),
      expect.stringContaining('87.125 has more than two decimals'),
      expect.stringContaining('"done" is not one of passed'),
    ]));
    expect(await page.locator('#call-log tr.is-false[data-method="LMSSetValue"]').count()).toBeGreaterThan(0);
    expect(await rulesOf('LMSGetValue')).toContain('call-after-finish');
    expect(await page.locator('[data-cmi="cmi.suspend_data"] .too-long').innerText()).toBe('5000 / 4096 characters');
  });

  describe('SCORM 2004', () => {
    it('runs the SCORM 2004 package under Scorm2004API as window.API_1484_11; the panel shows completion and success apart', async () => {
      const page = await openEmulator('?target=scorm2004');
      await expect.poll(() => page.locator('#course-frame').getAttribute('src'), POLL).toMatch(/^\/course\/scorm2004\/el\/passed-incomplete\/index\.html/);
      expect(await page.getByLabel('SCORM version').inputValue()).toBe('scorm2004');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { API_1484_11?: { Initialize?: unknown } }).API_1484_11?.Initialize)).toBe('function');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { API?: unknown }).API)).toBe('undefined');
      expect(await cmi(page, 'cmi.entry')).toBe('ab-initio');
      expect(await cmi(page, 'cmi.scaled_passing_score')).toBe('0.8');
      expect(await page.locator('[data-cmi="cmi.core.lesson_status"]').isHidden()).toBe(true);
      await page.locator('#call-log tr[data-method="Initialize"][data-result="true"]').waitFor();
      await takeFirstLesson(page);
      await expect.poll(() => cmi(page, 'cmi.completion_status'), POLL).toBe('incomplete');
      expect(await cmi(page, 'cmi.success_status')).toBe('unknown');
      await expect.poll(() => cmi(page, 'cmi.location'), POLL).not.toBe(EMPTY);
      expect(await page.locator('[data-cmi="cmi.suspend_data"]').innerText()).toMatch(/^\d+ \/ 64000 characters/);
      // The course keeps every rule of SCORM 2004: nothing of its own is highlighted.
      expect(await page.locator('#call-log tr.breaks-rule').count()).toBe(0);
      expect(await emulatorAxeViolations(page)).toEqual([]);
    });

    it('switches from SCORM 1.2 to SCORM 2004 and back: a new launch of the other package, each with its own learner', async () => {
      const page = await openEmulator();
      await takeFirstLesson(page);
      await expect.poll(() => cmi(page, 'cmi.core.lesson_location'), POLL).not.toBe(EMPTY);
      await page.getByLabel('SCORM version').selectOption('scorm2004');
      await expect.poll(() => page.locator('#course-frame').getAttribute('src'), POLL).toMatch(/^\/course\/scorm2004\/el\//);
      await expect.poll(() => page.locator('#call-log tr.launch').last().innerText(), POLL).toMatch(/SCORM 2004 4th Edition.*SCORM version switched/);
      // The SCORM 2004 package is an activity of its own: a new learner there.
      expect(await cmi(page, 'cmi.entry')).toBe('ab-initio');
      expect(new URL(page.url()).searchParams.get('target')).toBe('scorm2004');
      await page.getByLabel('SCORM version').selectOption('scorm12');
      await expect.poll(() => page.locator('#course-frame').getAttribute('src'), POLL).toMatch(/^\/course\/el\//);
      await expect.poll(() => cmi(page, 'cmi.core.entry'), POLL).not.toBe('ab-initio');
    });

    it('highlights calls that break a SCORM 2004 rule scorm-again lets through (or that a SCORM 1.2 course would make)', async () => {
      const page = await openEmulator('?target=scorm2004');
      await page.locator('#call-log tr[data-method="Initialize"]').first().waitFor();
      await courseFrame(page).locator('html[data-sync="idle"]').waitFor({ state: 'attached' });
      await page.evaluate(() => {
        const api = (globalThis as unknown as { API_1484_11: Record<string, (...args: string[]) => string> }).API_1484_11;
        api.Initialize!('');
        api.SetValue!('cmi.core.lesson_status', 'passed');
        api.SetValue!('cmi.session_time', '00:60:00');
        api.SetValue!('cmi.success_status', 'done');
        api.SetValue!('cmi.score.scaled', '80');
        api.SetValue!('cmi.suspend_data', 'x'.repeat(64001));
        api.Terminate!('');
        api.GetValue!('cmi.location');
        api.GetLastError!();
      });
      const rulesOf = (method: string) => page.locator(`#call-log tr[data-method="${method}"]`).last().getAttribute('data-rules');
      expect(await rulesOf('Initialize')).toContain('2004-initialize-twice');
      expect(await page.locator('#call-log tr.breaks-rule').allInnerTexts()).toEqual(expect.arrayContaining([
        expect.stringContaining('cmi.core.lesson_status is not a SCORM 2004 data model element'),
        expect.stringContaining('"00:60:00" is not a SCORM 2004 timeinterval'),
        expect.stringContaining('"done" is not one of passed, failed, unknown'),
        expect.stringContaining('80 is outside -1…1'),
        expect.stringContaining('suspend_data is 64001 characters, more than 64000'),
      ]));
      expect(await rulesOf('GetValue')).toContain('2004-call-after-terminate');
      // The support methods may follow Terminate.
      expect(await rulesOf('GetLastError')).toBeNull();
    });

    it('plays the LMS profiles with SCORM 2004 elements: the LMS\'s scaled passing score, review mode', async () => {
      const page = await openEmulator('?target=scorm2004&profile=lms-mastery-score');
      expect(await cmi(page, 'cmi.scaled_passing_score')).toBe('0.6');
      expect(await page.getByLabel('LMS profile').locator('option:checked').innerText()).toBe('Passing score from the LMS (0.6)');
      expect(await page.locator('#profile-description').innerText()).toContain('scaled_passing_score');
      await page.getByLabel('LMS profile').selectOption('review');
      await expect.poll(() => cmi(page, 'cmi.mode'), POLL).toBe('review');
      expect(await cmi(page, 'cmi.credit')).toBe('no-credit');
    });
  });

  it('reloads the open page when a lesson file is saved', async () => {
    const page = await openEmulator();
    const lesson = course.file('el', '01-eisagogi.md');
    const original = await fs.readFile(lesson, 'utf8');
    try {
      await fs.writeFile(lesson, original.replace('## Η απλή ικανοποίηση δεν αρκεί', '## Νέος τίτλος από την προεπισκόπηση'));
      await courseFrame(page).getByRole('heading', { name: 'Νέος τίτλος από την προεπισκόπηση' }).waitFor();
      await expect.poll(() => page.locator('#status').innerText(), POLL).toMatch(/Saved → reloaded in \d+ ms/);
      await expect.poll(() => server.reloads.length, POLL).toBeGreaterThan(0);
    } finally {
      await fs.writeFile(lesson, original);
    }
  });

  it('shows a Markdown error as an overlay with file:line:column and rule, and clears it when fixed', async () => {
    const page = await openEmulator();
    const lesson = course.file('el', '02-axiopistia.md');
    const original = await fs.readFile(lesson, 'utf8');
    const line = original.trimEnd().split('\n').length + 3;
    try {
      await fs.writeFile(lesson, `${original.trimEnd()}\n\n:::question{#preview-broken type=truefalse}\nΣωστό;\n:::\n`);
      const overlay = page.locator('#problems-overlay');
      await overlay.waitFor({ state: 'visible' });
      const item = overlay.locator('li[data-rule="question-no-correct"]');
      await item.waitFor();
      expect(await item.innerText()).toBe(`course/el/02-axiopistia.md:${line - 1}:1 question-no-correct Unexpected true/false question without a correct answer, expected \`answer=true\` or \`answer=false\``);
      // The course frame still shows the last good version underneath.
      expect(await courseFrame(page).locator('article.lesson-body').count()).toBeGreaterThan(0);

      await fs.writeFile(lesson, original);
      await overlay.waitFor({ state: 'hidden' });
      await courseFrame(page).locator('article.lesson-body').first().waitFor();
    } finally {
      await fs.writeFile(lesson, original);
    }
  });

  describe('LMS profiles', () => {
    const launchRow = (page: Page) => page.locator('#call-log tr.launch').last().innerText();
    const returnedBy = (calls: readonly LoggedCall[], method: string, element: string) =>
      calls.filter((call) => call.method === method && call.call.startsWith(`${method}(${JSON.stringify(element)}`)).map((call) => call.returned);

    it('offers every profile in a labelled select with its description, remembers the choice and relaunches on change', async () => {
      const page = await openEmulator();
      const select = page.getByLabel('LMS profile');
      expect(await select.locator('option').count()).toBe(14);
      expect(await select.inputValue()).toBe('standard');
      await select.selectOption('no-credit');
      await expect.poll(() => launchRow(page), POLL).toMatch(/LMS profile No credit, .*LMS profile switched/);
      expect(await page.locator('#profile-description').innerText()).toContain('credit "no-credit"');
      expect(await select.getAttribute('aria-describedby')).toBe('profile-description');
      expect(new URL(page.url()).searchParams.get('profile')).toBe('no-credit');
      await courseFrame(page).locator('article.lesson-body').first().waitFor();
      expect(await emulatorAxeViolations(page)).toEqual([]);
      // Kept in this browser: a new tab without the parameter opens with the same profile.
      const again = await context!.newPage();
      await again.goto(server.url);
      await again.locator('#call-log tr.launch').first().waitFor();
      expect(await again.getByLabel('LMS profile').inputValue()).toBe('no-credit');
    });

    it('ab-initio-with-state: after some progress a relaunch says entry ab-initio, and the saved suspend_data is still handed over', async () => {
      const page = await openEmulator('?profile=ab-initio-with-state');
      expect(await cmi(page, 'cmi.core.entry')).toBe('ab-initio');
      await takeFirstLesson(page);
      await expect.poll(async () => Number(await page.locator('[data-cmi="cmi.suspend_data"]').getAttribute('data-length')), POLL).toBeGreaterThan(0);
      await page.locator('#relaunch').click();
      await expect.poll(async () => (await loggedSessions(page)).length, POLL).toBe(2);
      expect(await launchRow(page)).toContain('entry "ab-initio"');
      expect(await cmi(page, 'cmi.core.entry')).toBe('ab-initio');
      // What the LMS (the emulator's learner store) kept from the first session.
      const records = JSON.parse(await page.evaluate('JSON.stringify(Object.values(localStorage))')) as string[];
      const saved = records.map((text) => JSON.parse(text) as { cmi?: { suspend_data?: string } }).find((record) => record.cmi !== undefined)?.cmi?.suspend_data ?? '';
      expect(saved.length).toBeGreaterThan(0);
      await expect.poll(async () => returnedBy(await latestCalls(page), 'LMSGetValue', 'cmi.core.entry'), POLL).toEqual(['"ab-initio"']);
      await expect.poll(async () => returnedBy(await latestCalls(page), 'LMSGetValue', 'cmi.suspend_data'), POLL).toEqual([JSON.stringify(saved)]);
    });

    it('false-with-no-error: LMSSetValue is logged as returning "false" with error 0, marked as the LMS quirk it is', async () => {
      const page = await openEmulator('?profile=false-with-no-error');
      const row = page.locator('#call-log tr[data-method="LMSSetValue"][data-quirk="false-with-no-error"]').first();
      await row.waitFor();
      const calls = (await latestCalls(page)).filter((call) => call.quirk === 'false-with-no-error');
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) {
        expect(call).toMatchObject({ method: 'LMSSetValue', returned: '"false"', error: '0' });
        expect(call.notes).toContain('LMS quirk: "false" with error 0');
      }
      // scorm-again stored the value all the same: the panel shows what the LMS holds.
      const status = /LMSSetValue\("cmi\.core\.lesson_status", "(\w+)"\)/.exec(calls.find((call) => call.call.includes('cmi.core.lesson_status'))?.call ?? '')?.[1];
      if (status !== undefined) await expect.poll(() => cmi(page, 'cmi.core.lesson_status'), POLL).toBe(status);
    });

    it('review: the panel shows lesson_mode review and credit no-credit, which the course reads', async () => {
      const page = await openEmulator('?profile=review');
      expect(await cmi(page, 'cmi.core.lesson_mode')).toBe('review');
      expect(await cmi(page, 'cmi.core.credit')).toBe('no-credit');
      await expect.poll(async () => returnedBy(await latestCalls(page), 'LMSGetValue', 'cmi.core.lesson_mode'), POLL).toEqual(['"review"']);
      // A review session keeps no state to resume, so its exit is no broken rule.
      await page.locator('#relaunch').click();
      await expect.poll(async () => (await loggedSessions(page)).length, POLL).toBe(2);
      await expect.poll(async () => returnedBy(await latestCalls(page), 'LMSGetValue', 'cmi.core.lesson_mode'), POLL).toEqual(['"review"']);
      expect(await page.locator('#call-log tr[data-rules~="exit-not-suspend"]').count()).toBe(0);
    });

    it('lms-mastery-score: the LMS hands mastery_score 60 instead of the manifest\'s 80', async () => {
      const page = await openEmulator('?profile=lms-mastery-score');
      expect(await cmi(page, 'cmi.student_data.mastery_score')).toBe('60');
      await expect.poll(async () => returnedBy(await latestCalls(page), 'LMSGetValue', 'cmi.student_data.mastery_score'), POLL).toEqual(['"60"']);
    });

    it('popup: the course runs in a window of its own, finds window.API at its opener, and a relaunch closes it (LMSFinish) first', async () => {
      const page = await newPage();
      const opened = page.waitForEvent('popup');
      await page.goto(`${server.url}?profile=popup`);
      const popup = await opened;
      await popup.locator('article.lesson-body').first().waitFor();
      expect(new URL(popup.url()).pathname).toBe('/course/el/passed-incomplete/index.html');
      await page.locator('#popup-note[data-state="open"]').waitFor();
      expect(await page.locator('#course-frame').isHidden()).toBe(true);
      await page.locator('#call-log tr[data-method="LMSInitialize"][data-result="true"]').waitFor();
      expect(await emulatorAxeViolations(page)).toEqual([]);

      const closed = popup.waitForEvent('close');
      const reopened = page.waitForEvent('popup');
      await page.locator('#relaunch').click();
      await closed;
      const second = await reopened;
      await second.locator('article.lesson-body').first().waitFor();
      await expect.poll(async () => (await latestCalls(page)).some((call) => call.method === 'LMSInitialize' && call.returned === '"true"'), POLL).toBe(true);
      const [first] = await loggedSessions(page);
      expect(first?.calls.filter((call) => call.method === 'LMSFinish').map((call) => call.returned)).toEqual(['"true"']);
      expect(await launchRow(page)).toContain('entry "resume"');

      // Back to a framed profile: the window is closed and the frame shows the course again.
      const closedAgain = second.waitForEvent('close');
      await page.getByLabel('LMS profile').selectOption('standard');
      await closedAgain;
      await courseFrame(page).locator('article.lesson-body').first().waitFor();
      expect(await page.locator('#popup-note').isHidden()).toBe(true);
    });

    /** The emulator with the popup profile: the course runs in its own window and has connected. */
    async function openInPopup() {
      const page = await newPage();
      const opened = page.waitForEvent('popup');
      await page.goto(`${server.url}?profile=popup`);
      const popup = await opened;
      await popup.locator('article.lesson-body').first().waitFor();
      await page.locator('#call-log tr[data-method="LMSInitialize"][data-result="true"]').waitFor();
      return { page, popup };
    }

    it('popup: a reload after a save reuses the course window (no new window a pop-up blocker could stop)', async () => {
      const { page, popup } = await openInPopup();
      await page.evaluate('window.open = () => null');
      let closed = false;
      popup.on('close', () => {
        closed = true;
      });
      const lesson = course.file('el', '01-eisagogi.md');
      const original = await fs.readFile(lesson, 'utf8');
      try {
        await fs.writeFile(lesson, original.replace('## Η απλή ικανοποίηση δεν αρκεί', '## Τίτλος στο παράθυρο του μαθήματος'));
        await popup.getByRole('heading', { name: 'Τίτλος στο παράθυρο του μαθήματος' }).waitFor();
        await expect.poll(async () => (await latestCalls(page)).some((call) => call.method === 'LMSInitialize' && call.returned === '"true"'), POLL).toBe(true);
        const sessions = await loggedSessions(page);
        expect(sessions.at(-1)?.launch).toContain('reloaded after saving');
        expect(sessions.at(-2)?.calls.filter((call) => call.method === 'LMSFinish').map((call) => call.returned)).toEqual(['"true"']);
        expect(closed).toBe(false);
        expect(await page.locator('#popup-note[data-state="open"]').count()).toBe(1);
      } finally {
        await fs.writeFile(lesson, original);
      }
    });

    it('popup-framed: a player window frames the course, which finds window.API on the emulator (top.opener)', async () => {
      const page = await newPage();
      const opened = page.waitForEvent('popup');
      await page.goto(`${server.url}?profile=popup-framed`);
      const player = await opened;
      expect(new URL(player.url()).pathname).toBe(PLAYER_ROUTE);
      await player.frameLocator('#course-frame').locator('article.lesson-body').first().waitFor();
      expect(await player.evaluate("'API' in window")).toBe(false);
      await page.locator('#popup-note[data-state="open"]').waitFor();
      await page.locator('#call-log tr[data-method="LMSInitialize"][data-result="true"]').waitFor();
      // The player frames course pages of this server only.
      const refused = await fetch(new URL(`${PLAYER_ROUTE}?course=${encodeURIComponent('https://example.invalid/x')}`, server.url));
      expect(refused.status).toBe(400);
    });

    it('a blocked course window is reported, with a button that opens it', async () => {
      const page = await newPage();
      await page.addInitScript({ content: BLOCK_POPUPS });
      await page.goto(`${server.url}?profile=popup`);
      const note = page.locator('#popup-note[data-state="blocked"]');
      await note.waitFor();
      expect(await note.innerText()).toContain('The browser blocked the course window');
      expect(await emulatorAxeViolations(page)).toEqual([]);
      await page.evaluate('window.unblockPopups()');
      const opened = page.waitForEvent('popup');
      await page.getByRole('button', { name: 'Open the course window' }).click();
      const popup = await opened;
      await popup.locator('article.lesson-body').first().waitFor();
      await page.locator('#popup-note[data-state="open"]').waitFor();
      await page.locator('#call-log tr[data-method="LMSInitialize"][data-result="true"]').waitFor();
    });

    it('a course window the learner closed ends the session, with a button that launches again', async () => {
      const { page, popup } = await openInPopup();
      const closed = popup.waitForEvent('close');
      await popup.evaluate('window.close()');
      await closed;
      await page.locator('#popup-note[data-state="closed"]').waitFor();
      await expect.poll(async () => (await latestCalls(page)).filter((call) => call.method === 'LMSFinish').map((call) => call.returned), POLL).toEqual(['"true"']);
      const reopened = page.waitForEvent('popup');
      await page.getByRole('button', { name: 'Launch the course again' }).click();
      await (await reopened).locator('article.lesson-body').first().waitFor();
      await expect.poll(async () => (await loggedSessions(page)).length, POLL).toBe(2);
      expect(await launchRow(page)).toContain('entry "resume"');
    });

    it('late-api: window.API is absent while the course starts loading and appears 500 ms later', async () => {
      const page = await openEmulator();
      // The emulator page records when window.API comes and goes; each course page what it found.
      await page.evaluate(RECORD_API_TIMELINE);
      await context!.addInitScript({ content: RECORD_COURSE_START });
      await page.getByLabel('LMS profile').selectOption('late-api');
      await page.locator('#call-log tr.event[data-event="api-appeared"]').waitFor();
      const { apiChanges, frameSources, courseStarts } = JSON.parse(await page.evaluate('JSON.stringify(window.apiTimeline)')) as ApiTimeline;
      const launchedAt = frameSources.find((source) => source.src.startsWith('/course/'))?.at;
      expect(launchedAt).toBeDefined();
      const withdrawn = apiChanges.find((change) => !change.present);
      const appeared = apiChanges.find((change) => change.present && change.at > launchedAt!);
      const start = courseStarts.find((entry) => !entry.loaded);
      // The previous session's API was withdrawn before the course page started, which found none.
      expect(withdrawn!.at).toBeLessThan(start!.at);
      expect(start!.apiPresent).toBe(false);
      expect(appeared!.at - launchedAt!).toBeGreaterThanOrEqual(490);
      // The frame's load event, when it came before the API (it does unless the machine is very slow).
      const loaded = courseStarts.find((entry) => entry.loaded);
      if (loaded !== undefined && loaded.at < appeared!.at) expect(loaded.apiPresent).toBe(false);
    });
  });
});
