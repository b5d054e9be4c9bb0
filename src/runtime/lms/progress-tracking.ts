// Turns the learner state into CMI values through the version's mapping (cmi-mapping.ts):
// bookmark, suspend_data, score, status, exit, interactions and session time. What changed is
// queued in the sync, which sends it. Records only get better: a status or score the LMS holds is
// never replaced by a lower one. In browse and review mode and without credit nothing of the
// learner's record is written.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { CmiSync } from './cmi-sync.js';
import type { CmiMapping, CmiValue, ExitKind } from './cmi-mapping.js';
import { isFirstLaunch, tracksResults, type LaunchData } from './launch.js';
import type { LearnerStore } from '../logic/learner-store.js';
import { encodeLearnerState } from '../logic/state-codec.js';
import type { AnsweredQuestion } from '../logic/interactions.js';

/** Any element of the first interaction: refused for good, the LMS takes no interactions. */
const AN_INTERACTION = 'cmi.interactions.0.id';

export class ProgressTracking {
  private nextInteraction: number;
  /** Normal mode with credit: the session may change the learner's record. */
  readonly tracksResults: boolean;
  private exitOverride: ExitKind | undefined;
  /** What this LMS keeps of cmi.suspend_data: the version's limit unless it was found to keep less. */
  private suspendDataLimit: number;

  constructor(private readonly course: RuntimeCourse, private readonly sync: CmiSync, private readonly launch: LaunchData, private readonly cmi: CmiMapping) {
    this.nextInteraction = launch.interactionCount;
    this.tracksResults = tracksResults(launch);
    this.suspendDataLimit = cmi.suspendDataLimit;
    for (const [element, value] of cmi.known(launch)) sync.known(element, value);
    // Browse mode on a first launch: the LMS may be told the learner browsed the course.
    if (!this.tracksResults && launch.lessonMode === 'browse' && isFirstLaunch(launch)) this.queue(cmi.browsed());
  }

  private queue(values: readonly CmiValue[]): void {
    for (const [element, value] of values) this.sync.set(element, value);
  }

  /** How the session would end now. */
  private exitKind(store: LearnerStore): ExitKind {
    return this.exitOverride ?? (this.cmi.done(this.course, store.state) ? 'done' : 'suspend');
  }

  /** Queue the values that describe the store now. */
  queueState(store: LearnerStore): void {
    const { course, cmi } = this;
    if (!this.tracksResults) return;
    this.queue(cmi.location(store.location));
    // The bookmark decides which knowledge checks are kept when they do not all fit.
    this.sync.set(cmi.suspendDataElement, encodeLearnerState(course, store.state, store.location, this.suspendDataLimit));
    this.queue(cmi.results(course, store.state, this.launch));
    this.queue(cmi.exit(this.exitKind(store)));
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

  /** The session ends for a reason of the LMS's (its time limit): say so in the exit. */
  endWith(exit: ExitKind): void {
    this.exitOverride = exit;
    if (this.tracksResults) this.queue(this.cmi.exit(exit));
  }

  /** The learner leaves by the course's own exit: ask the LMS to close the course (where the version can). */
  queueNavigation(store: LearnerStore): void {
    this.queue(this.cmi.navigation(this.exitKind(store), this.tracksResults));
  }

  /** Queue interactions at n = cmi.interactions._count onwards. */
  queueInteractions(answers: readonly AnsweredQuestion[]): void {
    if (!this.tracksResults || !this.sync.isSupported(AN_INTERACTION)) return;
    for (const answered of answers) {
      this.queue(this.cmi.interaction(this.nextInteraction, answered, this.course));
      this.nextInteraction++;
    }
  }

  /** Queue the session time: this session only, measured from the initialize call. */
  queueSessionTime(): void {
    const [element, value] = this.cmi.sessionTime(performance.now() - this.launch.startedAt);
    this.sync.set(element, value);
  }
}
