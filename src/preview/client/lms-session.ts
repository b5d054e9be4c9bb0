// One launch of the course: scorm-again's Scorm12API or Scorm2004API, as the target of the launch
// says, seeded with the learner's record and the LMS profile's launch values (like an LMS does
// before the SCO starts), answering through the profile's quirks, exposed to the course as
// window.API or window.API_1484_11 through a facade that logs every call with what the course
// received and judges it against the version's rules (src/scorm12/, src/scorm2004/).
// Course → facade → quirks → scorm-again.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { launchValues, withRteQuirks, type LmsProfile } from '../../lms/lms-profiles.js';
import { callOf, methodNames, neutralApi, RTE_CALLS, type RteApi, type Target } from '../../lms/rte-api.js';
import type { ApiMethod } from '../../scorm12/api.js';
import type { ApiMethod as ApiMethod2004 } from '../../scorm2004/api.js';
import { relaunchCmi } from '../../scorm12/relaunch.js';
import { relaunchCmi as relaunchCmi2004 } from '../../scorm2004/relaunch.js';
import { checkLaunchValues } from '../../scorm12/launch-values.js';
import { checkLaunchValues as checkLaunchValues2004 } from '../../scorm2004/launch-values.js';
import { SessionRules } from '../../scorm12/session-rules.js';
import { SessionRules as SessionRules2004 } from '../../scorm2004/session-rules.js';
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

/** The same for Scorm2004API: no commits to a server, nothing completed or sequenced on its own. */
export const LMS_SETTINGS_2004 = {
  autocommit: false,
  lmsCommitUrl: false,
  logLevel: 'ERROR',
  autoProgress: false,
  selfReportSessionTime: false,
  alwaysSendTotalTime: false,
  strict_errors: true,
  enableOfflineSupport: false,
  sendFullCommit: true,
} as const;

export const PREVIEW_LEARNER = { id: 'preview-learner', name: 'Learner, Preview' } as const;

/** What the session uses of scorm-again's API object, either version. */
interface ScormAgainLms {
  cmi: { interactions: { _count: number }; getCurrentTotalTime(): string };
  loadFromJSON(json: Record<string, unknown>): void;
  renderCMIToJSONObject(): unknown;
}

/** The session rules of either version (src/scorm12/session-rules.ts, src/scorm2004/session-rules.ts). */
interface VersionRules {
  readonly initialized: boolean;
  readonly isFinished: boolean;
  check(call: { method: string; args: readonly string[]; index: number; task: number; interactionCount: number }): { violations: RuleViolation[]; earlier: { index: number; violation: RuleViolation }[] };
  record(method: string, result: string, args: readonly string[]): void;
}

function versionRules(target: Target): VersionRules {
  if (target === 'scorm2004') {
    const rules = new SessionRules2004();
    return {
      get initialized() { return rules.initialized; },
      get isFinished() { return rules.isFinished; },
      check: (call) => rules.check({ ...call, method: call.method as ApiMethod2004 }),
      record: (method, result, args) => rules.record(method as ApiMethod2004, result, args),
    };
  }
  const rules = new SessionRules();
  return {
    get initialized() { return rules.initialized; },
    get isFinished() { return rules.isFinished; },
    check: (call) => rules.check({ ...call, method: call.method as ApiMethod }),
    record: (method, result) => rules.record(method as ApiMethod, result),
  };
}

export interface CallRecord {
  index: number;
  /** Milliseconds since the launch. */
  at: number;
  /** The version's method name (LMSSetValue, SetValue, …). */
  method: string;
  args: string[];
  result: string;
  errorCode: string;
  violations: RuleViolation[];
  /** What the profile's quirks changed in this call, if anything. */
  quirk: QuirkNote | undefined;
}

export interface LmsSessionOptions {
  /** The package's SCORM version: the API the course looks for and the rules it is judged by. */
  target: Target;
  store: LearnerStore;
  storageKey: string;
  /** The manifest's pass mark (0–100) under the chosen reporting mode: 1.2 mastery_score, 2004 scaled_passing_score × 100. */
  masteryScore: number | null;
  /** The LMS the emulator plays: launch values and quirks. */
  profile: LmsProfile;
  onCall: (call: CallRecord) => void;
  /** A later call showed that an earlier one (by index) broke a rule. */
  onEarlierViolation: (index: number, violation: RuleViolation) => void;
}

