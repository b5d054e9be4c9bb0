// The strict SCORM 2004 LMS double: every error code of the book, data types, ranges and SPMs,
// dependencies, array indexing, the record kept only on a successful Commit/Terminate, the LMS's
// own status evaluation and total_time at Terminate, the relaunch (entry, what is handed back),
// and each LMS profile quirk layered over it.
import { describe, expect, it } from 'vitest';
import { LMS_PROFILES_2004, launchValues, withProfileQuirks2004, type LmsProfileId } from '../../../src/lms/lms-profiles.js';
import { StrictScorm2004Lms, type StrictLms2004Options } from '../../../src/lms/strict-scorm2004-lms.js';
import type { Scorm2004Api } from '../../../src/scorm2004/api.js';
import { relaunchCmi, entryAfter } from '../../../src/scorm2004/relaunch.js';
import type { Scorm2004Record } from '../../../src/scorm2004/record.js';

const LEARNER = { id: 'learner-1', name: 'Doe, Jane' };

function lms(options: Partial<StrictLms2004Options> = {}): StrictScorm2004Lms {
  return new StrictScorm2004Lms({ kept: null, scaledPassingScore: 0.8, learner: LEARNER, ...options });
}

function running(options: Partial<StrictLms2004Options> = {}): StrictScorm2004Lms {
  const api = lms(options);
  expect(api.Initialize('')).toBe('true');
  return api;
}

/** A whole session: initialize, the writes, terminate; returns the record kept. */
function session(writes: Record<string, string>, options: Partial<StrictLms2004Options> = {}): Scorm2004Record {
  const api = running(options);
  for (const [element, value] of Object.entries(writes)) expect(api.SetValue(element, value), `${element} = ${value}`).toBe('true');
  expect(api.Terminate('')).toBe('true');
  return api.kept()!;
}

function expectRefused(api: Scorm2004Api, result: unknown, code: number, failed = 'false'): void {
  expect(result).toBe(failed);
  expect(api.GetLastError()).toBe(String(code));
}

describe('session lifecycle', () => {
  it('refuses each session call before Initialize with its own code', () => {
    const api = lms();
    expectRefused(api, api.GetValue('cmi.location'), 122, '');
    expectRefused(api, api.SetValue('cmi.location', 'a'), 132);
    expectRefused(api, api.Commit(''), 142);
    expectRefused(api, api.Terminate(''), 112);
    expect(api.GetErrorString('112')).toBe('Termination Before Initialization');
    expect(api.state).toBe('not-initialized');
  });

  it('initializes once, with "" only: another parameter is 201, a second call 103', () => {
    const api = lms();
    expectRefused(api, api.Initialize('x'), 201);
    expect(api.Initialize('')).toBe('true');
    expectRefused(api, api.Initialize(''), 103);
    expectRefused(api, api.Commit('x'), 201);
    expectRefused(api, api.Terminate('x'), 201);
  });

  it('after Terminate every session call fails with its own code and nothing is stored; the support methods still answer', () => {
    const api = running();
    expect(api.Terminate('')).toBe('true');
    expectRefused(api, api.SetValue('cmi.location', 'late'), 133);
    expectRefused(api, api.GetValue('cmi.location'), 123, '');
    expectRefused(api, api.Commit(''), 143);
    expectRefused(api, api.Terminate(''), 113);
    expectRefused(api, api.Initialize(''), 104);
    expect(api.GetErrorString('104')).toBe('Content Instance Terminated');
    expect(api.kept()!.location).toBe('');
  });

  it('keeps the record only when Commit or Terminate succeeds', () => {
    const api = running();
    expect(api.SetValue('cmi.location', 'a')).toBe('true');
    expect(api.kept()).toBeNull();
    expect(api.Commit('')).toBe('true');
    expect(api.kept()!.location).toBe('a');
    expect(api.SetValue('cmi.location', 'b')).toBe('true');
    expect(api.kept()!.location).toBe('a');
    expect(api.current().location).toBe('b');
  });
});

