// The strict SCORM 1.2 LMS double: every error code, each data type rule, array indexing, the
// record kept only on a successful LMSCommit/LMSFinish, Moodle's status rules at LMSFinish,
// total_time, relaunch values, and each LMS profile quirk layered over it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LMS_PROFILE_IDS, LMS_PROFILES, launchValues, withProfileQuirks, type LmsProfileId } from '../../../src/lms/lms-profiles.js';
import { StrictScorm12Lms, type StrictLmsOptions } from '../../../src/lms/strict-scorm12-lms.js';
import { recordFromJson, type Scorm12Record } from '../../../src/scorm12/record.js';
import { ERROR_STRINGS } from '../../../src/scorm12/errors.js';
import type { Scorm12Api } from '../../../src/scorm12/api.js';
import type { Cmi } from '../../helpers/lms-harness.js';

const LEARNER = { id: 'learner-1', name: 'Doe, Jane' };

function lms(options: Partial<StrictLmsOptions> = {}): StrictScorm12Lms {
  return new StrictScorm12Lms({ kept: null, masteryScore: 80, learner: LEARNER, ...options });
}

function running(options: Partial<StrictLmsOptions> = {}): StrictScorm12Lms {
  const api = lms(options);
  expect(api.LMSInitialize('')).toBe('true');
  return api;
}

/** A whole session: initialize, the writes, finish; returns the record kept. */
function session(writes: Record<string, string>, options: Partial<StrictLmsOptions> = {}): Scorm12Record {
  const api = running(options);
  for (const [element, value] of Object.entries(writes)) expect(api.LMSSetValue(element, value), `${element} = ${value}`).toBe('true');
  expect(api.LMSFinish('')).toBe('true');
  return api.kept()!;
}

/** The call failed with `code`: "false" (or "" for LMSGetValue) and LMSGetLastError says so. */
function expectRefused(api: Scorm12Api, result: unknown, code: number, failed = 'false'): void {
  expect(result).toBe(failed);
  expect(api.LMSGetLastError()).toBe(String(code));
}

function expectAccepted(api: Scorm12Api, result: unknown): void {
  expect(result).toBe('true');
  expect(api.LMSGetLastError()).toBe('0');
}

function profileLms(id: LmsProfileId, kept: Scorm12Record | null = null): { lms: StrictScorm12Lms; api: Scorm12Api } {
  const profile = LMS_PROFILES[id];
  const double = lms({ kept, launchValues: launchValues(profile, kept !== null) });
  return { lms: double, api: withProfileQuirks(double, profile.quirks) };
}

