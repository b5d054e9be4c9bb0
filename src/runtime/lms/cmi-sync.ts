// Sends CMI values to the LMS: only values that changed, all SetValue calls of a learner action
// first and then one commit (never a commit between them), one call per task so a slow LMS does
// not freeze the page, and retries with backoff until the LMS accepts what it refused. A refusal
// that sending again cannot change (the version's permanent errors, lms-adapter.ts) is recorded
// once and not retried. The same for SCORM 1.2 and 2004: the adapter says what its codes mean.
import type { ScormAdapter } from './lms-adapter.js';
import { nextTask } from './next-task.js';

export type SyncState = 'idle' | 'pending' | 'retrying' | 'offline' | 'finished';

/** How the session ended: the last values committed, and the finish call answered "true". */
export interface FinishOutcome {
  saved: boolean;
  finished: boolean;
}

export interface SyncListener {
  state(state: SyncState): void;
  /** Progress could not be saved (first failure after a success); it is being retried. */
  failed(): void;
  /** Saving works again after a failure. */
  recovered(): void;
  /** The LMS refused for good an element the learner's record needs (said once per session). */
  refused(element: string): void;
  /** Read back, an element holds only the first `kept` characters of what the LMS accepted. */
  truncated(element: string, kept: number): void;
}

export interface SyncOptions {
  /**
   * Elements whose loss costs the learner nothing they would miss on their record (the session
   * time, a navigation request); interactions always are.
   */
  optional: readonly string[];
}

/**
 * Elements read back after the LMS accepted a longer value than any verified before (lengths
 * compared by powers of two, so a session reads each back a few times at most): some LMSes
 * silently keep only part of suspend_data, and resume would then lose the learner's progress.
 */
const READ_BACK: readonly string[] = ['cmi.suspend_data'];

/** 0 for "", else the power of two a length reaches: 1 → 1, 2 → 2, 3–4 → 3, 5–8 → 4, … */
function lengthClass(length: number): number {
  return length === 0 ? 0 : Math.ceil(Math.log2(length)) + 1;
}

/** Milliseconds before each retry; the last one repeats. */
export const RETRY_DELAYS = [500, 1000, 2000, 4000, 8000, 15000, 30000];

/** Interactions are optional: an LMS without them says so once for all of them. */
function family(element: string): string {
  return element.startsWith('cmi.interactions.') ? 'cmi.interactions' : element;
}

/** `cmi.interactions.3.` for any element of interaction 3, else undefined. */
function interactionPrefix(element: string): string | undefined {
  return /^cmi\.interactions\.\d+\./.exec(element)?.[0];
}

export class CmiSync {
  private readonly queued = new Map<string, string>();
  private readonly accepted = new Map<string, string>();
  /** Element families the LMS lacks (interactions) and single elements it refused for good. */
  private readonly unsupported = new Set<string>();
  private uncommitted = false;
  private driving = false;
  private failures = 0;
  /** An essential element was refused for good: never claim that saving works again. */
  private lostEssential = false;
  /** The essential element refused for good in the last round, to tell the learner once. */
  private newlyRefused: string | undefined;
  /** Per read-back element: the highest length class verified so far. */
  private readonly verified = new Map<string, number>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private current: SyncState;

  constructor(private readonly adapter: ScormAdapter | null, private readonly listener: SyncListener, private readonly options: SyncOptions) {
    this.current = adapter?.running === true ? 'idle' : 'offline';
    listener.state(this.current);
  }

  get state(): SyncState {
    return this.current;
  }

  /** A value the LMS already holds (read at launch): not sent again unless it changes. */
  known(element: string, value: string): void {
    this.accepted.set(element, value);
  }

  /** Queue a value; it is sent on the next flush. */
  set(element: string, value: string): void {
    if (!this.active || this.isRefused(element)) return;
    if (this.accepted.get(element) === value) this.queued.delete(element);
    else this.queued.set(element, value);
  }

  isSupported(element: string): boolean {
    return !this.isRefused(element);
  }

  private isRefused(element: string): boolean {
    return this.unsupported.has(family(element)) || this.unsupported.has(element) || this.unsupported.has(interactionPrefix(element) ?? '');
  }

  /** Send queued values soon (in the next task), then commit once. */
  request(): void {
    if (!this.active || this.driving) return;
    if (this.queued.size === 0 && !this.uncommitted) return;
    this.cancelRetry();
    this.setState('pending');
    void this.drive();
  }

  /**
   * Send everything now, synchronously (page hidden or closing); commit unless the finish follows.
   * True when the LMS took every value (and the commit, when asked for).
   */
  flushNow(commit: boolean): boolean {
    if (!this.active) return false;
    this.cancelRetry();
    const round = this.round(commit);
    let step = round.next();
    while (step.done !== true) step = round.next();
    const ok = step.value && this.queued.size === 0 && (!commit || !this.uncommitted);
    if (commit) this.settle(step.value);
    return ok;
  }

  /**
   * Last values, one commit, then the finish call; nothing is sent afterwards. The finish saves by
   * the standard, but some LMSes only persist what was committed, so the final values are committed
   * first (one commit for the exit, like any other learner action).
   */
  finish(): FinishOutcome {
    if (this.adapter === null || !this.adapter.running) return { saved: false, finished: false };
    const saved = this.flushNow(true) && !this.lostEssential;
    this.cancelRetry();
    const finished = this.adapter.finish();
    this.setState('finished');
    return { saved, finished };
  }

