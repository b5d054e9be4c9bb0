// Drives an LMS harness page: test/helpers/lms-harness-page/ (scorm-again's Scorm12API as
// window.API, or its Scorm2004API as window.API_1484_11) or test/helpers/strict-lms-page/ (our
// strict SCORM 1.2 or SCORM 2004 LMS, with LMS profiles and launch windows), both bundled for the
// browser at test time. A harness page runs one target, given when it is opened.
// Launch a package, mark learner actions, close the course, read every recorded API call and the
// CMI the LMS kept.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { LaunchWindow, LmsProfileId } from '../../src/lms/lms-profiles.js';
import type { Target } from '../../src/lms/rte-api.js';
import type { ApiMethod } from '../../src/scorm12/api.js';
import type { ApiMethod as ApiMethod2004 } from '../../src/scorm2004/api.js';

export type { Target };
export const TARGETS: readonly Target[] = ['scorm12', 'scorm2004'];

/** The API's method names of a target. */
export type MethodOf<T extends Target> = T extends 'scorm2004' ? ApiMethod2004 : ApiMethod;

export interface ApiCall<M extends string = ApiMethod> {
  session: number;
  seq: number;
  name: M;
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

/** scorm-again's SCORM 2004 CMI object (renderCMIToJSONObject().cmi), or the strict LMS's Scorm2004Record. */
export interface Cmi2004 {
  suspend_data: string;
  location: string;
  completion_status: string;
  success_status: string;
  entry: string;
  exit: string;
  session_time: string;
  total_time: string;
  mode: string;
  credit: string;
  score: { scaled: string; raw: string; min: string; max: string };
  interactions: Record<string, {
    id: string;
    type: string;
    timestamp: string;
    learner_response: string;
    result: string;
    latency: string;
    description: string;
    correct_responses: Record<string, { pattern: string }>;
  }>;
  [key: string]: unknown;
}

/** The CMI of a target. */
export type CmiOf<T extends Target> = T extends 'scorm2004' ? Cmi2004 : Cmi;

export interface HarnessFaults {
  initializeFails?: boolean;
  commitFailures?: number;
  delayMs?: number;
  rejectSetValue?: Array<{ pattern: string; code: number; times?: number }>;
}

export interface LaunchOptions<T extends Target = 'scorm12'> {
  url: string;
  /** The course page when `url` is a wrapper around it (default: `url`). */
  courseUrl?: string;
  cmi?: CmiOf<T> | null;
  /** The manifest's pass mark on 0–100 (SCORM 1.2 masteryscore; SCORM 2004 scaled passing score × 100); default 80. */
  masteryScore?: number | null;
  provideApi?: boolean;
  faults?: HarnessFaults;
  /** Strict harness only: the LMS profile (launch values, quirks, late API, window); default standard. */
  profile?: LmsProfileId;
  /** Strict harness only: where the course runs, instead of the profile's window. */
  window?: LaunchWindow;
}

export type HarnessKind = 'scorm-again' | 'strict';

/** What a harness page's launch takes: the options and the target. */
export type PageLaunchOptions = Omit<LaunchOptions<Target>, 'courseUrl'> & { target: Target };

interface HarnessWindow {
  harness: {
    launch(options: PageLaunchOptions): number;
    close(): { session: number; persisted: unknown };
    mark(label: string): void;
    calls(session?: number): ApiCall<string>[];
    persisted(): unknown;
    current(): unknown;
  };
}

/** The course page reports its saving state on <html data-sync>. */
export const SETTLED = "['idle', 'offline', 'retrying', 'finished'].includes(document.documentElement.dataset.sync ?? '')";

const DESKTOP = { width: 1024, height: 768 };

export class HarnessPage<T extends Target = 'scorm12'> {
  /** The page the course of the last launch runs in: this page, or a window the LMS opened. */
  private courseRunsIn: Page;

  private constructor(readonly page: Page, readonly context: BrowserContext, readonly kind: HarnessKind, readonly target: T) {
    this.courseRunsIn = page;
  }

  /** The scorm-again harness (test/helpers/lms-harness-page/) at `harnessUrl`, for SCORM 1.2 unless `target` says otherwise. */
  static open<T extends Target = 'scorm12'>(browser: Browser, harnessUrl: string, viewport = DESKTOP, target?: T): Promise<HarnessPage<T>> {
    return HarnessPage.openKind(browser, harnessUrl, viewport, 'scorm-again', target ?? ('scorm12' as T));
  }

  /** The strict LMS harness (test/helpers/strict-lms-page/) at `strictHarnessUrl`, for SCORM 1.2 unless `target` says otherwise. */
  static openStrict<T extends Target = 'scorm12'>(browser: Browser, strictHarnessUrl: string, viewport = DESKTOP, target?: T): Promise<HarnessPage<T>> {
    return HarnessPage.openKind(browser, strictHarnessUrl, viewport, 'strict', target ?? ('scorm12' as T));
  }

  private static async openKind<T extends Target>(browser: Browser, url: string, viewport: { width: number; height: number }, kind: HarnessKind, target: T): Promise<HarnessPage<T>> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    return new HarnessPage(page, context, kind, target);
  }

  /** The page the course runs in (for its keyboard): the harness page, or the course's own window. */
  get coursePage(): Page {
    return this.courseRunsIn;
  }

  /** Launch a package; resolves once the course has loaded and connected to the LMS (or given up). */
  async launch(options: LaunchOptions<T>): Promise<{ session: number; frame: Frame }> {
    const session = await this.install(options);
    const frame = await this.courseFrame(options.courseUrl ?? options.url);
    await frame.waitForLoadState('load');
    await frame.waitForFunction(SETTLED);
    return { session, frame };
  }

  /** Set up window.API (and the frame or window) without waiting for a course in it. */
  install(options: LaunchOptions<T>): Promise<number> {
    if (this.kind !== 'strict' && (options.profile !== undefined || options.window !== undefined)) {
      throw new Error('LMS profiles and launch windows need the strict harness (HarnessPage.openStrict)');
    }
    const { courseUrl: _courseUrl, ...launchOptions } = options;
    this.courseRunsIn = this.page;
    const pageOptions: PageLaunchOptions = { masteryScore: 80, ...(launchOptions as Omit<LaunchOptions<Target>, 'courseUrl'>), target: this.target };
    return this.page.evaluate((harnessOptions) => (globalThis as unknown as HarnessWindow).harness.launch(harnessOptions), pageOptions);
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
  async close(): Promise<{ session: number; persisted: CmiOf<T> | null }> {
    await this.mark('close');
    const popup = this.courseRunsIn;
    if (popup !== this.page && !popup.isClosed()) {
      await Promise.all([popup.waitForEvent('close'), popup.close({ runBeforeUnload: true })]);
    }
    this.courseRunsIn = this.page;
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).harness.close()) as Promise<{ session: number; persisted: CmiOf<T> | null }>;
  }

  calls(session?: number): Promise<ApiCall<MethodOf<T>>[]> {
    return this.page.evaluate((which) => (globalThis as unknown as HarnessWindow).harness.calls(which), session) as Promise<ApiCall<MethodOf<T>>[]>;
  }

  persisted(): Promise<CmiOf<T> | null> {
    return this.page.evaluate(() => (globalThis as unknown as HarnessWindow).harness.persisted()) as Promise<CmiOf<T> | null>;
  }

  /** Wait until the course has sent what the last action changed (or gave up for now). */
  static waitSettled(frame: Frame): Promise<unknown> {
    return frame.waitForFunction(SETTLED);
  }

  dispose(): Promise<void> {
    return this.context.close();
  }
}
