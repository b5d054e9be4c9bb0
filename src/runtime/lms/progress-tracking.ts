// Turns the learner state into CMI values: bookmark, suspend_data, score, status, exit,
// interactions and session time. What changed is queued in the sync, which sends it. Records only
// get better: a status or score the LMS holds is never replaced by a lower one. In browse and
// review mode and without credit nothing of the learner's record is written.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { CmiSync } from './cmi-sync.js';
import { isFirstLaunch, tracksResults, type LaunchData } from './launch.js';
import type { LearnerStore } from '../logic/learner-store.js';
import { encodeLearnerState } from '../logic/state-codec.js';
import { reportingFor, scoreToWrite, statusToWrite } from '../logic/status.js';
import { interactionElements, type Interaction } from '../logic/interactions.js';
import { isPrintableAscii, SUSPEND_DATA_LIMIT, TEXT_LIMIT } from '../../scorm12/limits.js';
import { formatTimespan } from '../../scorm12/timespan.js';

/** cmi.core.exit: "suspend" to come back, "" when done, "time-out" when the LMS's time limit ended the session. */
export type ExitValue = 'suspend' | '' | 'time-out';

export class ProgressTracking {
  private nextInteraction: number;
  /** Normal mode with credit: the session may change the learner's record. */
  readonly tracksResults: boolean;
  private exitOverride: ExitValue | undefined;
  /** What this LMS keeps of cmi.suspend_data: 4096 unless it was found to keep less. */
  private suspendDataLimit = SUSPEND_DATA_LIMIT;

  constructor(private readonly course: RuntimeCourse, private readonly sync: CmiSync, private readonly launch: LaunchData) {
    this.nextInteraction = launch.interactionCount;
    this.tracksResults = tracksResults(launch);
    sync.known('cmi.core.lesson_location', launch.location);
    sync.known('cmi.suspend_data', launch.suspendData);
    sync.known('cmi.core.lesson_status', launch.status);
    if (launch.scoreRaw !== null) sync.known('cmi.core.score.raw', String(launch.scoreRaw));
    // Browse mode on a first launch: the LMS may be told the learner browsed the course.
    if (!this.tracksResults && launch.lessonMode === 'browse' && isFirstLaunch(launch)) sync.set('cmi.core.lesson_status', 'browsed');
  }

  /** Queue the values that describe the store now. */
  queueState(store: LearnerStore): void {
    const { sync, course } = this;
    if (!this.tracksResults) return;
    // SCORM 1.2 lesson_location is CMIString255; printable ASCII is what every LMS keeps as it is.
    if (store.location.length <= TEXT_LIMIT && isPrintableAscii(store.location)) sync.set('cmi.core.lesson_location', store.location);
    // The bookmark decides which knowledge checks are kept when they do not all fit.
    sync.set('cmi.suspend_data', encodeLearnerState(course, store.state, store.location, this.suspendDataLimit));
    const reporting = reportingFor(course, store.state);
    const score = scoreToWrite(reporting.score, this.launch.scoreRaw);
    if (score !== null) {
      sync.set('cmi.core.score.min', '0');
      sync.set('cmi.core.score.max', '100');
      sync.set('cmi.core.score.raw', String(Math.round(score * 100) / 100));
    }
    const status = statusToWrite(reporting.status, this.launch.status);
    if (status !== null) sync.set('cmi.core.lesson_status', status);
    sync.set('cmi.core.exit', this.exitOverride ?? reporting.exit);
  }

  /**
   * The LMS keeps only `kept` characters of suspend_data: from now on the state is written to fit
   * (knowledge-check answers give way first). False when even the guaranteed part cannot fit.
   */
  limitSuspendData(store: LearnerStore, kept: number): boolean {
    this.suspendDataLimit = Math.min(this.suspendDataLimit, kept);
    const encoded = encodeLearnerState(this.course, store.state, store.location, this.suspendDataLimit);
    this.queueState(store);
    return encoded.length <= this.suspendDataLimit;
  }

  /** The session ends for a reason of the LMS's (its time limit): say so in cmi.core.exit. */
  endWith(exit: ExitValue): void {
    this.exitOverride = exit;
    if (this.tracksResults) this.sync.set('cmi.core.exit', exit);
  }

  /** Queue interactions at n = cmi.interactions._count onwards. */
  queueInteractions(interactions: readonly Interaction[]): void {
    if (!this.tracksResults || !this.sync.isSupported('cmi.interactions.0.id')) return;
    for (const interaction of interactions) {
      for (const [element, value] of interactionElements(this.nextInteraction, interaction)) this.sync.set(element, value);
      this.nextInteraction++;
    }
  }

  /** Queue cmi.core.session_time: this session only, measured from LMSInitialize. */
  queueSessionTime(): void {
    this.sync.set('cmi.core.session_time', formatTimespan(performance.now() - this.launch.startedAt));
  }
}
