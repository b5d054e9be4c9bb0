// The SCORM session of this page: find the LMS (or start the standalone one), launch, restore,
// apply the LMS's settings, save as the learner goes, keep the LMS login alive, and finish
// exactly once — telling the learner truthfully whether their progress reached the LMS. The same
// for SCORM 1.2 and 2004: the target (scorm-target.ts) brings the version's API, adapter and CMI.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { LearnerStore } from '../logic/learner-store.js';
import type { UiText } from '../logic/ui-text.js';
import type { AnsweredQuestion } from '../logic/interactions.js';
import { discoverLms } from './api-discovery.js';
import { createStandaloneLms, type StandaloneLms } from './standalone.js';
import type { ScormAdapter, ScormFault } from './lms-adapter.js';
import type { ScormTarget } from './scorm-target.js';
import { CmiSync, type SyncState } from './cmi-sync.js';
import { isFirstLaunch, launchSession, recordedSuccess, resumesAttempt, tracksResults, type LaunchData } from './launch.js';
import { ProgressTracking } from './progress-tracking.js';
import { readLearnerState } from '../logic/state-codec.js';
import { emptyLearnerState, mergeLearnerStates } from '../logic/learner-state.js';
import { hasAssessment } from '../logic/course-progress.js';
import { hasPassed } from '../logic/scoring.js';
import { watchPageLifecycle } from './page-lifecycle.js';

/** A pagehide this soon after a save on hide or beforeunload belongs to the same close. */
const CLOSE_SAVE_WINDOW_MS = 2000;
/** A timed commit this often keeps a long session from losing the LMS login. */
export const KEEP_ALIVE_MS = 4 * 60 * 1000;

/**
 * How an exit went. `saved`: the last commit and the finish call (LMSFinish, Terminate) returned
 * "true". `not-saved`: the last values were refused; the session is still open, so the learner may
 * try again. `unconfirmed`: committed, but the finish call did not return "true". `left-unsaved`: the learner chose to leave
 * after a failed save. `not-recorded`: there was no working LMS session at all.
 */
export type ExitOutcome =
  | { kind: 'saved' }
  | { kind: 'not-saved'; fault: ScormFault | undefined }
  | { kind: 'unconfirmed' }
  | { kind: 'left-unsaved' }
  | { kind: 'not-recorded' };

/** How the session tells the learner about their progress: the page's notice line (page/notices.ts). */
export interface SessionNotices {
  show(text: string, kind: 'info' | 'error', options?: { untilNavigation?: boolean; action?: { label: string; run: () => void } }): void;
}

export interface SessionHooks {
  /** Show the bookmarked lesson; false when the learner has already moved on or it is gone. */
  resumeAt(location: string): boolean;
  /** Saving state for tests and styling: <html data-sync="…">. */
  syncState(state: SyncState | 'connecting'): void;
  /** The LMS ended the session (its time limit): show how it ended. */
  ended(outcome: ExitOutcome): void;
}

export class LmsSession<Api = unknown> {
  private adapter: ScormAdapter | null = null;
  private sync: CmiSync | null = null;
  private tracking: ProgressTracking | null = null;
  private readonly pendingInteractions: AnsweredQuestion[] = [];
  private closed = false;
  /** No LMS can be there: scorm-again runs as the local LMS in this page. */
  private local: StandaloneLms<Api> | null = null;
  private readonly timers: Array<ReturnType<typeof setTimeout>> = [];
  /** The learner was told that the LMS cuts the saved state short. */
  private toldTruncated = false;
  /** performance.now() of the last save because the page was hidden or about to unload. */
  private savedOnHideAt = -Infinity;

  constructor(private readonly win: Window, private readonly target: ScormTarget<Api>, private readonly course: RuntimeCourse, private readonly store: LearnerStore, private readonly notices: SessionNotices, private readonly text: UiText, private readonly hooks: SessionHooks) {}