describe('session lifecycle', () => {
  it('refuses every call before LMSInitialize with 301', () => {
    const api = lms();
    expectRefused(api, api.LMSGetValue('cmi.core.lesson_status'), 301, '');
    expectRefused(api, api.LMSSetValue('cmi.core.lesson_location', 'a'), 301);
    expectRefused(api, api.LMSCommit(''), 301);
    expectRefused(api, api.LMSFinish(''), 301);
    expect(api.LMSGetErrorString('301')).toBe('Not initialized');
    expect(api.state).toBe('not-initialized');
  });

  it('initializes once, with "" only: another parameter is 201, a second call 101', () => {
    const api = lms();
    expectRefused(api, api.LMSInitialize('x'), 201);
    expect(api.state).toBe('not-initialized');
    expectAccepted(api, api.LMSInitialize(''));
    expectRefused(api, api.LMSInitialize(''), 101);
    expect(api.state).toBe('running');
  });

  it('LMSCommit and LMSFinish take "" only (201), and the session goes on', () => {
    const api = running();
    expectRefused(api, api.LMSCommit('x'), 201);
    expectRefused(api, api.LMSFinish('true'), 201);
    expect(api.state).toBe('running');
    expectAccepted(api, api.LMSSetValue('cmi.core.lesson_location', 'l1'));
  });

  it('after LMSFinish every call fails with 101 and nothing is stored', () => {
    const api = running();
    expect(api.LMSSetValue('cmi.core.lesson_location', 'before')).toBe('true');
    expect(api.LMSFinish('')).toBe('true');
    const kept = api.kept();
    expectRefused(api, api.LMSSetValue('cmi.core.lesson_location', 'after'), 101);
    expectRefused(api, api.LMSGetValue('cmi.core.lesson_location'), 101, '');
    expectRefused(api, api.LMSCommit(''), 101);
    expectRefused(api, api.LMSFinish(''), 101);
    expectRefused(api, api.LMSInitialize(''), 101);
    expect(api.kept()).toEqual(kept);
    expect(api.current().core.lesson_location).toBe('before');
    expect(api.state).toBe('finished');
  });

  it('a successful call resets the last error to 0; error queries leave it alone', () => {
    const api = running();
    api.LMSSetValue('cmi.core.student_id', 'x');
    expect(api.LMSGetLastError()).toBe('403');
    expect(api.LMSGetErrorString('403')).toBe('Element is read only');
    expect(api.LMSGetLastError()).toBe('403');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('not attempted');
    expect(api.LMSGetLastError()).toBe('0');
  });

  it('has the standard error strings, and "" for other codes', () => {
    const api = lms();
    for (const [code, text] of Object.entries(ERROR_STRINGS)) expect(api.LMSGetErrorString(code)).toBe(text);
    expect(ERROR_STRINGS[405]).toBe('Incorrect data type');
    expect(api.LMSGetErrorString('999')).toBe('');
    expect(api.LMSGetErrorString('')).toBe('');
  });

  it('diagnoses the last error in words, for "" or its code; other codes get their string', () => {
    const api = running();
    api.LMSSetValue('cmi.core.session_time', '00:60:00');
    expect(api.LMSGetDiagnostic('')).toContain('cmi.core.session_time');
    expect(api.LMSGetDiagnostic('')).toContain('CMITimespan');
    expect(api.LMSGetDiagnostic('405')).toBe(api.LMSGetDiagnostic(''));
    expect(api.LMSGetDiagnostic('201')).toBe('Invalid argument error');
    api.LMSGetValue('cmi.core.lesson_status');
    expect(api.LMSGetDiagnostic('')).toBe('');
  });
});

