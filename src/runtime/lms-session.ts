// The SCORM session of this page: find the LMS (or start the standalone one), launch, restore,
// save as the learner goes, and finish exactly once.
import type { RuntimeCourse } from './course-shape.js';
import type { LearnerStore } from './learner-store.js';
import type { Notices } from './notices.js';
import type { UiText } from './ui-text.js';
import type { Interaction } from './interactions.js';
import type { Scorm12Api } from './scorm12-api.js';
import { findScorm12Api } from './api-discovery.js';
import { createStandaloneLms } from './standalone.js';
import { Scorm12Adapter } from './scorm12-adapter.js';
import { CmiSync, type SyncState } from './cmi-sync.js';
import { isFirstLaunch, launchSession, resumesAttempt, type LaunchData } from './launch.js';
import { ProgressTracking } from './progress-tracking.js';
import { decodeLearnerState } from './state-codec.js';
import { emptyLearnerState, mergeLearnerStates } from './learner-state.js';
import { watchPageLifecycle } from './page-lifecycle.js';

export interface SessionHooks {
  /** The LMS knows where the learner was: go there (unless they already moved on). */
  /** Show the bookmarked lesson; false when the learner has already moved on or it is gone. */
  resumeAt(location: string): boolean;
  /** Saving state for tests and styling: <html data-sync="…">. */
  syncState(state: SyncState | 'connecting'): void;
}

export class LmsSession {
  private adapter: Scorm12Adapter | null = null;
  private sync: CmiSync | null = null;
  private tracking: ProgressTracking | null = null;
  private readonly pendingInteractions: Interaction[] = [];
  private closed = false;
  /** No LMS was found: scorm-again runs as the local LMS in this page. */
  private standalone = false;

  constructor(private readonly win: Window, private readonly course: RuntimeCourse, private readonly store: LearnerStore, private readonly notices: Notices, private readonly text: UiText, private readonly hooks: SessionHooks) {}

  async connect(): Promise<void> {
    this.hooks.syncState('connecting');
    watchPageLifecycle(this.win, {
      hidden: () => this.saveNow(),
      closing: () => this.finish(),
      // The session ended with LMSFinish and cannot start again: say that nothing is saved now.
      restored: () => {
        if (!this.closed) return;
        // Back from the back/forward cache after LMSFinish. The local LMS can simply start a new
        // session; a real LMS cannot, so the learner is told progress is no longer saved here.
        if (this.standalone) this.win.location.reload();
        else this.notices.show(this.text('error.initFailed'), 'error');
      },
    });
    let api: Scorm12Api | null = findScorm12Api(this.win);
    const standalone = api === null;
    this.standalone = standalone;
    if (api === null) api = await createStandaloneLms(this.win, this.course.courseId, this.course.lang);
    if (api === null || this.closed) return this.runOffline();
    const adapter = new Scorm12Adapter(api);
    this.adapter = adapter;
    const launch = await launchSession(adapter);
    if (launch === null) return this.runOffline();
    if (this.closed) return;
    this.attach(adapter, launch, standalone);
  }

  /** Queue the interactions of a submitted assessment attempt. */
  recordInteractions(interactions: readonly Interaction[]): void {
    if (this.tracking === null) this.pendingInteractions.push(...interactions);
    else this.tracking.queueInteractions(interactions);
  }

  /** Last values and LMSFinish; afterwards nothing is sent. */
  finish(): void {
    if (this.closed) return;
    this.closed = true;
    const { tracking, sync, adapter } = this;
    if (tracking !== null && sync !== null) {
      tracking.queueState(this.store);
      tracking.queueSessionTime();
      sync.finish();
    } else if (adapter !== null && adapter.running) {
      // Closed while the launch values were still being read: finish without overwriting them.
      adapter.finish();
    }
    this.hooks.syncState('finished');
  }

  private runOffline(): void {
    this.notices.show(this.text('error.initFailed'), 'error');
    this.hooks.syncState('offline');
  }

  private attach(adapter: Scorm12Adapter, launch: LaunchData, standalone: boolean): void {
    const sync = new CmiSync(adapter, {
      state: (state) => this.hooks.syncState(state),
      failed: () => this.notices.show(this.text('error.saveFailed'), 'error'),
      recovered: () => this.notices.show(this.text('error.saveRecovered'), 'info'),
    });
    const tracking = new ProgressTracking(this.course, sync, launch);
    this.sync = sync;
    this.tracking = tracking;

    const resumed = resumesAttempt(launch);
    const restored = resumed ? decodeLearnerState(this.course, launch.suspendData) : emptyLearnerState();
    // Through update(), so the table of contents, progress and the open lesson show what was restored.
    this.store.update((store) => {
      store.state = mergeLearnerStates(restored, store.state);
    }, 'later');
    if (standalone) this.notices.show(this.text('standalone.notice'), 'info');
    else if (resumed && launch.location !== '') this.notices.show(this.text('resume.notice'), 'info');

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
    if (isFirstLaunch(launch) || acted) sync.request();
  }

  /** The page is hidden and may never come back: session time, exit and a commit now. */
  private saveNow(): void {
    if (this.closed || this.tracking === null || this.sync === null) return;
    this.tracking.queueState(this.store);
    this.tracking.queueSessionTime();
    this.sync.flushNow(true);
  }
}