  /** Whether everything asked for so far reached the LMS and was committed. */
  get allSaved(): boolean {
    return this.active && this.queued.size === 0 && !this.uncommitted && !this.lostEssential && this.failures === 0;
  }

  private get active(): boolean {
    return this.adapter !== null && this.adapter.running;
  }

  private async drive(): Promise<void> {
    this.driving = true;
    let ok: boolean | undefined;
    try {
      await nextTask();
      const round = this.round(true);
      let step = round.next();
      while (step.done !== true) {
        await nextTask();
        if (!this.active) return;
        step = round.next();
      }
      ok = step.value;
    } finally {
      this.driving = false;
    }
    this.settle(ok);
  }

  /** One pass over the queue (yielding after each call), then one commit. Returns success. */
  private *round(commit: boolean): Generator<void, boolean, void> {
    const tried = new Map<string, string>();
    /** Interactions whose id was refused this round: their other fields would be refused too. */
    const withoutId = new Set<string>();
    let ok = true;
    for (;;) {
      const untried = [...this.queued].filter(([element, value]) => tried.get(element) !== value && !withoutId.has(interactionPrefix(element) ?? ''));
      // Status, score, bookmark and state first: with a slow LMS, what decides the learner's
      // record must not wait behind dozens of interaction fields.
      const next = untried.find(([element]) => family(element) !== 'cmi.interactions') ?? untried[0];
      if (next === undefined || this.adapter === null || !this.adapter.running) break;
      const [element, value] = next;
      tried.set(element, value);
      const result = this.adapter.setValue(element, value);
      if (!result.ok && element.endsWith('.id')) {
        const prefix = interactionPrefix(element);
        if (prefix !== undefined) withoutId.add(prefix);
      }
      if (result.ok) {
        this.accepted.set(element, value);
        if (this.queued.get(element) === value) this.queued.delete(element);
        this.uncommitted = true;
        if (this.needsReadBack(element, value)) {
          yield;
          this.readBack(element, value);
        }
      } else if (this.adapter.errors.permanent.includes(result.code)) {
        // The LMS lacks the element (all interactions, when it lacks one of them). Otherwise this
        // element (or this interaction, when its id was refused) is given up.
        const prefix = interactionPrefix(element);
        this.drop(this.adapter.errors.missing.includes(result.code) ? family(element) : element.endsWith('.id') && prefix !== undefined ? prefix : element);
        // A missing optional element is no loss; a refused bookmark, state or status is.
        if (!this.isOptional(element)) {
          if (!this.lostEssential) this.newlyRefused = element;
          this.lostEssential = true;
        }
      } else {
        ok = false;
      }
      yield;
    }
    if (commit && this.uncommitted && this.adapter !== null && this.adapter.running) {
      if (this.adapter.commit()) this.uncommitted = false;
      else ok = false;
    }
    return ok;
  }

  /** Elements whose loss costs the learner nothing they would miss on their record. */
  private isOptional(element: string): boolean {
    return family(element) === 'cmi.interactions' || this.options.optional.includes(element);
  }

  private needsReadBack(element: string, value: string): boolean {
    return READ_BACK.includes(element) && lengthClass(value.length) > (this.verified.get(element) ?? 0);
  }

  /** Ask the LMS what it kept; tell the listener when it kept less than it accepted. */
  private readBack(element: string, value: string): void {
    if (this.adapter === null || !this.adapter.running) return;
    const kept = this.adapter.readValue(element);
    if (kept === undefined) return;
    this.verified.set(element, lengthClass(value.length));
    if (kept === value) return;
    // The LMS holds something else: what it holds is what the next launch gets.
    this.accepted.set(element, kept);
    if (kept.length < value.length) this.listener.truncated(element, kept.length);
  }

  private drop(refused: string): void {
    this.unsupported.add(refused);
    for (const element of [...this.queued.keys()]) if (this.isRefused(element)) this.queued.delete(element);
  }

  private settle(ok: boolean): void {
    if (!this.active) return;
    if (this.newlyRefused !== undefined) {
      this.listener.refused(this.newlyRefused);
      this.newlyRefused = undefined;
    }
    const stillQueued = this.queued.size > 0 || this.uncommitted;
    if (ok) {
      // After a refusal for good, saving never "works again": the learner was told what is lost.
      if (this.failures > 0 && !this.lostEssential) this.listener.recovered();
      this.failures = 0;
      if (stillQueued) {
        this.request();
        return;
      }
      this.setState('idle');
      return;
    }
    if (this.failures === 0) this.listener.failed();
    this.failures++;
    if (!stillQueued) {
      // Refused for good (e.g. 401): nothing left to retry.
      this.setState('idle');
      return;
    }
    const delay = RETRY_DELAYS[Math.min(this.failures - 1, RETRY_DELAYS.length - 1)]!;
    this.setState('retrying');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      // A flush may have started a round meanwhile; its own settle() carries on from there.
      if (this.driving) return;
      this.setState('pending');
      void this.drive();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setState(state: SyncState): void {
    if (this.current === state) return;
    this.current = state;
    this.listener.state(state);
  }
}