describe('elements and keywords', () => {
  it('an unknown element, or none, is 201', () => {
    const api = running();
    expectRefused(api, api.LMSGetValue('cmi.core.nonsense'), 201, '');
    expectRefused(api, api.LMSSetValue('cmi.core.nonsense', 'x'), 201);
    expectRefused(api, api.LMSGetValue(''), 201, '');
    expectRefused(api, api.LMSSetValue('', 'x'), 201);
    expectRefused(api, api.LMSGetValue('cmi.core'), 201, '');
    expectRefused(api, api.LMSSetValue('adl.nav.request', 'continue'), 201);
    expectRefused(api, api.LMSGetValue('cmi.completion_status'), 201, '');
  });

  it('_children of an element without children is 202; _count of what is not an array is 203', () => {
    const api = running();
    expectRefused(api, api.LMSGetValue('cmi.core.lesson_status._children'), 202, '');
    expectRefused(api, api.LMSGetValue('cmi.core._count'), 203, '');
    expectRefused(api, api.LMSGetValue('cmi.suspend_data._count'), 203, '');
    expectRefused(api, api.LMSGetValue('cmi.nothing._children'), 201, '');
  });

  it('reads the keywords', () => {
    const api = running();
    expect(api.LMSGetValue('cmi._version')).toBe('3.4');
    expect(api.LMSGetValue('cmi.core._children').split(',')).toContain('lesson_status');
    expect(api.LMSGetValue('cmi.core.score._children')).toBe('raw,min,max');
    expect(api.LMSGetValue('cmi.interactions._children').split(',')).toEqual(['id', 'objectives', 'time', 'type', 'correct_responses', 'weighting', 'student_response', 'result', 'latency']);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('0');
    expect(api.LMSGetValue('cmi.objectives._count')).toBe('0');
    expect(api.LMSGetLastError()).toBe('0');
  });

  it.each(['cmi._children', 'cmi._version', 'cmi.core._children', 'cmi.core.score._children', 'cmi.interactions._count', 'cmi.interactions._children', 'cmi.objectives._count'])('writing the keyword %s is 402', (element) => {
    const api = running();
    expectRefused(api, api.LMSSetValue(element, '1'), 402);
  });

  it('writing cmi.interactions.0.objectives._count is 402', () => {
    const api = running();
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    expectRefused(api, api.LMSSetValue('cmi.interactions.0.objectives._count', '1'), 402);
  });

  it.each([
    'cmi.core.student_id', 'cmi.core.student_name', 'cmi.core.credit', 'cmi.core.entry', 'cmi.core.total_time', 'cmi.core.lesson_mode',
    'cmi.launch_data', 'cmi.comments_from_lms', 'cmi.student_data.mastery_score', 'cmi.student_data.max_time_allowed', 'cmi.student_data.time_limit_action',
  ])('writing the read-only %s is 403', (element) => {
    const api = running();
    expectRefused(api, api.LMSSetValue(element, ''), 403);
  });

  it.each(['cmi.core.exit', 'cmi.core.session_time'])('reading the write-only %s is 404', (element) => {
    const api = running();
    expectRefused(api, api.LMSGetValue(element), 404, '');
  });

  it('every interaction field is write-only (404), the _counts are readable', () => {
    const api = running();
    const fields = { id: 'q1', time: '10:00:00', type: 'choice', weighting: '1', student_response: 'a', result: 'correct', latency: '00:00:05' };
    for (const [field, value] of Object.entries(fields)) expect(api.LMSSetValue(`cmi.interactions.0.${field}`, value)).toBe('true');
    expect(api.LMSSetValue('cmi.interactions.0.objectives.0.id', 'o1')).toBe('true');
    expect(api.LMSSetValue('cmi.interactions.0.correct_responses.0.pattern', 'a')).toBe('true');
    for (const field of [...Object.keys(fields), 'objectives.0.id', 'correct_responses.0.pattern']) expectRefused(api, api.LMSGetValue(`cmi.interactions.0.${field}`), 404, '');
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('1');
    expect(api.LMSGetValue('cmi.interactions.0.objectives._count')).toBe('1');
    expect(api.LMSGetValue('cmi.interactions.0.correct_responses._count')).toBe('1');
  });

  it('an element the LMS does not implement is 401, both ways', () => {
    const api = running({ unimplemented: ['cmi.interactions', 'cmi.student_preference.audio'] });
    expectRefused(api, api.LMSSetValue('cmi.interactions.0.id', 'q1'), 401);
    expectRefused(api, api.LMSGetValue('cmi.interactions._count'), 401, '');
    expectRefused(api, api.LMSSetValue('cmi.student_preference.audio', '10'), 401);
    expectAccepted(api, api.LMSSetValue('cmi.student_preference.speed', '10'));
    expectAccepted(api, api.LMSSetValue('cmi.core.lesson_status', 'incomplete'));
  });
});

