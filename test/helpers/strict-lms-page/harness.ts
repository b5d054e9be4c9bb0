// The strict LMS harness page (bundled for the browser at test time): the same `window.harness`
// as test/helpers/lms-harness-page/harness.ts, over our strict SCORM 1.2 LMS instead of
// scorm-again. A launch picks an LMS profile (launch values, API quirks, how late window.API
// appears, the window the course runs in), the record kept from the last session, the manifest's
// masteryscore and injected faults; every call the course makes is recorded.
import { isLmsProfileId, launchValues, LMS_PROFILES, withProfileQuirks } from '../../../src/lms/lms-profiles.js';
import { recordFromJson, type Scorm12Record } from '../../../src/scorm12/record.js';
import { StrictScorm12Lms } from '../../../src/lms/strict-scorm12-lms.js';
import type { ApiCall, LaunchOptions } from '../lms-harness.js';
import { CallRecorder } from './call-recorder.js';
import { openCourse, type CourseWindow } from './course-window.js';
import { withHarnessFaults } from './harness-faults.js';
import { harnessPage } from './page-globals.js';

const LEARNER = { id: 'learner-1', name: 'Doe, Jane' };

export interface StrictHarness {
  launch(options: Omit<LaunchOptions, 'courseUrl'>): number;
  close(): { session: number; persisted: Scorm12Record | null };
  mark(label: string): void;
  /** The next `count` LMSCommit calls fail with 101. */
  failCommits(count: number): void;
  calls(session?: number): ApiCall[];
  /** What the LMS keeps: the record at the last successful LMSCommit/LMSFinish (or the launch record). */
  persisted(): Scorm12Record | null;
  /** The record as the LMS holds it now, committed or not. */
  current(): Scorm12Record | null;
}

const recorder = new CallRecorder(() => harnessPage.performance.now());
let lms: StrictScorm12Lms | null = null;
let course: CourseWindow | null = null;
let pendingApi: number | null = null;
let failCommits: (count: number) => void = () => undefined;

function launch(options: Omit<LaunchOptions, 'courseUrl'>): number {
  const profileId = options.profile ?? 'standard';
  if (!isLmsProfileId(profileId)) throw new Error(`Unknown LMS profile ${String(profileId)}`);
  const profile = LMS_PROFILES[profileId];
  recorder.session++;
  recorder.mark = 'launch';
  const kept = options.cmi === undefined || options.cmi === null ? null : recordFromJson(options.cmi);
  lms = new StrictScorm12Lms({ kept, launchValues: launchValues(profile, kept !== null), masteryScore: options.masteryScore ?? null, learner: LEARNER });
  const faults = options.faults ?? {};
  const faulty = withHarnessFaults(withProfileQuirks(lms, profile.quirks), faults);
  failCommits = faulty.failCommits;
  const api = recorder.recording(faulty.api, faults.delayMs ?? 0);
  if (pendingApi !== null) harnessPage.clearTimeout(pendingApi);
  pendingApi = null;
  delete harnessPage.API;
  const provideApi = options.provideApi !== false;
  if (provideApi && profile.apiDelayMs === 0) harnessPage.API = api;
  course = openCourse(options.url, options.window ?? profile.window);
  if (provideApi && profile.apiDelayMs > 0) {
    pendingApi = harnessPage.setTimeout(() => {
      harnessPage.API = api;
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
};

harnessPage.harness = harness;