describe('data model', () => {
  it('answers keywords, initial values and "no value yet" (403) as the book says', () => {
    const api = running();
    expect(api.GetValue('cmi._version')).toBe('1.0');
    expect(api.GetValue('cmi.score._children')).toBe('scaled,raw,min,max');
    expect(api.GetValue('cmi.interactions._count')).toBe('0');
    expect(api.GetValue('cmi.completion_status')).toBe('unknown');
    expect(api.GetValue('cmi.success_status')).toBe('unknown');
    expect(api.GetValue('cmi.entry')).toBe('ab-initio');
    expect(api.GetValue('cmi.mode')).toBe('normal');
    expect(api.GetValue('cmi.credit')).toBe('credit');
    expect(api.GetValue('cmi.time_limit_action')).toBe('continue,no message');
    expect(api.GetValue('cmi.total_time')).toBe('PT0H0M0S');
    expect(api.GetValue('cmi.scaled_passing_score')).toBe('0.8');
    expect(api.GetValue('cmi.learner_id')).toBe('learner-1');
    expectRefused(api, api.GetValue('cmi.location'), 403, '');
    expectRefused(api, api.GetValue('cmi.suspend_data'), 403, '');
    expectRefused(api, api.GetValue('cmi.score.scaled'), 403, '');
    expectRefused(api, api.GetValue('cmi.max_time_allowed'), 403, '');
    expect(api.GetDiagnostic('')).toMatch(/no value yet/);
  });

  it('refuses misuse with the book\'s codes: 301, 351, 401, 404, 405, 406, 407, 408', () => {
    const api = running();
    expectRefused(api, api.GetValue(''), 301, '');
    expectRefused(api, api.SetValue('', 'x'), 351);
    expectRefused(api, api.GetValue('cmi.core.lesson_status'), 401, '');
    expectRefused(api, api.SetValue('cmi.lesson_status', 'passed'), 401);
    expectRefused(api, api.GetValue('cmi.location._children'), 301, '');
    expectRefused(api, api.GetValue('cmi.score._count'), 301, '');
    expectRefused(api, api.GetValue('cmi.exit'), 405, '');
    expectRefused(api, api.GetValue('cmi.session_time'), 405, '');
    expectRefused(api, api.SetValue('cmi.mode', 'review'), 404);
    expectRefused(api, api.SetValue('cmi.interactions._count', '1'), 404);
    expectRefused(api, api.SetValue('cmi.completion_status', 'passed'), 406);
    expectRefused(api, api.SetValue('cmi.session_time', '00:01:00'), 406);
    expectRefused(api, api.SetValue('cmi.location', 'x'.repeat(1001)), 406);
    expectRefused(api, api.SetValue('cmi.suspend_data', 'x'.repeat(64001)), 406);
    expect(api.SetValue('cmi.suspend_data', 'x'.repeat(64000))).toBe('true');
    expectRefused(api, api.SetValue('cmi.score.scaled', '1.5'), 407);
    expectRefused(api, api.SetValue('cmi.score.scaled', 'high'), 406);
    expectRefused(api, api.SetValue('cmi.interactions.1.id', 'q'), 351);
    expectRefused(api, api.GetValue('cmi.interactions.0.id'), 301, '');
    expect(api.SetValue('cmi.interactions.0.id', 'q1')).toBe('true');
    expect(api.GetValue('cmi.interactions._count')).toBe('1');
    expectRefused(api, api.SetValue('cmi.interactions.0.learner_response', 'true'), 408);
    expect(api.SetValue('cmi.interactions.0.type', 'true-false')).toBe('true');
    expectRefused(api, api.SetValue('cmi.interactions.0.learner_response', 't'), 406);
    expect(api.SetValue('cmi.interactions.0.learner_response', 'true')).toBe('true');
    expectRefused(api, api.SetValue('cmi.interactions.0.result', 'wrong'), 406);
    expect(api.SetValue('cmi.interactions.0.result', 'incorrect')).toBe('true');
    expectRefused(api, api.SetValue('cmi.interactions.0.timestamp', '2024-06-11T08:03:59Z'), 406);
    expect(api.SetValue('cmi.interactions.0.timestamp', '2024-06-11T08:03:59.12Z')).toBe('true');
    expect(api.GetValue('cmi.interactions.0.type')).toBe('true-false');
    expectRefused(api, api.GetValue('cmi.interactions.0.latency'), 403, '');
    expect(api.SetValue('adl.nav.request', 'exitAll')).toBe('true');
    expectRefused(api, api.SetValue('adl.nav.request', 'quit'), 406);
    expect(api.navRequest()).toBe('exitAll');
  });

  it('says 402 for what an LMS does not implement', () => {
    const api = running({ unimplemented: ['cmi.interactions'] });
    expectRefused(api, api.SetValue('cmi.interactions.0.id', 'q1'), 402);
    expectRefused(api, api.GetValue('cmi.interactions._count'), 402, '');
    expect(api.SetValue('cmi.location', 'a')).toBe('true');
  });
});