describe('data types (405 for a wrong type or a value out of range)', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['cmi.core.session_time', ['00:00:01', '0000:59:59.99', '9999:00:00.5', '100:00:00'], ['00:60:00', '00:00:60', '0:00:01', '12345:00:00', '00:00:01.123', 'PT1S', '00:01', '']],
    ['cmi.core.lesson_status', ['passed', 'completed', 'failed', 'incomplete', 'browsed'], ['not attempted', 'PASSED', 'done', '']],
    ['cmi.core.exit', ['time-out', 'suspend', 'logout', ''], ['SUSPEND', 'normal', 'exit']],
    ['cmi.core.score.raw', ['', '0', '100', '85.5', '85.25', '.5'], ['100.5', '-1', 'abc', '1000', '85%', '1e2', '-']],
    ['cmi.core.score.min', ['0'], ['-0.01']],
    ['cmi.core.score.max', ['100'], ['101']],
    ['cmi.core.lesson_location', ['', 'x'.repeat(255), 'Grüße'], ['x'.repeat(256)]],
    ['cmi.suspend_data', ['', 'x'.repeat(4096), 'Grüße, 日本'], ['x'.repeat(4097), '€'.repeat(4097)]],
    ['cmi.objectives.0.id', ['obj-1'], ['obj 1', '', 'x'.repeat(256)]],
    ['cmi.objectives.0.status', ['passed', 'not attempted'], ['unknown']],
    ['cmi.objectives.0.score.raw', ['', '50'], ['150']],
    ['cmi.student_preference.audio', ['-1', '0', '100'], ['-2', '101', '1.5', 'loud']],
    ['cmi.student_preference.speed', ['-100', '100'], ['-101', '101']],
    ['cmi.student_preference.text', ['-1', '0', '1'], ['2']],
    ['cmi.student_preference.language', ['de'], ['x'.repeat(256)]],
    ['cmi.interactions.0.id', ['q-1_a.b', 'x'.repeat(255)], ['q 1', '', 'x'.repeat(256), 'q\t1']],
    ['cmi.interactions.0.type', ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'], ['multiple', 'Choice', '']],
    ['cmi.interactions.0.result', ['correct', 'wrong', 'unanticipated', 'neutral', '0.5', '10', '999'], ['right', '-1', '1000', '']],
    ['cmi.interactions.0.time', ['00:00:00', '23:59:59', '12:30:00.5'], ['24:00:00', '9:00:00', '12:60:00', '12:00']],
    ['cmi.interactions.0.latency', ['00:00:05.25'], ['00:00:5', '5']],
    ['cmi.interactions.0.weighting', ['-100', '0', '100', '2.5'], ['101', 'heavy']],
    ['cmi.interactions.0.student_response', ['a,b', 'x'.repeat(255)], ['x'.repeat(256)]],
    ['cmi.interactions.0.correct_responses.0.pattern', ['t'], ['x'.repeat(256)]],
  ];

  it.each(cases)('%s', (element, accepted, refused) => {
    const api = running();
    for (const value of accepted) {
      expect(api.LMSSetValue(element, value), `${element} = ${JSON.stringify(value.slice(0, 20))}`).toBe('true');
    }
    for (const value of refused) {
      expect(api.LMSSetValue(element, value), `${element} = ${JSON.stringify(value.slice(0, 20))}`).toBe('false');
      expect(api.LMSGetLastError()).toBe('405');
    }
  });

  it('a refused value is not stored', () => {
    const api = running();
    api.LMSSetValue('cmi.core.lesson_location', 'kept');
    api.LMSSetValue('cmi.core.lesson_location', 'x'.repeat(256));
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('kept');
    api.LMSSetValue('cmi.suspend_data', 'x'.repeat(4097));
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('');
  });

  it('non-ASCII text is kept as given (Moodle accepts any character)', () => {
    const api = running();
    expect(api.LMSSetValue('cmi.suspend_data', 'Grüße ✓')).toBe('true');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('Grüße ✓');
  });

  it('cmi.comments are appended to, up to 4096 characters in all', () => {
    const api = running();
    expect(api.LMSSetValue('cmi.comments', 'first. ')).toBe('true');
    expect(api.LMSSetValue('cmi.comments', 'second.')).toBe('true');
    expect(api.LMSGetValue('cmi.comments')).toBe('first. second.');
    expectRefused(api, api.LMSSetValue('cmi.comments', 'x'.repeat(4090)), 405);
    expect(api.LMSGetValue('cmi.comments')).toBe('first. second.');
  });
});

