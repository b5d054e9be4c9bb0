// Drives test/helpers/lms-harness-page/: launch a package under scorm-again as window.API, mark
// learner actions, close the course, read every recorded API call and the CMI the LMS kept.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

export type ScormCallName = 'LMSInitialize' | 'LMSFinish' | 'LMSGetValue' | 'LMSSetValue' | 'LMSCommit' | 'LMSGetLastError' | 'LMSGetErrorString' | 'LMSGetDiagnostic';

export interface ApiCall {
  session: number;
  seq: number;
  name: ScormCallName;
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
}

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
  private constructor(readonly page: Page, readonly context: BrowserContext) {}

  static async open(browser: Browser, harnessUrl: string, viewport = { width: 1024, height: 768 }): Promise<HarnessPage> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(harnessUrl);
    return new HarnessPage(page, context);
  }

  /** Launch a package in the harness frame; resolves once the course has connected to the LMS. */
  async launch(options: LaunchOptions): Promise<{ session: number; frame: Frame }> {
    const session = await this.install(options);
    const frame = await this.courseFrame(options.courseUrl ?? options.url);
    await frame.waitForLoadState('load');
    await frame.waitForFunction(SETTLED);
    return { session, frame };
  }

  /** Set up window.API (and the frame) without waiting for a course in it. */
  install(options: LaunchOptions): Promise<number> {
    const { courseUrl: _courseUrl, ...launchOptions } = options;
    return this.page.evaluate((harnessOptions) => (globalThis as unknown as HarnessWindow).harness.launch(harnessOptions), { masteryScore: 80, ...launchOptions });
  }

  private async courseFrame(url: string): Promise<Frame> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const frame = this.page.frames().find((candidate) => candidate !== this.page.mainFrame() && candidate.url() === url);
      if (frame !== undefined) return frame;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The course frame ${url} did not load`);
  }

  mark(label: string): Promise<void> {
    return this.page.evaluate((text) => (globalThis as unknown as HarnessWindow).harness.mark(text), label);
  }

  /** Remove the course frame (the learner closes the course); returns what the LMS kept. */
  async close(): Promise<{ session: number; persisted: Cmi | null }> {
    await this.mark('close');
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
