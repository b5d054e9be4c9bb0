// LMS profiles: the ways real LMSes differ from the SCORM 1.2 book, as data. The preview's LMS
// emulator and the tests' strict LMS double apply the same profiles, so an author can see in the
// preview what a test proves.
//
// A profile has three parts: how the LMS launches the course (the window it opens, when its API
// appears), what it hands the course at launch (entry, mode, credit, mastery score, time limit),
// and how its API answers calls (quirks layered over any SCORM 1.2 API by `withProfileQuirks`).
import type { Scorm12Api } from '../scorm12/api.js';

export const LMS_PROFILE_IDS = [
  'standard',
  'ab-initio-with-state',
  'popup-framed',
  'popup',
  'late-api',
  'false-with-no-error',
  'permanent-405',
  'lms-mastery-score',
  'review',
  'browse',
  'no-credit',
  'upper-case-status',
  'truncates-suspend-data',
  'time-limit',
] as const;

export type LmsProfileId = (typeof LMS_PROFILE_IDS)[number];

/**
 * Where the course runs. `frame`: in a frame of the page that has window.API (Moodle's default).
 * `popup-framed`: the LMS opens a player window that frames the course; the API stays on the
 * opening window, so the course finds it at `top.opener` (Plateau/SuccessFactors, pipwerks' search).
 * `popup`: the LMS opens the course itself in a new window; the API is on `window.opener`.
 */
export type LaunchWindow = 'frame' | 'popup-framed' | 'popup';

export interface LmsProfile {
  id: LmsProfileId;
  window: LaunchWindow;
  /** window.API appears this many milliseconds after the course starts loading (0: before). */
  apiDelayMs: number;
  /**
   * Values the LMS hands the course at launch, by CMI element, over the record it keeps.
   * `cmi.core.entry` here applies to relaunches with a saved record (a first launch is ab-initio).
   */
  launch: Readonly<Record<string, string>>;
  quirks: ProfileQuirks;
}

export interface ProfileQuirks {
  /** LMSSetValue stores the value but returns "false" with LMSGetLastError "0" (Adapt treats it as success). */
  falseWithNoError?: boolean;
  /** LMSSetValue of elements matching this pattern always fails with this code; nothing is stored. */
  refuse?: { pattern: string; code: number };
  /** cmi.core.lesson_status is returned in upper case ("PASSED"). */
  upperCaseStatus?: boolean;
  /** Only this many characters of cmi.suspend_data are kept (the rest is cut silently). */
  suspendDataLimit?: number;
}

const STANDARD: LmsProfile = { id: 'standard', window: 'frame', apiDelayMs: 0, launch: {}, quirks: {} };

function profile(id: LmsProfileId, changes: Partial<Omit<LmsProfile, 'id'>>): LmsProfile {
  return { ...STANDARD, ...changes, id };
}

/** Every profile, by id. The emulator's menu labels are `profile.<id>` in templates/preview/strings.json. */
export const LMS_PROFILES: Readonly<Record<LmsProfileId, LmsProfile>> = {
  standard: STANDARD,
  // Chamilo 1.11: entry is ab-initio on every launch, even after exit=suspend with saved state.
  'ab-initio-with-state': profile('ab-initio-with-state', { launch: { 'cmi.core.entry': 'ab-initio' } }),
  'popup-framed': profile('popup-framed', { window: 'popup-framed' }),
  popup: profile('popup', { window: 'popup' }),
  // An LMS that creates its API once its own scripts have loaded, after the course started.
  'late-api': profile('late-api', { apiDelayMs: 500 }),
  'false-with-no-error': profile('false-with-no-error', { quirks: { falseWithNoError: true } }),
  // cmi.core.session_time refused for good (an LMS that tracks time itself and rejects the element).
  'permanent-405': profile('permanent-405', { quirks: { refuse: { pattern: '^cmi\\.core\\.session_time$', code: 405 } } }),
  // ILIAS lets admins change the mastery score; the LMS hands it to the course.
  'lms-mastery-score': profile('lms-mastery-score', { launch: { 'cmi.student_data.mastery_score': '60' } }),
  review: profile('review', { launch: { 'cmi.core.lesson_mode': 'review', 'cmi.core.credit': 'no-credit' } }),
  browse: profile('browse', { launch: { 'cmi.core.lesson_mode': 'browse', 'cmi.core.credit': 'no-credit' } }),
  'no-credit': profile('no-credit', { launch: { 'cmi.core.credit': 'no-credit' } }),
  'upper-case-status': profile('upper-case-status', { quirks: { upperCaseStatus: true } }),
  'truncates-suspend-data': profile('truncates-suspend-data', { quirks: { suspendDataLimit: 64 } }),
  'time-limit': profile('time-limit', { launch: { 'cmi.student_data.max_time_allowed': '00:00:10', 'cmi.student_data.time_limit_action': 'exit,message' } }),
};

export function isLmsProfileId(value: unknown): value is LmsProfileId {
  return typeof value === 'string' && (LMS_PROFILE_IDS as readonly string[]).includes(value);
}

/**
 * The launch values of a profile for one launch: the profile's own, except that an `entry`
 * override only applies when the LMS holds a record from an earlier session.
 */
export function launchValues(profile: LmsProfile, hasRecord: boolean): Record<string, string> {
  const values = { ...profile.launch };
  if (!hasRecord) delete values['cmi.core.entry'];
  return values;
}

/**
 * The API as an LMS with the profile's quirks answers: calls go to `api`, the answers are changed
 * as the profile says. Error queries report the quirk's code for the call it changed.
 */
export function withProfileQuirks(api: Scorm12Api, quirks: ProfileQuirks): Scorm12Api {
  const refused = quirks.refuse === undefined ? null : { pattern: new RegExp(quirks.refuse.pattern), code: quirks.refuse.code };
  /** The error code a quirk made up for the last call, or null to ask the LMS. */
  let madeUp: number | null = null;
  /** Between a successful LMSInitialize and LMSFinish: outside it the LMS's own errors (301, 101) stand. */
  let running = false;
  return {
    LMSInitialize: (parameter) => {
      madeUp = null;
      const result = api.LMSInitialize(parameter);
      if (String(result) === 'true') running = true;
      return result;
    },
    LMSFinish: (parameter) => {
      madeUp = null;
      running = false;
      return api.LMSFinish(parameter);
    },
    LMSCommit: (parameter) => {
      madeUp = null;
      return api.LMSCommit(parameter);
    },
    LMSGetValue: (element) => {
      madeUp = null;
      const value = api.LMSGetValue(element);
      return quirks.upperCaseStatus === true && element === 'cmi.core.lesson_status' && typeof value === 'string' ? value.toUpperCase() : value;
    },
    LMSSetValue: (element, value) => {
      madeUp = null;
      if (running && refused !== null && refused.pattern.test(element)) {
        madeUp = refused.code;
        return 'false';
      }
      const kept = quirks.suspendDataLimit !== undefined && element === 'cmi.suspend_data' ? value.slice(0, quirks.suspendDataLimit) : value;
      const result = api.LMSSetValue(element, kept);
      if (quirks.falseWithNoError === true && String(result) === 'true') {
        madeUp = 0;
        return 'false';
      }
      return result;
    },
    LMSGetLastError: () => (madeUp === null ? api.LMSGetLastError() : String(madeUp)),
    LMSGetErrorString: (code) => api.LMSGetErrorString(code),
    LMSGetDiagnostic: (code) => (madeUp === null ? api.LMSGetDiagnostic(code) : `LMS profile quirk (error ${madeUp})`),
  };
}