describe('arrays', () => {
  it('n may be at most _count: n = _count appends, n > _count is 201', () => {
    const api = running();
    expectRefused(api, api.LMSSetValue('cmi.interactions.1.id', 'q2'), 201);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('0');
    expectAccepted(api, api.LMSSetValue('cmi.interactions.0.id', 'q1'));
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('1');
    expectAccepted(api, api.LMSSetValue('cmi.interactions.0.result', 'correct'));
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('1');
    expectRefused(api, api.LMSSetValue('cmi.interactions.2.id', 'q3'), 201);
    expectAccepted(api, api.LMSSetValue('cmi.interactions.1.id', 'q2'));
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    expect(Object.keys(api.current().interactions)).toEqual(['0', '1']);
  });

  it('nested arrays count per interaction', () => {
    const api = running();
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    expectRefused(api, api.LMSSetValue('cmi.interactions.0.correct_responses.1.pattern', 'b'), 201);
    expectAccepted(api, api.LMSSetValue('cmi.interactions.0.correct_responses.0.pattern', 'a'));
    expectAccepted(api, api.LMSSetValue('cmi.interactions.0.correct_responses.1.pattern', 'b'));
    expect(api.LMSGetValue('cmi.interactions.0.correct_responses._count')).toBe('2');
    // A nested element may start a new interaction (n = _count at every level).
    expectAccepted(api, api.LMSSetValue('cmi.interactions.1.objectives.0.id', 'o1'));
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    expect(api.LMSGetValue('cmi.interactions.1.objectives._count')).toBe('1');
    expect(api.LMSGetValue('cmi.interactions.1.correct_responses._count')).toBe('0');
    expect(api.current().interactions['0']!.correct_responses).toEqual({ 0: { pattern: 'a' }, 1: { pattern: 'b' } });
  });

  it('reading past _count is 201, as is an index with a leading zero', () => {
    const api = running();
    expectRefused(api, api.LMSGetValue('cmi.interactions.0.objectives._count'), 201, '');
    expectRefused(api, api.LMSGetValue('cmi.objectives.0.id'), 201, '');
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    expectRefused(api, api.LMSSetValue('cmi.interactions.01.id', 'q1'), 201);
    expectRefused(api, api.LMSGetValue('cmi.interactions.0'), 201, '');
  });

  it('the value type is checked before the index, as in Moodle', () => {
    const api = running();
    expectRefused(api, api.LMSSetValue('cmi.interactions.5.id', 'has space'), 405);
    expectRefused(api, api.LMSSetValue('cmi.interactions.5.id', 'q5'), 201);
  });

  it('a refused write appends nothing', () => {
    const api = running();
    expectRefused(api, api.LMSSetValue('cmi.interactions.0.id', ''), 405);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('0');
  });

  it('objectives are read-write', () => {
    const api = running();
    expectAccepted(api, api.LMSSetValue('cmi.objectives.0.id', 'final'));
    expectAccepted(api, api.LMSSetValue('cmi.objectives.0.score.raw', '90'));
    expectAccepted(api, api.LMSSetValue('cmi.objectives.0.status', 'passed'));
    expect(api.LMSGetValue('cmi.objectives.0.id')).toBe('final');
    expect(api.LMSGetValue('cmi.objectives.0.score.raw')).toBe('90');
    expect(api.LMSGetValue('cmi.objectives.0.score._children')).toBe('raw,min,max');
    expect(api.LMSGetValue('cmi.objectives.0.score.max')).toBe('');
    expect(api.LMSGetValue('cmi.objectives._count')).toBe('1');
  });
});

describe('what the LMS keeps', () => {
  it('is a record the browser tests read like scorm-again’s CMI', () => {
    expectTypeOf<Scorm12Record>().toExtend<Cmi>();
  });

  it('nothing before a successful LMSCommit; the committed record after it; the final one at LMSFinish', () => {
    const api = running();
    expect(api.kept()).toBeNull();
    api.LMSSetValue('cmi.suspend_data', 'one');
    expect(api.kept()).toBeNull();
    expect(api.LMSCommit('x')).toBe('false');
    expect(api.kept()).toBeNull();
    expect(api.LMSCommit('')).toBe('true');
    expect(api.kept()!.suspend_data).toBe('one');
    api.LMSSetValue('cmi.suspend_data', 'two');
    expect(api.kept()!.suspend_data).toBe('one');
    expect(api.LMSFinish('')).toBe('true');
    expect(api.kept()!.suspend_data).toBe('two');
  });

  it('keeps the launch record until the next successful commit', () => {
    const first = session({ 'cmi.suspend_data': 'state', 'cmi.core.exit': 'suspend' });
    const api = running({ kept: first });
    expect(api.kept()).toEqual(first);
    api.LMSSetValue('cmi.suspend_data', 'changed');
    expect(api.kept()!.suspend_data).toBe('state');
  });

  it('hands out copies', () => {
    const api = running();
    api.LMSCommit('');
    api.kept()!.suspend_data = 'tampered';
    api.current().core.lesson_location = 'tampered';
    expect(api.kept()!.suspend_data).toBe('');
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('');
  });

  it('keeps exit and session_time of the session in its record (they are not handed back)', () => {
    const kept = session({ 'cmi.core.exit': 'suspend', 'cmi.core.session_time': '00:01:00' });
    expect(kept.core).toMatchObject({ exit: 'suspend', session_time: '00:01:00' });
  });
});