describe('Terminate and relaunch', () => {
  it('evaluates success from score.scaled against the scaled passing score, and adds session_time to total_time', () => {
    const passed = session({ 'cmi.success_status': 'failed', 'cmi.score.scaled': '0.9', 'cmi.session_time': 'PT1M30S', 'cmi.exit': 'normal' });
    expect(passed).toMatchObject({ success_status: 'passed', total_time: 'PT1M30S', exit: 'normal' });
    const failed = session({ 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.5' });
    expect(failed.success_status).toBe('failed');
    // With a passing score but no scaled score, success is unknown, whatever the SCO wrote.
    expect(session({ 'cmi.success_status': 'passed' }).success_status).toBe('unknown');
    // Without a passing score, the SCO's word stands.
    expect(session({ 'cmi.success_status': 'passed' }, { scaledPassingScore: null }).success_status).toBe('passed');
    // GetValue reads the evaluated status too.
    const api = running();
    expect(api.SetValue('cmi.score.scaled', '0.85')).toBe('true');
    expect(api.GetValue('cmi.success_status')).toBe('passed');
  });

  it('evaluates completion from progress_measure against a completion threshold', () => {
    const threshold = { launchValues: {} };
    expect(session({ 'cmi.completion_status': 'incomplete' }, threshold).completion_status).toBe('incomplete');
    const api = lms();
    expect(api.Initialize('')).toBe('true');
    expect(api.SetValue('cmi.progress_measure', '0.5')).toBe('true');
    expect(api.GetValue('cmi.completion_status')).toBe('unknown');
  });

  it('hands back what the SCO wrote at the next launch: entry resume after suspend, "" after normal', () => {
    const first = session({ 'cmi.location': 'lesson-2', 'cmi.suspend_data': 'state', 'cmi.completion_status': 'incomplete', 'cmi.exit': 'suspend', 'cmi.session_time': 'PT10S', 'cmi.interactions.0.id': 'q1' });
    expect(entryAfter(first as never)).toBe('resume');
    const second = running({ kept: first });
    expect(second.GetValue('cmi.entry')).toBe('resume');
    expect(second.GetValue('cmi.location')).toBe('lesson-2');
    expect(second.GetValue('cmi.suspend_data')).toBe('state');
    expect(second.GetValue('cmi.completion_status')).toBe('incomplete');
    expect(second.GetValue('cmi.total_time')).toBe('PT10S');
    expect(second.GetValue('cmi.interactions._count')).toBe('1');
    expect(second.SetValue('cmi.exit', 'normal')).toBe('true');
    expect(second.SetValue('cmi.session_time', 'PT5S')).toBe('true');
    expect(second.Terminate('')).toBe('true');
    const third = running({ kept: second.kept() });
    expect(third.GetValue('cmi.entry')).toBe('');
    expect(third.GetValue('cmi.total_time')).toBe('PT15S');
    expect(relaunchCmi(null)).toMatchObject({ entry: 'ab-initio', mode: 'normal', credit: 'credit' });
    expect(relaunchCmi(null, { launchValues: { 'cmi.mode': 'review' } })).toMatchObject({ mode: 'review', credit: 'no-credit' });
  });
});

describe('LMS profiles', () => {
  function profileLms(id: LmsProfileId, kept: Scorm2004Record | null = null): { lms: StrictScorm2004Lms; api: Scorm2004Api } {
    const profile = LMS_PROFILES_2004[id];
    const double = lms({ kept, launchValues: launchValues(profile, kept !== null) });
    return { lms: double, api: withProfileQuirks2004(double, profile.quirks) };
  }

  it('hands over the profile\'s launch values', () => {
    const kept = session({ 'cmi.exit': 'suspend', 'cmi.suspend_data': 'x' });
    const cases: Array<[LmsProfileId, string, string]> = [
      ['ab-initio-with-state', 'cmi.entry', 'ab-initio'],
      ['lms-mastery-score', 'cmi.scaled_passing_score', '0.6'],
      ['review', 'cmi.mode', 'review'],
      ['review', 'cmi.credit', 'no-credit'],
      ['browse', 'cmi.mode', 'browse'],
      ['no-credit', 'cmi.credit', 'no-credit'],
      ['time-limit', 'cmi.max_time_allowed', 'PT10S'],
      ['time-limit', 'cmi.time_limit_action', 'exit,message'],
    ];
    for (const [id, element, value] of cases) {
      const { api } = profileLms(id, kept);
      expect(api.Initialize('')).toBe('true');
      expect(api.GetValue(element), `${id} ${element}`).toBe(value);
    }
    // A forced ab-initio applies only with a record; a first launch is ab-initio anyway.
    const { api } = profileLms('ab-initio-with-state');
    expect(api.Initialize('')).toBe('true');
    expect(api.GetValue('cmi.entry')).toBe('ab-initio');
  });

  it('layers the quirks over the API: "false" with 0, a refused session_time, upper-case statuses, a short suspend_data', () => {
    const quirky = profileLms('false-with-no-error').api;
    expect(quirky.Initialize('')).toBe('true');
    expect(quirky.SetValue('cmi.location', 'a')).toBe('false');
    expect(quirky.GetLastError()).toBe('0');
    const refusing = profileLms('permanent-405').api;
    expect(refusing.Initialize('')).toBe('true');
    expect(refusing.SetValue('cmi.session_time', 'PT1S')).toBe('false');
    expect(refusing.GetLastError()).toBe('406');
    const upper = profileLms('upper-case-status').api;
    expect(upper.Initialize('')).toBe('true');
    expect(upper.SetValue('cmi.completion_status', 'incomplete')).toBe('true');
    expect(upper.GetValue('cmi.completion_status')).toBe('INCOMPLETE');
    expect(upper.GetValue('cmi.success_status')).toBe('UNKNOWN');
    const short = profileLms('truncates-suspend-data');
    expect(short.api.Initialize('')).toBe('true');
    expect(short.api.SetValue('cmi.suspend_data', 'x'.repeat(100))).toBe('true');
    expect(short.api.GetValue('cmi.suspend_data')).toHaveLength(64);
  });
});