/** The API object the course finds: the version's eight methods. */
export type ScormApiFacade = Record<string, (...args: unknown[]) => string>;

export class LmsSession {
  readonly target: Target;
  readonly api: ScormAgainLms;
  readonly facade: ScormApiFacade;
  /** cmi.core.entry (cmi.entry) of this launch. */
  readonly entry: string;
  /** The values the LMS profile handed over at this launch, by CMI element. */
  readonly launch: Readonly<Record<string, string>>;
  /** The record this launch started from (undefined for a new learner). */
  readonly startRecord: LearnerRecord | undefined;
  private readonly rules: VersionRules;
  /** scorm-again as the course reaches it: through the profile's quirks, under neutral names. */
  private readonly lms: RteApi;
  private readonly forwarded: ForwardingRecorder<Target>;
  private readonly startedAt = performance.now();
  private calls = 0;
  private task = 0;
  private taskOpen = false;
  private saved = false;

  constructor(private readonly options: LmsSessionOptions) {
    const { target } = options;
    this.target = target;
    this.rules = versionRules(target);
    this.startRecord = options.store.load(options.storageKey);
    this.launch = launchValues(options.profile, this.startRecord !== undefined);
    const start = target === 'scorm2004' ? seed2004(this.startRecord, options.masteryScore, this.launch) : seed(this.startRecord, options.masteryScore, this.launch);
    this.entry = String(target === 'scorm2004' ? start.entry : (start.core as Record<string, unknown>).entry);
    const lms = target === 'scorm2004' ? new Scorm2004API({ ...LMS_SETTINGS_2004 }) : new Scorm12API({ ...LMS_SETTINGS });
    lms.loadFromJSON(start);
    this.api = lms as unknown as ScormAgainLms;
    this.forwarded = new ForwardingRecorder(lms as never, target);
    this.lms = withRteQuirks(neutralApi(this.forwarded.api, target), options.profile.quirks, target);
    const names = methodNames(target);
    this.facade = Object.fromEntries(RTE_CALLS.map((call) => [names[call], (...args: unknown[]) => this.call(names[call], args)])) as ScormApiFacade;
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
    return this.initialized && !this.finished ? [{ rule: this.target === 'scorm2004' ? '2004-terminate-missing' : 'finish-missing' }] : [];
  }

  private call(method: string, args: unknown[]): string {
    const index = ++this.calls;
    const text = args.map((arg) => (arg === undefined || arg === null ? '' : String(arg)));
    const verdict = this.rules.check({ method, args: text, index, task: this.currentTask(), interactionCount: this.api.cmi.interactions._count });
    const neutral = callOf(this.target, method)!;
    this.forwarded.take();
    const result = String((this.lms[neutral] as (...values: string[]) => unknown)(...text));
    const forwarded = this.forwarded.take();
    const errorCode = String(this.lms.lastError());
    this.forwarded.take();
    const quirk = quirkOf({ method, args: text, result, errorCode }, forwarded);
    this.rules.record(method, result, text);
    // What the LMS stores follows what it did, not what its quirk answered.
    if ((forwarded?.method === method ? forwarded.result : result) === 'true' && (neutral === 'commit' || neutral === 'finish')) this.save(neutral === 'finish');
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

  /** What an LMS stores on a commit and on the finish call. */
  private save(finished: boolean): void {
    const cmi = this.cmi();
    const exit = this.target === 'scorm2004' ? cmi.exit : ((cmi.core ?? {}) as Record<string, unknown>).exit;
    this.options.store.save(this.options.storageKey, {
      cmi,
      totalTime: finished ? this.currentTotalTime() : this.startRecord?.totalTime ?? '',
      lastExit: String(exit ?? ''),
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

/** The same for a SCORM 2004 launch (src/scorm2004/relaunch.ts), the pass mark as the scaled passing score. */
export function seed2004(record: LearnerRecord | undefined, masteryScore: number | null, launch: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  checkLaunchValues2004(launch);
  return relaunchCmi2004(record?.cmi ?? null, { learner: PREVIEW_LEARNER, scaledPassingScore: masteryScore === null ? null : masteryScore / 100, totalTime: record?.totalTime ?? '', launchValues: launch });
}