describe("Moodle's status rules at LMSFinish", () => {
  it('mastery score: passed when score.raw ≥ mastery, failed below, whatever the SCO set', () => {
    expect(session({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '80' }).core.lesson_status).toBe('passed');
    expect(session({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '79.5' }).core.lesson_status).toBe('failed');
    expect(session({ 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '95' }).core.lesson_status).toBe('passed');
    expect(session({ 'cmi.core.score.raw': '10' }).core.lesson_status).toBe('failed');
  });

  it('no override without a mastery score, without score.raw, or with the override off', () => {
    expect(session({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '100' }, { masteryScore: null }).core.lesson_status).toBe('incomplete');
    expect(session({ 'cmi.core.lesson_status': 'incomplete' }).core.lesson_status).toBe('incomplete');
    expect(session({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '' }).core.lesson_status).toBe('incomplete');
    expect(session({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '10' }, { masteryOverride: false }).core.lesson_status).toBe('passed');
  });

  it('no override without credit, nor in review or browse mode', () => {
    for (const id of ['no-credit', 'review', 'browse'] as const) {
      const launch = launchValues(LMS_PROFILES[id], false);
      expect(session({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '100' }, { launchValues: launch }).core.lesson_status, id).toBe('incomplete');
    }
  });

  it('a status left "not attempted" ends "completed", in browse mode too (Moodle checks browse after that)', () => {
    expect(session({}).core.lesson_status).toBe('completed');
    expect(session({}, { launchValues: launchValues(LMS_PROFILES.browse, false) }).core.lesson_status).toBe('completed');
    expect(session({ 'cmi.core.lesson_status': 'browsed' }, { launchValues: launchValues(LMS_PROFILES.browse, false) }).core.lesson_status).toBe('browsed');
  });

  it('the mastery score the LMS hands over wins over the manifest', () => {
    const launch = launchValues(LMS_PROFILES['lms-mastery-score'], false);
    const api = running({ launchValues: launch });
    expect(api.LMSGetValue('cmi.student_data.mastery_score')).toBe('60');
    api.LMSSetValue('cmi.core.score.raw', '70');
    api.LMSFinish('');
    expect(api.kept()!.core.lesson_status).toBe('passed');
  });

  it('LMSCommit applies none of the rules', () => {
    const api = running();
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSSetValue('cmi.core.score.raw', '90');
    api.LMSSetValue('cmi.core.session_time', '00:05:00');
    api.LMSCommit('');
    expect(api.kept()!.core).toMatchObject({ lesson_status: 'incomplete', total_time: '00:00:00' });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
  });
});

describe('total_time', () => {
  it('adds each finished session_time to the time kept', () => {
    const first = session({ 'cmi.core.session_time': '00:10:30.50' });
    expect(first.core.total_time).toBe('00:10:30.50');
    const api = running({ kept: first });
    expect(api.LMSGetValue('cmi.core.total_time')).toBe('00:10:30.50');
    api.LMSSetValue('cmi.core.session_time', '01:49:29.75');
    api.LMSFinish('');
    expect(api.kept()!.core.total_time).toBe('02:00:00.25');
  });

  it('a session without session_time adds nothing; the last session_time set counts', () => {
    expect(session({}).core.total_time).toBe('00:00:00');
    const api = running();
    api.LMSSetValue('cmi.core.session_time', '00:00:05');
    api.LMSSetValue('cmi.core.session_time', '00:00:09');
    api.LMSFinish('');
    expect(api.kept()!.core.total_time).toBe('00:00:09');
  });

  it('goes past 99 hours', () => {
    const first = session({ 'cmi.core.session_time': '99:59:59' });
    expect(session({ 'cmi.core.session_time': '00:00:01' }, { kept: first }).core.total_time).toBe('100:00:00');
  });
});

