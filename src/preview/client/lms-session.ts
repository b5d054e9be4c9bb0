// One launch of the course: a scorm-again Scorm12API seeded with the learner's record and the LMS
// profile's launch values (like an LMS does before the SCO starts), answering through the profile's
// quirks, exposed to the course as window.API through a facade that logs every call with what the
// course received and judges it against the SCORM 1.2 rules. Course → facade → quirks → scorm-again.
import { Scorm12API } from 'scorm-again';
import { launchValues, withProfileQuirks, type LmsProfile } from '../../lms/lms-profiles.js';
import { API_METHODS, type ApiMethod, type Scorm12Api } from '../../scorm12/api.js';
import { relaunchCmi } from '../../scorm12/relaunch.js';
import { checkLaunchValues } from '../../scorm12/launch-values.js';
import { SessionRules } from '../../scorm12/session-rules.js';
import type { RuleViolation } from '../../scorm12/value-rules.js';
import { ForwardingRecorder, quirkOf, type QuirkNote } from './quirk-notes.js';
import type { CmiJson, LearnerRecord, LearnerStore } from './learner-store.js';

/** scorm-again's settings, all explicit: any settings object would force mastery_override anyway. */
export const LMS_SETTINGS = {
  autocommit: false,
  lmsCommitUrl: false,
  logLevel: 'ERROR',
  // Like Moodle: at LMSFinish the status follows score.raw against mastery_score (when both are set).
  mastery_override: true,
  score_overrides_status: false,
  autoCompleteLessonStatus: false,
  selfReportSessionTime: false,
  alwaysSendTotalTime: false,
  strict_errors: true,
  enableOfflineSupport: false,
  globalStudentPreferences: false,
  sendFullCommit: true,
} as const;

export const PREVIEW_LEARNER = { id: 'preview-learner', name: 'Learner, Preview' } as const;

export interface CallRecord {
  index: number;
  /** Milliseconds since the launch. */
  at: number;
  method: ApiMethod;
  args: string[];
  result: string;
  errorCode: string;
  violations: RuleViolation[];
  /** What the profile's quirks changed in this call, if anything. */
  quirk: QuirkNote | undefined;
}

export interface LmsSessionOptions {
  store: LearnerStore;
  storageKey: string;
  /** adlcp:masteryscore of the manifest under the chosen reporting mode. */
  masteryScore: number | null;
  /** The LMS the emulator plays: launch values and quirks. */
  profile: LmsProfile;
  onCall: (call: CallRecord) => void;
  /** A later call showed that an earlier one (by index) broke a rule. */
  onEarlierViolation: (index: number, violation: RuleViolation) => void;
}

export type ScormApiFacade = Record<ApiMethod, (...args: unknown[]) => string>;

export class LmsSession {
  readonly api: Scorm12API;
  readonly facade: ScormApiFacade;
  /** cmi.core.entry of this launch. */
  readonly entry: string;
  /** The values the LMS profile handed over at this launch, by CMI element. */
  readonly launch: Readonly<Record<string, string>>;
  /** The record this launch started from (undefined for a new learner). */
  readonly startRecord: LearnerRecord | undefined;
  private readonly rules = new SessionRules();
  /** scorm-again as the course reaches it: through the profile's quirks. */
  private readonly lms: Scorm12Api;
  private readonly forwarded: ForwardingRecorder;
  private readonly startedAt = performance.now();
  private calls = 0;
  private task = 0;
  private taskOpen = false;
  private saved = false;

  constructor(private readonly options: LmsSessionOptions) {
    this.startRecord = options.store.load(options.storageKey);
    this.launch = launchValues(options.profile, this.startRecord !== undefined);
    const start = seed(this.startRecord, options.masteryScore, this.launch);
    this.entry = String((start.core as Record<string, unknown>).entry);
    this.api = new Scorm12API({ ...LMS_SETTINGS });
    this.api.loadFromJSON(start);
    this.forwarded = new ForwardingRecorder(this.api);
    this.lms = withProfileQuirks(this.forwarded.api, options.profile.quirks);
    const facade: Partial<ScormApiFacade> = {};
    for (const method of API_METHODS) facade[method] = (...args: unknown[]) => this.call(method, args);
    this.facade = facade as ScormApiFacade;
  }

  /** The CMI data as the LMS holds it right now. */
  cmi(): CmiJson {
    return (this.api.renderCMIToJSONObject() as { cmi?: CmiJson }).cmi ?? {};
  }

  /** Previous sessions plus this one's session_time. */
  currentTotalTime(): string {
    return this.api.cmi.getCurrentTotalTime();
  }

  get initialized(): boolean {
    return this.rules.initialized;
  }

  get finished(): boolean {
    return this.rules.isFinished;
  }

  /** The course frame went away: what the session left undone. */
  end(): RuleViolation[] {
    return this.initialized && !this.finished ? [{ rule: 'finish-missing' }] : [];
  }

  private call(method: ApiMethod, args: unknown[]): string {
    const index = ++this.calls;
    const text = args.map((arg) => (arg === undefined || arg === null ? '' : String(arg)));
    const verdict = this.rules.check({ method, args: text, index, task: this.currentTask(), interactionCount: this.api.cmi.interactions._count });
    this.forwarded.take();
    const result = String((this.lms[method] as (...values: string[]) => unknown).apply(this.lms, text));
    const forwarded = this.forwarded.take();
    const errorCode = String(this.lms.LMSGetLastError());
    this.forwarded.take();
    const quirk = quirkOf({ method, args: text, result, errorCode }, forwarded);
    this.rules.record(method, result);
    // What the LMS stores follows what it did, not what its quirk answered.
    if ((forwarded?.method === method ? forwarded.result : result) === 'true' && (method === 'LMSCommit' || method === 'LMSFinish')) this.save(method === 'LMSFinish');
    this.options.onCall({ index, at: Math.round(performance.now() - this.startedAt), method, args: text, result, errorCode, violations: verdict.violations, quirk });
    for (const earlier of verdict.earlier) this.options.onEarlierViolation(earlier.index, earlier.violation);
    return result;
  }

  /** Calls made in one synchronous run of script share a task number. */
  private currentTask(): number {
    if (!this.taskOpen) {
      this.task++;
      this.taskOpen = true;
      setTimeout(() => {
        this.taskOpen = false;
      }, 0);
    }
    return this.task;
  }

  /** What an LMS stores on LMSCommit and LMSFinish. */
  private save(finished: boolean): void {
    const cmi = this.cmi();
    const core = (cmi.core ?? {}) as Record<string, unknown>;
    this.options.store.save(this.options.storageKey, {
      cmi,
      totalTime: finished ? this.currentTotalTime() : this.startRecord?.totalTime ?? '',
      lastExit: String(core.exit ?? ''),
      sessions: (this.startRecord?.sessions ?? 0) + 1,
    });
    this.saved = true;
  }

  /** Whether this launch stored anything. */
  get stored(): boolean {
    return this.saved;
  }
}

/**
 * What loadFromJSON receives before LMSInitialize: the saved record as an LMS hands it back at the
 * next launch (src/scorm12/relaunch.ts) for the preview's learner, with the manifest's mastery
 * score, the total time of the finished sessions and the profile's launch values.
 */
export function seed(record: LearnerRecord | undefined, masteryScore: number | null, launch: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  checkLaunchValues(launch);
  return relaunchCmi(record?.cmi ?? null, { learner: PREVIEW_LEARNER, masteryScore, totalTime: record?.totalTime ?? '', launchValues: launch });
}
