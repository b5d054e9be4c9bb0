// The scorm-again LMS harness page (bundled for the browser at test time): scorm-again's
// Scorm12API as window.API, or its Scorm2004API as window.API_1484_11 (both loaded by index.html),
// in a frame of this page; every call recorded (name, arguments, result, error code, the test's
// current action mark), faults on demand, and the CMI "persisted" only when the commit or finish
// call succeeds, as a real LMS would keep it. A relaunch hands the kept CMI back as an LMS does
// (src/scorm12/relaunch.ts, src/scorm2004/relaunch.ts).
import { neutralApi, versionApi, type RteApi, type Target } from '../../../src/lms/rte-api.js';
import type { Scorm12Api } from '../../../src/scorm12/api.js';
import { relaunchCmi, type CmiTree } from '../../../src/scorm12/relaunch.js';
import type { Scorm2004Api } from '../../../src/scorm2004/api.js';
import { relaunchCmi as relaunchCmi2004 } from '../../../src/scorm2004/relaunch.js';
import type { ApiCall, PageLaunchOptions } from '../lms-harness.js';
import { CallRecorder } from '../strict-lms-page/call-recorder.js';
import { openCourse, type CourseWindow } from '../strict-lms-page/course-window.js';
import { withHarnessFaults } from '../strict-lms-page/harness-faults.js';
import { harnessPage } from '../strict-lms-page/page-globals.js';

const LEARNER = { id: 'learner-1', name: 'Doe, Jane' };

interface ScormAgain {
  loadFromJSON(json: CmiTree): void;
  renderCMIToJSONObject(): { cmi?: unknown };
}

type ScormAgainConstructor = new (settings: Record<string, unknown>) => ScormAgain;

export interface ScormAgainHarness {
  launch(options: Omit<PageLaunchOptions, 'profile' | 'window'>): number;
  close(): { session: number; persisted: unknown };
  /** The next `count` commits fail (101 in SCORM 1.2, 391 in SCORM 2004). */
  failCommits(count: number): void;
  mark(label: string): void;
  calls(session?: number): ApiCall<string>[];
  /** What the LMS keeps: the CMI at the last successful commit or finish (or the one launched with). */
  persisted(): unknown;
  /** The CMI as scorm-again holds it now, committed or not. */
  current(): unknown;
}

function copy<T>(value: T | null | undefined): T | null {
  return value === null || value === undefined ? null : (JSON.parse(JSON.stringify(value)) as T);
}

const recorder = new CallRecorder(() => harnessPage.performance.now());
let lms: ScormAgain | null = null;
let persisted: unknown = null;
let course: CourseWindow | null = null;
let failCommits: (count: number) => void = () => undefined;

/** `api`, keeping a copy of the CMI whenever the commit or finish call answers "true" to the course. */
function keeping(api: RteApi, lmsApi: ScormAgain): RteApi {
  const keep = (result: unknown): unknown => {
    if (String(result) === 'true') persisted = copy(lmsApi.renderCMIToJSONObject().cmi);
    return result;
  };
  return { ...api, commit: (parameter) => keep(api.commit(parameter)), finish: (parameter) => keep(api.finish(parameter)) };
}

/** scorm-again as the LMS of `target`, seeded with the relaunched record. */
function scormAgain(target: Target, kept: CmiTree | null, masteryScore: number | null): ScormAgain {
  if (target === 'scorm2004') {
    const Scorm2004API = harnessPage.Scorm2004API as ScormAgainConstructor;
    // Like a SCORM 2004 LMS: success follows score.scaled against the scaled passing score.
    const api = new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5, autoProgress: false });
    api.loadFromJSON(relaunchCmi2004(kept, { learner: LEARNER, scaledPassingScore: masteryScore === null ? null : masteryScore / 100 }));
    return api;
  }
  const Scorm12API = harnessPage.Scorm12API as ScormAgainConstructor;
  const api = new Scorm12API({
    autocommit: false,
    lmsCommitUrl: false,
    logLevel: 5,
    // Like Moodle: status follows score.raw against the manifest's masteryscore at LMSFinish.
    mastery_override: true,
    score_overrides_status: false,
    autoCompleteLessonStatus: false,
  });
  api.loadFromJSON(relaunchCmi(kept, { learner: LEARNER, masteryScore }));
  return api;
}

function launch(options: Omit<PageLaunchOptions, 'profile' | 'window'>): number {
  recorder.session++;
  recorder.mark = 'launch';
  const kept = copy(options.cmi as CmiTree | null | undefined);
  const api = scormAgain(options.target, kept, options.masteryScore ?? null);
  persisted = kept;
  lms = api;
  harnessPage.lmsApi = api;
  const faulty = withHarnessFaults(neutralApi(api as unknown as Scorm12Api | Scorm2004Api, options.target), options.faults ?? {}, options.target);
  failCommits = faulty.failCommits;
  delete harnessPage.API;
  delete harnessPage.API_1484_11;
  if (options.provideApi !== false) {
    const recorded = recorder.recording(keeping(faulty.api, api), options.faults?.delayMs ?? 0, options.target);
    if (options.target === 'scorm2004') harnessPage.API_1484_11 = versionApi(recorded, 'scorm2004');
    else harnessPage.API = versionApi(recorded, 'scorm12');
  }
  course = openCourse(options.url, 'frame');
  return recorder.session;
}

const harness: ScormAgainHarness = {
  launch,
  /** The learner leaves: the course frame goes away (pagehide in the course). */
  close: () => {
    course?.close();
    course = null;
    recorder.mark = 'closed';
    return { session: recorder.session, persisted: copy(persisted) };
  },
  failCommits: (count) => failCommits(count),
  mark: (label) => {
    recorder.mark = label;
  },
  calls: (session) => recorder.calls(session),
  persisted: () => copy(persisted),
  current: () => (lms === null ? null : copy(lms.renderCMIToJSONObject().cmi)),
};

harnessPage.harness = harness;