describe('relaunch', () => {
  it('a new learner starts ab-initio, not attempted, normal mode with credit', () => {
    const api = running();
    expect(api.LMSGetValue('cmi.core.entry')).toBe('ab-initio');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('not attempted');
    expect(api.LMSGetValue('cmi.core.lesson_mode')).toBe('normal');
    expect(api.LMSGetValue('cmi.core.credit')).toBe('credit');
    expect(api.LMSGetValue('cmi.student_data.mastery_score')).toBe('80');
    expect(api.LMSGetValue('cmi.core.student_id')).toBe(LEARNER.id);
    expect(api.LMSGetValue('cmi.core.student_name')).toBe(LEARNER.name);
    expect(api.LMSGetValue('cmi.core.total_time')).toBe('00:00:00');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('');
    expect(running({ masteryScore: null }).LMSGetValue('cmi.student_data.mastery_score')).toBe('');
  });

  it('entry is "resume" after exit "suspend", "" after any other exit', () => {
    expect(running({ kept: session({ 'cmi.core.exit': 'suspend' }) }).LMSGetValue('cmi.core.entry')).toBe('resume');
    for (const exit of ['', 'logout', 'time-out']) expect(running({ kept: session({ 'cmi.core.exit': exit }) }).LMSGetValue('cmi.core.entry'), exit).toBe('');
    expect(running({ kept: session({}) }).LMSGetValue('cmi.core.entry')).toBe('');
  });

  it('hands back what the SCO may read, not exit or session_time', () => {
    const kept = session({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.lesson_location': 'lesson-2',
      'cmi.suspend_data': 'state',
      'cmi.core.score.raw': '',
      'cmi.core.exit': 'suspend',
      'cmi.core.session_time': '00:02:00',
    });
    const api = running({ kept });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('lesson-2');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('state');
    expect(api.current().core).toMatchObject({ exit: '', session_time: '', total_time: '00:02:00', entry: 'resume' });
    // A session that never sets exit ends with exit "" (the last session's "suspend" is gone).
    api.LMSFinish('');
    expect(running({ kept: api.kept() }).LMSGetValue('cmi.core.entry')).toBe('');
  });

  it('keeps interactions: _count continues', () => {
    const kept = session({ 'cmi.interactions.0.id': 'q1', 'cmi.interactions.0.result': 'wrong', 'cmi.interactions.1.id': 'q2' });
    const api = running({ kept });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    expectRefused(api, api.LMSSetValue('cmi.interactions.3.id', 'q1'), 201);
    expectAccepted(api, api.LMSSetValue('cmi.interactions.2.id', 'q1'));
    api.LMSFinish('');
    expect(Object.values(api.kept()!.interactions).map((interaction) => interaction.id)).toEqual(['q1', 'q2', 'q1']);
    expect(api.kept()!.interactions['0']!.result).toBe('wrong');
  });

  it('a profile may force ab-initio on a learner with saved state, which it still hands over', () => {
    const kept = session({ 'cmi.core.exit': 'suspend', 'cmi.suspend_data': 'state' });
    const { api } = profileLms('ab-initio-with-state', kept);
    api.LMSInitialize('');
    expect(api.LMSGetValue('cmi.core.entry')).toBe('ab-initio');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('state');
    // The override is for relaunches: a first launch is ab-initio anyway.
    expect(launchValues(LMS_PROFILES['ab-initio-with-state'], false)).toEqual({});
  });

  it.each([
    ['review', 'review', 'no-credit'],
    ['browse', 'browse', 'no-credit'],
    ['no-credit', 'normal', 'no-credit'],
    ['standard', 'normal', 'credit'],
  ] as const)('profile %s launches in %s mode with %s', (id, mode, credit) => {
    const { api } = profileLms(id);
    api.LMSInitialize('');
    expect(api.LMSGetValue('cmi.core.lesson_mode')).toBe(mode);
    expect(api.LMSGetValue('cmi.core.credit')).toBe(credit);
  });

  it('a mode other than normal has no credit unless the LMS says otherwise', () => {
    expect(running({ launchValues: { 'cmi.core.lesson_mode': 'browse' } }).LMSGetValue('cmi.core.credit')).toBe('no-credit');
  });

  it('hands over the time limit of the time-limit profile', () => {
    const { api } = profileLms('time-limit');
    api.LMSInitialize('');
    expect(api.LMSGetValue('cmi.student_data.max_time_allowed')).toBe('00:00:10');
    expect(api.LMSGetValue('cmi.student_data.time_limit_action')).toBe('exit,message');
  });

  it('refuses launch values that are not plain elements of their type', () => {
    expect(() => lms({ launchValues: { 'cmi.core.lesson_mode': 'fast' } })).toThrow(/not a CMIVocabulary/);
    expect(() => lms({ launchValues: { 'cmi.core.nonsense': 'x' } })).toThrow(/not a plain SCORM 1.2 element/);
    expect(() => lms({ launchValues: { 'cmi.interactions._count': '3' } })).toThrow(/not a plain SCORM 1.2 element/);
  });

  it('every profile launches, with and without a record', () => {
    const kept = session({ 'cmi.core.exit': 'suspend' });
    for (const id of LMS_PROFILE_IDS) {
      for (const record of [null, kept]) {
        const { api } = profileLms(id, record);
        expect(api.LMSInitialize(''), id).toBe('true');
      }
    }
  });

  it('reads a kept record from JSON in scorm-again’s shape, missing fields empty', () => {
    const record = recordFromJson({
      suspend_data: 'state',
      core: { lesson_status: 'incomplete', exit: 'suspend', score: { raw: '50', max: '100' } },
      interactions: { 0: { id: 'q1', correct_responses: { 0: { pattern: 'a' } } }, 1: { id: 'q2' }, 3: { id: 'gap' } },
    });
    expect(record.core).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend', score: { raw: '50', min: '', max: '100' }, total_time: '' });
    expect(Object.keys(record.interactions)).toEqual(['0', '1']);
    const api = running({ kept: record });
    expect(api.LMSGetValue('cmi.core.entry')).toBe('resume');
    expect(api.LMSGetValue('cmi.core.total_time')).toBe('00:00:00');
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    expect(api.LMSGetValue('cmi.interactions.0.correct_responses._count')).toBe('1');
  });
});

