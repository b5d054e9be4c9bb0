// LMS profiles: the ways real LMSes differ from the SCORM book, as data, for SCORM 1.2 and
// SCORM 2004 alike (the same ids; each version names its own elements). The preview's LMS emulator
// and the tests' strict LMS doubles apply the same profiles, so an author can see in the preview
// what a test proves.
//
// A profile has three parts: how the LMS launches the course (the window it opens, when its API
// appears), what it hands the course at launch (entry, mode, credit, mastery or passing score,
// time limit), and how its API answers calls (quirks layered over any API by `withRteQuirks`).
import type { Scorm12Api } from '../scorm12/api.js';
import type { Scorm2004Api } from '../scorm2004/api.js';
import { neutralApi, versionApi, type RteApi, type Target } from './rte-api.js';

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
  /** The API (window.API, window.API_1484_11) appears this many milliseconds after the course starts loading (0: before). */
  apiDelayMs: number;
  /**
   * Values the LMS hands the course at launch, by CMI element, over the record it keeps. The entry
   * (`cmi.core.entry`, `cmi.entry`) here applies to relaunches with a saved record (a first launch
   * is ab-initio).
   */
  launch: Readonly<Record<string, string>>;
  quirks: ProfileQuirks;
}

export interface ProfileQuirks {
  /** SetValue stores the value but returns "false" with GetLastError "0" (Adapt treats it as success). */
  falseWithNoError?: boolean;
  /** SetValue of elements matching this pattern always fails with this code; nothing is stored. */
  refuse?: { pattern: string; code: number };
  /** The status (cmi.core.lesson_status; cmi.completion_status and success_status) is returned in upper case ("PASSED"). */
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

const STANDARD_2004: LmsProfile = { id: 'standard', window: 'frame', apiDelayMs: 0, launch: {}, quirks: {} };

function profile2004(id: LmsProfileId, changes: Partial<Omit<LmsProfile, 'id'>>): LmsProfile {
  return { ...STANDARD_2004, ...changes, id };
}

/** The same profiles for a SCORM 2004 LMS: its elements, and its code for a refused value (406). */
export const LMS_PROFILES_2004: Readonly<Record<LmsProfileId, LmsProfile>> = {
  standard: STANDARD_2004,
  'ab-initio-with-state': profile2004('ab-initio-with-state', { launch: { 'cmi.entry': 'ab-initio' } }),
  'popup-framed': profile2004('popup-framed', { window: 'popup-framed' }),
  popup: profile2004('popup', { window: 'popup' }),
  'late-api': profile2004('late-api', { apiDelayMs: 500 }),
  'false-with-no-error': profile2004('false-with-no-error', { quirks: { falseWithNoError: true } }),
  // A SCORM 2004 LMS refuses a value it will not take with 406 (type mismatch), 1.2's 405.
  'permanent-405': profile2004('permanent-405', { quirks: { refuse: { pattern: '^cmi\\.session_time$', code: 406 } } }),
  'lms-mastery-score': profile2004('lms-mastery-score', { launch: { 'cmi.scaled_passing_score': '0.6' } }),
  review: profile2004('review', { launch: { 'cmi.mode': 'review', 'cmi.credit': 'no-credit' } }),
  browse: profile2004('browse', { launch: { 'cmi.mode': 'browse', 'cmi.credit': 'no-credit' } }),
  'no-credit': profile2004('no-credit', { launch: { 'cmi.credit': 'no-credit' } }),
  'upper-case-status': profile2004('upper-case-status', { quirks: { upperCaseStatus: true } }),
  'truncates-suspend-data': profile2004('truncates-suspend-data', { quirks: { suspendDataLimit: 64 } }),
  'time-limit': profile2004('time-limit', { launch: { 'cmi.max_time_allowed': 'PT10S', 'cmi.time_limit_action': 'exit,message' } }),
};

/** The profiles of a SCORM version. */
export function profilesFor(target: Target): Readonly<Record<LmsProfileId, LmsProfile>> {
  return target === 'scorm2004' ? LMS_PROFILES_2004 : LMS_PROFILES;
}

export function isLmsProfileId(value: unknown): value is LmsProfileId {
  return typeof value === 'string' && (LMS_PROFILE_IDS as readonly string[]).includes(value);
}

/**
 * The launch values of a profile for one launch: the profile's own, except that an `entry`
 * override only applies when the LMS holds a record from an earlier session.
 */
export function launchValues(profile: LmsProfile, hasRecord: boolean): Record<string, string> {
  const values = { ...profile.launch };
  if (!hasRecord) {
    delete values['cmi.core.entry'];
    delete values['cmi.entry'];
  }
  return values;
}

/** What a quirk reads in upper case, per version: the status elements. */
const STATUS_ELEMENTS: Readonly<Record<Target, readonly string[]>> = {
  scorm12: ['cmi.core.lesson_status'],
  scorm2004: ['cmi.completion_status', 'cmi.success_status'],
};

/**
 * The API, under neutral names (rte-api.ts), as an LMS with the profile's quirks answers: calls go
 * to `api`, the answers are changed as the profile says. Error queries report the quirk's code for
 * the call it changed.
 */
export function withRteQuirks(api: RteApi, quirks: ProfileQuirks, target: Target): RteApi {
  const refused = quirks.refuse === undefined ? null : { pattern: new RegExp(quirks.refuse.pattern), code: quirks.refuse.code };
  const upperCase = quirks.upperCaseStatus === true ? STATUS_ELEMENTS[target] : [];
  /** The error code a quirk made up for the last call, or null to ask the LMS. */
  let madeUp: number | null = null;
  /** Between a successful initialize and the finish: outside it the LMS's own errors stand. */
  let running = false;
  return {
    initialize: (parameter) => {
      madeUp = null;
      const result = api.initialize(parameter);
      if (String(result) === 'true') running = true;
      return result;
    },
    finish: (parameter) => {
      madeUp = null;
      running = false;
      return api.finish(parameter);
    },
    commit: (parameter) => {
      madeUp = null;
      return api.commit(parameter);
    },
    getValue: (element) => {
      madeUp = null;
      const value = api.getValue(element);
      return upperCase.includes(element) && typeof value === 'string' ? value.toUpperCase() : value;
    },
    setValue: (element, value) => {
      madeUp = null;
      if (running && refused !== null && refused.pattern.test(element)) {
        madeUp = refused.code;
        return 'false';
      }
      const kept = quirks.suspendDataLimit !== undefined && element === 'cmi.suspend_data' ? value.slice(0, quirks.suspendDataLimit) : value;
      const result = api.setValue(element, kept);
      if (quirks.falseWithNoError === true && String(result) === 'true') {
        madeUp = 0;
        return 'false';
      }
      return result;
    },
    lastError: () => (madeUp === null ? api.lastError() : String(madeUp)),
    errorString: (code) => api.errorString(code),
    diagnostic: (code) => (madeUp === null ? api.diagnostic(code) : `LMS profile quirk (error ${madeUp})`),
  };
}

/** A SCORM 1.2 API with the profile's quirks. */
export function withProfileQuirks(api: Scorm12Api, quirks: ProfileQuirks): Scorm12Api {
  return versionApi(withRteQuirks(neutralApi(api, 'scorm12'), quirks, 'scorm12'), 'scorm12');
}

/** A SCORM 2004 API with the profile's quirks. */
export function withProfileQuirks2004(api: Scorm2004Api, quirks: ProfileQuirks): Scorm2004Api {
  return versionApi(withRteQuirks(neutralApi(api, 'scorm2004'), quirks, 'scorm2004'), 'scorm2004');
}
