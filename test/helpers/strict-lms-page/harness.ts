// The strict LMS harness page (bundled for the browser at test time): the same `window.harness`
// as test/helpers/lms-harness-page/harness.ts, over our strict SCORM 1.2 LMS (window.API) or
// strict SCORM 2004 LMS (window.API_1484_11) instead of scorm-again. A launch picks the target, an
// LMS profile of that target (launch values, API quirks, how late the API appears, the window
// the course runs in), the record kept from the last session, the manifest's pass mark and
// injected faults; every call the course makes is recorded.
import { isLmsProfileId, launchValues, profilesFor, withRteQuirks } from '../../../src/lms/lms-profiles.js';
import { neutralApi, versionApi, type RteApi } from '../../../src/lms/rte-api.js';
import { recordFromJson, type Scorm12Record } from '../../../src/scorm12/record.js';
import { recordFromJson as recordFromJson2004, type Scorm2004Record } from '../../../src/scorm2004/record.js';
import { StrictScorm12Lms } from '../../../src/lms/strict-scorm12-lms.js';
import { StrictScorm2004Lms } from '../../../src/lms/strict-scorm2004-lms.js';
import type { ApiCall, PageLaunchOptions } from '../lms-harness.js';
import { CallRecorder } from './call-recorder.js';
import { openCourse, type CourseWindow } from './course-window.js';
import { withHarnessFaults } from './harness-faults.js';
import { harnessPage } from './page-globals.js';

const LEARNER = { id: 'learner-1', name: 'Doe, Jane' };

type Kept = Scorm12Record | Scorm2004Record;

export interface StrictHarness {
  launch(options: PageLaunchOptions): number;
  close(): { session: number; persisted: Kept | null };
  mark(label: string): void;
  /** The next `count` commits fail (101 in SCORM 1.2, 391 in SCORM 2004). */
  failCommits(count: number): void;
  calls(session?: number): ApiCall<string>[];
  /** What the LMS keeps: the record at the last successful commit or finish (or the launch record). */
  persisted(): Kept | null;
  /** The record as the LMS holds it now, committed or not. */
  current(): Kept | null;
  /** SCORM 2004: adl.nav.request as the course left it. */
  navRequest(): string | null;
}

const recorder = new CallRecorder(() => harnessPage.performance.now());
let lms: StrictScorm12Lms | StrictScorm2004Lms | null = null;
let course: CourseWindow | null = null;
let pendingApi: number | null = null;
let failCommits: (count: number) => void = () => undefined;

/** Make the strict LMS of the launch's target; its API under neutral names. */
function strictLms(options: PageLaunchOptions, values: Readonly<Record<string, string>>, hasRecord: boolean): RteApi {
  const pass = options.masteryScore ?? null;
  if (options.target === 'scorm2004') {
    const lms2004 = new StrictScorm2004Lms({ kept: hasRecord ? recordFromJson2004(options.cmi) : null, launchValues: values, scaledPassingScore: pass === null ? null : pass / 100, learner: LEARNER });
    lms = lms2004;
    return neutralApi(lms2004, 'scorm2004');
  }
  const lms12 = new StrictScorm12Lms({ kept: hasRecord ? recordFromJson(options.cmi) : null, launchValues: values, masteryScore: pass, learner: LEARNER });
  lms = lms12;
  return neutralApi(lms12, 'scorm12');
}

function launch(options: PageLaunchOptions): number {
  const profileId = options.profile ?? 'standard';
  if (!isLmsProfileId(profileId)) throw new Error(`Unknown LMS profile ${String(profileId)}`);
  const profile = profilesFor(options.target)[profileId];
  recorder.session++;
  recorder.mark = 'launch';
  const hasRecord = options.cmi !== undefined && options.cmi !== null;
  const api = strictLms(options, launchValues(profile, hasRecord), hasRecord);
  const faults = options.faults ?? {};
  const faulty = withHarnessFaults(withRteQuirks(api, profile.quirks, options.target), faults, options.target);
  failCommits = faulty.failCommits;
  const recorded = recorder.recording(faulty.api, faults.delayMs ?? 0, options.target);
  if (pendingApi !== null) harnessPage.clearTimeout(pendingApi);
  pendingApi = null;
  delete harnessPage.API;
  delete harnessPage.API_1484_11;
  const provide = (): void => {
    if (options.target === 'scorm2004') harnessPage.API_1484_11 = versionApi(recorded, 'scorm2004');
    else harnessPage.API = versionApi(recorded, 'scorm12');
  };
  const provideApi = options.provideApi !== false;
  if (provideApi && profile.apiDelayMs === 0) provide();
  course = openCourse(options.url, options.window ?? profile.window);
  if (provideApi && profile.apiDelayMs > 0) {
    pendingApi = harnessPage.setTimeout(() => {
      provide();
      pendingApi = null;
    }, profile.apiDelayMs);
  }
  return recorder.session;
}

const harness: StrictHarness = {
  launch,
  close: () => {
    course?.close();
    course = null;
    recorder.mark = 'closed';
    return { session: recorder.session, persisted: harness.persisted() };
  },
  mark: (label) => {
    recorder.mark = label;
  },
  failCommits: (count) => failCommits(count),
  calls: (session) => recorder.calls(session),
  persisted: () => lms?.kept() ?? null,
  current: () => lms?.current() ?? null,
  navRequest: () => (lms instanceof StrictScorm2004Lms ? lms.navRequest() : null),
};

harnessPage.harness = harness;