describe('LMS profile quirks over the strict LMS', () => {
  it('false-with-no-error: SetValue stores, answers "false" and reports error 0', () => {
    const { api, lms: double } = profileLms('false-with-no-error');
    api.LMSInitialize('');
    expect(api.LMSSetValue('cmi.suspend_data', 'state')).toBe('false');
    expect(api.LMSGetLastError()).toBe('0');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('state');
    expect(api.LMSCommit('')).toBe('true');
    expect(double.kept()!.suspend_data).toBe('state');
    // A value the LMS refuses is still refused with its own code.
    expectRefused(api, api.LMSSetValue('cmi.core.exit', 'bad'), 405);
  });

  it('permanent-405: session_time is refused every time, nothing stored; other elements are fine', () => {
    const { api, lms: double } = profileLms('permanent-405');
    api.LMSInitialize('');
    for (let attempt = 0; attempt < 3; attempt++) expectRefused(api, api.LMSSetValue('cmi.core.session_time', '00:00:05'), 405);
    expect(api.LMSGetErrorString('405')).toBe('Incorrect data type');
    expect(api.LMSGetDiagnostic('')).toContain('405');
    expectAccepted(api, api.LMSSetValue('cmi.core.lesson_status', 'incomplete'));
    api.LMSFinish('');
    expect(double.kept()!.core).toMatchObject({ session_time: '', total_time: '00:00:00' });
  });

  it('upper-case-status: lesson_status reads in upper case; the LMS keeps it as written', () => {
    const { api, lms: double } = profileLms('upper-case-status');
    api.LMSInitialize('');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('NOT ATTEMPTED');
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('INCOMPLETE');
    expect(api.LMSGetValue('cmi.core.entry')).toBe('ab-initio');
    api.LMSCommit('');
    expect(double.kept()!.core.lesson_status).toBe('incomplete');
  });

  it('truncates-suspend-data: accepts any length and keeps the first 64 characters', () => {
    const { api, lms: double } = profileLms('truncates-suspend-data');
    api.LMSInitialize('');
    const state = 'abcdefghij'.repeat(10);
    expectAccepted(api, api.LMSSetValue('cmi.suspend_data', state));
    expect(api.LMSGetValue('cmi.suspend_data')).toBe(state.slice(0, 64));
    api.LMSCommit('');
    expect(double.kept()!.suspend_data).toHaveLength(64);
  });

  it('the standard profile changes nothing', () => {
    const { api } = profileLms('standard');
    expectRefused(api, api.LMSGetValue('cmi.core.lesson_status'), 301, '');
    api.LMSInitialize('');
    expectRefused(api, api.LMSSetValue('cmi.core.session_time', '00:60:00'), 405);
    expect(api.LMSGetDiagnostic('')).toContain('CMITimespan');
  });
});
