// Drives an LMS harness page: test/helpers/lms-harness-page/ (scorm-again as window.API) or
// test/helpers/strict-lms-page/ (our strict SCORM 1.2 LMS, with LMS profiles and launch windows),
// both bundled for the browser at test time.
// Launch a package, mark learner actions, close the course, read every recorded API call and the
// CMI the LMS kept.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { LaunchWindow, LmsProfileId } from '../../src/lms/lms-profiles.js';
import type { ApiMethod } from '../../src/scorm12/api.js';

export interface ApiCall {
  session: number;
  seq: number;
  name: ApiMethod;
  args: string[];
  result: string;
  error: number;
  /** The learner action under way (HarnessPage.mark), "launch" before the first one. */
  mark: string;
  at: number;
}

/** scorm-again's CMI object (renderCMIToJSONObject().cmi). */
export interface Cmi {
  suspend_data: string;
  core: {
    lesson_location: string;
    lesson_status: string;
    entry: string;
    exit: string;
    session_time: string;
    score: { raw: string; min: string; max: string };
    [key: string]: unknown;
  };
  interactions: Record<string, {
    id: string;
    type: string;
    time: string;
    student_response: string;
    result: string;
    latency: string;
    correct_responses: Record<string, { pattern: string }>;
  }>;
  [key: string]: unknown;
}

export interface HarnessFaults {
  initializeFails?: boolean;
  commitFailures?: number;
  delayMs?: number;
  rejectSetValue?: Array<{ pattern: string; code: number; times?: number }>;
}

export interface LaunchOptions {
  url: string;
  /** The course page when `url` is a wrapper around it (default: `url`). */
  courseUrl?: string;
  cmi?: Cmi | null;
  masteryScore?: number | null;
  provideApi?: boolean;
  faults?: HarnessFaults;
  /** Strict harness only: the LMS profile (launch values, quirks, late API, window); default standard. */
  profile?: LmsProfileId;
  /** Strict harness only: where the course runs, instead of the profile's window. */
  window?: LaunchWindow;
}

export type HarnessKind = 'scorm-again' | 'strict';

interface HarnessWindow {
  harness: {
    launch(options: LaunchOptions): number;
    close(): { session: number; persisted: Cmi | null };
    mark(label: string): void;
    calls(session?: number): ApiCall[];
    persisted(): Cmi | null;
    current(): Cmi | null;
  };
}

/** The course page reports its saving state on <html data-sync>. */
export const SETTLED = "['idle', 'offline', 'retrying', 'finished'].includes(document.documentElement.dataset.sync ?? '')";

export class HarnessPage {
  /** The page the course of the last launch runs in: this page, or a window the LMS opened. */
  private courseRunsIn: Page;

  private constructor(readonly page: Page, readonly context: BrowserContext, readonly kind: HarnessKind) {
    this.courseRunsIn = page;
  }

  /** The scorm-again harness (test/helpers/lms-harness-page/) at `harnessUrl`. */
  static open(browser: Browser, harnessUrl: string, viewport = { width: 1024, height: 768 }): Promise<HarnessPage> {
    return HarnessPage.openKind(browser, harnessUrl, viewport, 'scorm-again');
  }

  /** The strict LMS harness (test/helpers/strict-lms-page/) at `strictHarnessUrl`. */
  static openStrict(browser: Browser, strictHarnessUrl: string, viewport = { width: 1024, height: 768 }): Promise<HarnessPage> {
    return HarnessPage.openKind(browser, strictHarnessUrl, viewport, 'strict');
  }

  private static async openKind(browser: Browser, url: string, viewport: { width: number; height: number }, kind: HarnessKind): Promise<HarnessPage> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    return new HarnessPage(page, context, kind);
  }

  /** The page the course runs in (for its keyboard): the harness page, or the course's own window. */
  get coursePage(): Page {
    return this.courseRunsIn;
  }

  /** Launch a package; resolves once the course has loaded and connected to the LMS (or given up). */
  async launch(options: LaunchOptions): Promise<{ session: number; frame: Frame }> {
    const session = await this.install(options);
    const frame = await this.courseFrame(options.courseUrl ?? options.url);
    await frame.waitForLoadState('load');
    await frame.waitForFunction(SETTLED);
    return { session, frame };
  }

  /** Set up window.API (and the frame or window) without waiting for a course in it. */
  install(options: LaunchOptions): Promise<number> {
    if (this.kind !== 'strict' && (options.profile !== undefined || options.window !== undefined)) {
      throw new Error('LMS profiles and launch windows need the strict harness (HarnessPage.openStrict)');
    }
    const { courseUrl: _courseUrl, ...launchOptions } = options;
    this.courseRunsIn = this.page;
    return this.page.evaluate((harnessOptions) => (globalThis as unknown as HarnessWindow).harness.launch(harnessOptions), { masteryScore: 80, ...launchOptions });
  }

  /** The course's frame: in this page, or in a window the LMS opened (found among the context's pages). */
  private async courseFrame(url: string): Promise<Frame> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      for (const page of this.context.pages()) {
        const frame = page.frames().find((candidate) => candidate !== this.page.mainFrame() && candidate.url() === url);
        if (frame !== undefined) {
          this.courseRunsIn = page;
          return frame;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The course frame ${url} did not load`);
  }

  mark(label: string): Promise<void> {
    return this.page.evaluate((text) => (globalThis as unknown as HarnessWindow).harness.mark(text), label);
  }

  /**
   * The learner closes the course: its frame is removed, or its window closed with its unload
   * handlers run (so pagehide fires); returns what the LMS kept.
   */
  async close(): Promise<{ session: number; persisted: Cmi | null }> {
    await this.mark('close');
    const popup = this.courseRunsIn;
    if (popup !== this.page && !popup.isClosed()) {
      await Promise.all([popup.waitForEvent('close'), popup.close({ runBeforeUnload: true })]);
    }
    this.courseRunsIn = this.page;
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).harness.close());
  }

  calls(session?: number): Promise<ApiCall[]> {
    return this.page.evaluate((which) => (globalThis as unknown as HarnessWindow).harness.calls(which), session);
  }

  persisted(): Promise<Cmi | null> {
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).harness.persisted());
  }

  /** Wait until the course has sent what the last action changed (or gave up for now). */
  static waitSettled(frame: Frame): Promise<unknown> {
    return frame.waitForFunction(SETTLED);
  }

  dispose(): Promise<void> {
    return this.context.close();
  }
}
