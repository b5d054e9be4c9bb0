// The scorm-again LMS harness page (bundled for the browser at test time): scorm-again's
// Scorm12API (loaded by index.html) as window.API in a frame of this page, every call recorded
// (name, arguments, result, error code, the test's current action mark), faults on demand, and
// the CMI "persisted" only when LMSCommit or LMSFinish succeeds, as a real LMS would keep it.
// A relaunch hands the kept CMI back as an LMS does (src/scorm12/relaunch.ts).
import type { Scorm12Api } from '../../../src/scorm12/api.js';
import { relaunchCmi, type CmiTree } from '../../../src/scorm12/relaunch.js';
import type { ApiCall, Cmi, LaunchOptions } from '../lms-harness.js';
import { CallRecorder } from '../strict-lms-page/call-recorder.js';
import { openCourse, type CourseWindow } from '../strict-lms-page/course-window.js';
import { withHarnessFaults } from '../strict-lms-page/harness-faults.js';
import { harnessPage } from '../strict-lms-page/page-globals.js';

const LEARNER = { id: 'learner-1', name: 'Doe, Jane' };

interface ScormAgain extends Scorm12Api {
  loadFromJSON(json: CmiTree): void;
  renderCMIToJSONObject(): { cmi?: unknown };
}

type ScormAgainConstructor = new (settings: Record<string, unknown>) => ScormAgain;

export interface ScormAgainHarness {
  launch(options: Omit<LaunchOptions, 'courseUrl' | 'profile' | 'window'>): number;
  close(): { session: number; persisted: Cmi | null };
  /** The next `count` LMSCommit calls fail with 101. */
  failCommits(count: number): void;
  mark(label: string): void;
  calls(session?: number): ApiCall[];
  /** What the LMS keeps: the CMI at the last successful LMSCommit/LMSFinish (or the one launched with). */
  persisted(): Cmi | null;
  /** The CMI as scorm-again holds it now, committed or not. */
  current(): Cmi | null;
}

function copy<T>(value: T | null | undefined): T | null {
  return value === null || value === undefined ? null : (JSON.parse(JSON.stringify(value)) as T);
}

const recorder = new CallRecorder(() => harnessPage.performance.now());
let lms: ScormAgain | null = null;
let persisted: Cmi | null = null;
let course: CourseWindow | null = null;
let failCommits: (count: number) => void = () => undefined;

/** `api`, keeping a copy of the CMI whenever LMSCommit or LMSFinish answers "true" to the course. */
function keeping(api: Scorm12Api, lmsApi: ScormAgain): Scorm12Api {
  const keep = (result: unknown): unknown => {
    if (String(result) === 'true') persisted = copy(lmsApi.renderCMIToJSONObject().cmi as Cmi);
    return result;
  };
  return { ...api, LMSCommit: (parameter) => keep(api.LMSCommit(parameter)), LMSFinish: (parameter) => keep(api.LMSFinish(parameter)) };
}

function launch(options: Omit<LaunchOptions, 'courseUrl' | 'profile' | 'window'>): number {
  recorder.session++;
  recorder.mark = 'launch';
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
  const kept = copy(options.cmi);
  api.loadFromJSON(relaunchCmi(kept, { learner: LEARNER, masteryScore: options.masteryScore ?? null }));
  persisted = kept;
  lms = api;
  harnessPage.lmsApi = api;
  const faulty = withHarnessFaults(api, options.faults ?? {});
  failCommits = faulty.failCommits;
  if (options.provideApi === false) delete harnessPage.API;
  else harnessPage.API = recorder.recording(keeping(faulty.api, api), options.faults?.delayMs ?? 0);
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
  current: () => (lms === null ? null : copy(lms.renderCMIToJSONObject().cmi as Cmi)),
};

harnessPage.harness = harness;