  async connect(): Promise<void> {
    this.hooks.syncState('connecting');
    watchPageLifecycle(this.win, {
      hidden: () => this.saveNow(),
      closing: () => this.finish(),
      restored: () => {
        if (!this.closed) return;
        // Back from the back/forward cache after the finish call. The local LMS can simply start a new
        // session; a real LMS cannot, so the learner is told progress is no longer saved here.
        if (this.local !== null) this.win.location.reload();
        else this.notices.show(this.text('error.initFailed'), 'error');
      },
    });
    const { target } = this;
    const found = await discoverLms(this.win, target.locator);
    if (this.closed) return;
    if (found.kind === 'missing') return this.runOffline('error.noLms');
    if (found.kind === 'standalone') this.local = await createStandaloneLms(this.win, this.course.courseId, this.course.lang, target.standalone);
    const api = found.kind === 'lms' ? found.api : this.local?.api ?? null;
    if (api === null || this.closed) return this.runOffline('error.initFailed');
    const adapter = target.adapter(api);
    this.adapter = adapter;
    const launch = await launchSession(adapter, target.cmi.readLaunch);
    if (launch === null) return this.runOffline('error.initFailed');
    if (this.closed) return;
    this.attach(adapter, launch);
  }

  /** The learner's name as the LMS gives it, asked while the session runs; "" without one. */
  learnerName(): string {
    return this.adapter?.running === true ? this.adapter.getValue(this.target.learnerName) : '';
  }

  /** Queue the interactions of a submitted assessment attempt, with the session time so far. */
  recordInteractions(answers: readonly AnsweredQuestion[]): void {
    if (this.tracking === null) {
      this.pendingInteractions.push(...answers);
      return;
    }
    this.tracking.queueInteractions(answers);
    this.tracking.queueSessionTime();
  }

  /** The learner chose "Save and exit": save, and finish only if the LMS took everything. */
  exit(): ExitOutcome {
    const { tracking, sync } = this;
    if (this.closed) return { kind: 'not-recorded' };
    if (tracking === null || sync === null) {
      this.finish();
      return { kind: 'not-recorded' };
    }
    tracking.queueState(this.store);
    tracking.queueSessionTime();
    tracking.queueNavigation(this.store);
    if (!sync.flushNow(true) || !sync.allSaved) return { kind: 'not-saved', fault: this.adapter?.faults.at(-1) };
    // Everything is committed: the finish call follows at once, with no second commit.
    const { finished } = this.end(false);
    if (!finished) return { kind: 'unconfirmed' };
    this.closeOpenedWindow();
    return { kind: 'saved' };
  }

  /** After a failed save, the learner leaves anyway. */
  leaveUnsaved(): ExitOutcome {
    this.finish();
    return { kind: 'left-unsaved' };
  }

  /** Last values and the finish call (page closing); afterwards nothing is sent. */
  finish(): void {
    if (this.closed) return;
    // A close fires visibilitychange or beforeunload, then pagehide: the save a moment ago already
    // committed the state, so the finish follows without a second commit for a newer session_time.
    if (this.tracking !== null && this.sync !== null) this.end(performance.now() - this.savedOnHideAt > CLOSE_SAVE_WINDOW_MS);
    else {
      this.closed = true;
      // Closed while the launch values were still being read: finish without overwriting them.
      if (this.adapter !== null && this.adapter.running) this.adapter.finish();
      this.hooks.syncState('finished');
    }
  }

  /** The last values (unless they were just committed), then the finish call. */
  private end(queueLast: boolean): { saved: boolean; finished: boolean } {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    const { tracking, sync } = this;
    if (tracking === null || sync === null) return { saved: false, finished: false };
    if (queueLast) {
      tracking.queueState(this.store);
      tracking.queueSessionTime();
    }
    const outcome = sync.finish();
    this.hooks.syncState('finished');
    return outcome;
  }

  private runOffline(message: 'error.noLms' | 'error.initFailed'): void {
    this.notices.show(this.text(message), 'error');
    this.hooks.syncState('offline');
  }

  private attach(adapter: ScormAdapter, launch: LaunchData): void {
    const sync = new CmiSync(adapter, {
      state: (state) => this.hooks.syncState(state),
      failed: () => this.notices.show(this.text('error.saveFailed'), 'error'),
      recovered: () => this.notices.show(this.text('error.saveRecovered'), 'info'),
      refused: () => this.notices.show(this.text('error.saveRefused'), 'error'),
      truncated: (_element, kept) => {
        // Written to fit from now on; if even lesson progress cannot fit, the learner is told once.
        if (!tracking.limitSuspendData(this.store, kept) && !this.toldTruncated) {
          this.toldTruncated = true;
          this.notices.show(this.text('error.stateTruncated'), 'error');
        }
        sync.request();
      },
    }, { optional: this.target.cmi.optional });
    const { course } = this;
    // The LMS's settings win: its mastery score is this session's pass mark.
    if (launch.masteryScore !== null) course.passMark = launch.masteryScore;
    const tracking = new ProgressTracking(course, sync, launch, this.target.cmi);
    this.sync = sync;
    this.tracking = tracking;

    const resumed = resumesAttempt(launch);
    const readable = launch.suspendData === '' ? emptyLearnerState() : readLearnerState(course, launch.suspendData);
    const restored = resumed ? readable ?? emptyLearnerState() : emptyLearnerState();
    // Through update(), so the table of contents, progress and the open lesson show what was restored.
    this.store.update((store) => {
      store.state = mergeLearnerStates(restored, store.state);
      // Records only get better: a pass the LMS holds counts even when our own state lost it.
      if (recordedSuccess(launch) && hasAssessment(course) && !hasPassed(store.state.assessment.score, course.passMark)) {
        store.state.assessment.recorded = { score: launch.scoreRaw };
      }
    }, 'later');
    this.showLaunchNotice(launch, resumed, readable !== undefined);

    tracking.queueInteractions(this.pendingInteractions.splice(0));
    this.store.subscribe((urgency) => {
      tracking.queueState(this.store);
      if (urgency === 'now') sync.request();
    });
    const acted = this.store.acted;
    // The bookmark stays where the learner was while the resumed lesson is still loading, so a
    // close in that moment cannot overwrite it with the first lesson.
    if (resumed && launch.location !== '' && this.hooks.resumeAt(launch.location)) this.store.location = launch.location;
    tracking.queueState(this.store);
    if (isFirstLaunch(launch) || acted || !tracking.tracksResults) sync.request();
    this.keepAlive(tracking, sync);
    this.watchTimeLimit(launch, tracking);
  }

  private showLaunchNotice(launch: LaunchData, resumed: boolean, stateReadable: boolean): void {
    const { notices, text } = this;
    if (!stateReadable) {
      // Saved state that cannot be read (cut short by the LMS, or damaged): never "welcome back".
      notices.show(text('resume.unreadable'), 'error');
    } else if (this.local !== null) {
      notices.show(text('standalone.notice'), 'info', { action: { label: text('standalone.startOver'), run: () => this.startOver() } });
    } else if (!tracksResults(launch)) {
      notices.show(text(launch.lessonMode === 'review' || launch.lessonMode === 'browse' ? 'mode.review' : 'mode.noCredit'), 'info');
    } else if (resumed && launch.location !== '') {
      notices.show(text('resume.notice'), 'info', { untilNavigation: true });
    }
  }

  /** Standalone on a shared computer: forget this browser's record and begin as a new learner. */
  private startOver(): void {
    if (this.local === null || !this.win.confirm(this.text('standalone.startOverConfirm'))) return;
    this.local.forget();
    this.finish();
    this.win.location.reload();
  }

  /** A commit every few minutes (with the session time, so there is something to commit). */
  private keepAlive(tracking: ProgressTracking, sync: CmiSync): void {
    const tick = (): void => {
      if (this.closed) return;
      tracking.queueState(this.store);
      tracking.queueSessionTime();
      sync.request();
      this.timers.push(setTimeout(tick, KEEP_ALIVE_MS));
    };
    this.timers.push(setTimeout(tick, KEEP_ALIVE_MS));
  }

  /** The LMS's max_time_allowed with its time_limit_action: message, and exit where asked. */
  private watchTimeLimit(launch: LaunchData, tracking: ProgressTracking): void {
    if (launch.maxTimeMs === null) return;
    const remaining = Math.max(0, launch.maxTimeMs - launch.totalTimeMs);
    const action = launch.timeLimitAction;
    this.timers.push(setTimeout(() => {
      if (this.closed) return;
      if (action.startsWith('exit')) {
        tracking.endWith('time-out');
        this.hooks.ended(this.exit());
      }
      // After the exit screen, so the reason stays on screen with it.
      if (!action.includes('no message')) this.notices.show(this.text('time.limitReached'), 'info');
    }, remaining));
  }

  /** The course is the window an LMS opened (a popup): close it once the session is over. */
  private closeOpenedWindow(): void {
    try {
      if (this.win.top === this.win && this.win.opener !== null && this.win.opener !== undefined) this.win.setTimeout(() => this.win.close(), 1500);
    } catch {
      // A cross-origin opener: leave the window to the learner.
    }
  }

  /** The page is hidden and may never come back: session time, exit and a commit now. */
  private saveNow(): void {
    if (this.closed || this.tracking === null || this.sync === null) return;
    this.tracking.queueState(this.store);
    this.tracking.queueSessionTime();
    this.sync.flushNow(true);
    this.savedOnHideAt = performance.now();
  }
}
