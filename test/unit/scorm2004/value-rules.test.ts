// The SCORM 2004 rules the emulator's call log flags and the tests' strict checker applies: value
// rules on SetValue (the data model's types, ranges, SPMs, read-only elements, response formats
// per interaction type, and the portable forms on top) and the session rules across calls (one
// Initialize, nothing but the support methods after Terminate, no Commit inside a SetValue batch).
import { describe, expect, it } from 'vitest';
import { checkSetValue, type SetValueContext } from '../../../src/scorm2004/value-rules.js';
import { orderViolations, phaseAfter, SessionRules } from '../../../src/scorm2004/session-rules.js';
import { API_METHODS, isScorm2004Api } from '../../../src/scorm2004/api.js';
import { errorString, ERROR_STRINGS } from '../../../src/scorm2004/errors.js';
import { responseAccepted } from '../../../src/scorm2004/responses.js';
import { LMS_PROFILE_IDS, LMS_PROFILES_2004 } from '../../../src/lms/lms-profiles.js';
import { checkLaunchValues } from '../../../src/scorm2004/launch-values.js';

function context(types: Record<number, string> = {}, count = 0, patterns = 0): SetValueContext {
  return { interactionCount: count, interactionType: (index) => types[index], patternCount: () => patterns };
}

const rules = (element: string, value: string, at: SetValueContext = context()) => checkSetValue(element, value, at).map((violation) => violation.rule);

describe('API and errors', () => {
  it('has the eight methods of IEEE 1484.11.2 and every error code of the book with its text', () => {
    expect(API_METHODS).toEqual(['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);
    expect(Object.keys(ERROR_STRINGS).map(Number)).toEqual([0, 101, 102, 103, 104, 111, 112, 113, 122, 123, 132, 133, 142, 143, 201, 301, 351, 391, 401, 402, 403, 404, 405, 406, 407, 408]);
    expect(errorString('403')).toBe('Data Model Element Value Not Initialized');
    expect(errorString('408')).toBe('Data Model Dependency Not Established');
    expect(errorString('405')).toBe('Data Model Element Is Write Only');
    expect(errorString('999')).toBe('');
    const api = Object.fromEntries(API_METHODS.map((name) => [name, () => '']));
    expect(isScorm2004Api(api)).toBe(true);
    expect(isScorm2004Api({ ...api, Terminate: undefined })).toBe(false);
    expect(isScorm2004Api({ LMSInitialize: () => '' })).toBe(false);
  });
});

describe('value rules', () => {
  it('accepts what a conforming runtime writes', () => {
    const choice = context({ 0: 'choice' }, 1);
    const good: [string, string, SetValueContext?][] = [
      ['cmi.completion_status', 'incomplete'],
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'failed'],
      ['cmi.success_status', 'passed'],
      ['cmi.score.scaled', '0.9091'],
      ['cmi.score.scaled', '-1'],
      ['cmi.score.raw', '90.91'],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.exit', 'suspend'],
      ['cmi.exit', 'normal'],
      ['cmi.exit', 'time-out'],
      ['cmi.exit', ''],
      ['cmi.session_time', 'PT12M5.5S'],
      ['cmi.location', 'reliability'],
      ['cmi.location', 'x'.repeat(1000)],
      ['cmi.suspend_data', 'x'.repeat(64000)],
      ['cmi.progress_measure', '0.5'],
      ['adl.nav.request', 'exitAll'],
      ['adl.nav.request', 'suspendAll'],
      ['adl.nav.request', '{target=intro}choice'],
      ['cmi.interactions.0.id', 'final-source'],
      ['cmi.interactions.0.type', 'choice', choice],
      ['cmi.interactions.0.timestamp', '2024-06-11T08:03:59.12Z', choice],
      ['cmi.interactions.0.latency', 'PT12.5S', choice],
      ['cmi.interactions.0.result', 'incorrect', choice],
      ['cmi.interactions.0.result', '0.5', choice],
      ['cmi.interactions.0.learner_response', '0[,]2', choice],
      ['cmi.interactions.0.correct_responses.0.pattern', '1', choice],
      ['cmi.interactions.0.learner_response', 'true', context({ 0: 'true-false' }, 1)],
      ['cmi.interactions.0.learner_response', 'Haftung', context({ 0: 'fill-in' }, 1)],
      ['cmi.interactions.0.correct_responses.0.pattern', '{case_matters=false}Haftung', context({ 0: 'fill-in' }, 1)],
      ['cmi.interactions.0.description', '{lang=de}Wer haftet?', choice],
      ['cmi.learner_preference.audio_level', '1.5'],
    ];
    for (const [element, value, at] of good) expect(rules(element, value, at), `${element} = ${value}`).toEqual([]);
  });

  it('refuses elements the SCO may not write, and unknown ones', () => {
    for (const element of ['cmi.mode', 'cmi.credit', 'cmi.entry', 'cmi.total_time', 'cmi.scaled_passing_score', 'cmi.learner_id', 'cmi.interactions._count', 'cmi._version', 'adl.nav.request_valid.continue']) {
      expect(rules(element, 'x'), element).toEqual(['2004-element-read-only']);
    }
    expect(rules('cmi.core.lesson_status', 'passed')).toEqual(['2004-element-unknown']);
    expect(rules('cmi.lesson_status', 'passed')).toEqual(['2004-element-unknown']);
  });

  it('flags state, scores and times out of the book or not portable', () => {
    expect(rules('cmi.suspend_data', 'x'.repeat(64001))).toEqual(['2004-suspend-data-too-long']);
    expect(rules('cmi.suspend_data', 'ä')).toEqual(['2004-suspend-data-not-ascii']);
    expect(rules('cmi.location', 'x'.repeat(1001))).toEqual(['2004-location-invalid']);
    expect(rules('cmi.location', 'Einführung')).toEqual(['2004-location-invalid']);
    expect(rules('cmi.completion_status', 'passed')).toEqual(['2004-completion-invalid']);
    expect(rules('cmi.success_status', 'completed')).toEqual(['2004-success-invalid']);
    expect(rules('cmi.success_status', 'Passed')).toEqual(['2004-success-invalid']);
    expect(rules('cmi.exit', 'quit')).toEqual(['2004-exit-invalid']);
    expect(rules('cmi.score.scaled', '1.2')).toEqual(['2004-score-out-of-range']);
    expect(rules('cmi.score.scaled', '0.12345678')).toEqual(['2004-score-not-portable']);
    expect(rules('cmi.score.raw', '1000')).toEqual(['2004-score-not-portable']);
    expect(rules('cmi.score.raw', 'eighty')).toEqual(['2004-score-not-number']);
    expect(rules('cmi.progress_measure', '1.5')).toEqual(['2004-score-out-of-range']);
    expect(rules('cmi.session_time', '00:12:05')).toEqual(['2004-duration-invalid']);
    expect(rules('cmi.session_time', 'PT')).toEqual(['2004-duration-invalid']);
    expect(rules('adl.nav.request', 'choice')).toEqual(['2004-nav-request-invalid']);
    expect(rules('adl.nav.request', 'quit')).toEqual(['2004-nav-request-invalid']);
    expect(rules('cmi.learner_preference.audio_captioning', '2')).toEqual(['2004-type-mismatch']);
  });

  it('flags interactions out of order, before their id or type, and in SCORM 1.2 forms', () => {
    expect(rules('cmi.interactions.1.id', 'q1', context({}, 0))).toEqual(['2004-interaction-index']);
    expect(rules('cmi.interactions.0.id', 'q 1')).toEqual(['2004-interaction-id-invalid']);
    expect(rules('cmi.interactions.0.type', 'choice', context({}, 0))).toEqual(['2004-dependency']);
    expect(rules('cmi.interactions.0.learner_response', '0', context({}, 1))).toEqual(['2004-dependency']);
    expect(rules('cmi.interactions.0.type', 'multiple-choice', context({}, 1))).toEqual(['2004-type-mismatch']);
    const choice = context({ 0: 'choice' }, 1);
    expect(rules('cmi.interactions.0.result', 'wrong', choice)).toEqual(['2004-interaction-result-wrong']);
    expect(rules('cmi.interactions.0.result', 'right', choice)).toEqual(['2004-interaction-result-invalid']);
    expect(rules('cmi.interactions.0.timestamp', '14:03:59', choice)).toEqual(['2004-timestamp-invalid']);
    expect(rules('cmi.interactions.0.latency', '00:00:12', choice)).toEqual(['2004-duration-invalid']);
    expect(rules('cmi.interactions.0.learner_response', '0,2', choice)).toEqual(['2004-response-scorm12']);
    expect(rules('cmi.interactions.0.learner_response', '0[,]0', choice)).toEqual(['2004-response-invalid']);
    expect(rules('cmi.interactions.0.learner_response', 't', context({ 0: 'true-false' }, 1))).toEqual(['2004-response-scorm12']);
    expect(rules('cmi.interactions.0.learner_response', '{Haftung', context({ 0: 'fill-in' }, 1))).toEqual(['2004-response-invalid']);
    expect(rules('cmi.interactions.0.correct_responses.1.pattern', 'true', context({ 0: 'true-false' }, 1, 1))).toEqual(['2004-too-many-patterns']);
    expect(rules('cmi.interactions.0.correct_responses.5.pattern', '{case_matters=false}x', context({ 0: 'fill-in' }, 1, 5))).toEqual(['2004-too-many-patterns']);
    expect(rules('cmi.interactions.0.correct_responses.2.pattern', '1', context({ 0: 'choice' }, 1, 0))).toEqual(['2004-pattern-index']);
    expect(rules('cmi.interactions.0.description', 'x'.repeat(251), choice)).toEqual(['2004-type-mismatch']);
  });

  it('knows the response forms of every interaction type', () => {
    expect(responseAccepted('true-false', 'false', 'learner_response')).toBe(true);
    expect(responseAccepted('true-false', 'f', 'learner_response')).toBe(false);
    expect(responseAccepted('choice', Array.from({ length: 36 }, (_, index) => index.toString(36)).join('[,]'), 'learner_response')).toBe(true);
    expect(responseAccepted('choice', Array.from({ length: 37 }, (_, index) => `o${index}`).join('[,]'), 'learner_response')).toBe(false);
    expect(responseAccepted('fill-in', '{case_matters=true}{order_matters=false}a[,]b', 'pattern')).toBe(true);
    expect(responseAccepted('fill-in', '{case_matters=yes}a', 'pattern')).toBe(false);
    expect(responseAccepted('fill-in', '{case_matters=false}a', 'learner_response')).toBe(false);
    expect(responseAccepted('fill-in', '{lang=de}Haftung', 'learner_response')).toBe(true);
    expect(responseAccepted('fill-in', Array.from({ length: 11 }, () => 'a').join('[,]'), 'learner_response')).toBe(false);
    expect(responseAccepted('numeric', '2.5', 'learner_response')).toBe(true);
    expect(responseAccepted('numeric', '1[:]5', 'pattern')).toBe(true);
    expect(responseAccepted('numeric', '5[:]1', 'pattern')).toBe(false);
    expect(responseAccepted('matching', 'a[.]1[,]b[.]2', 'pattern')).toBe(true);
    expect(responseAccepted('matching', 'a[.]1[.]2', 'pattern')).toBe(false);
    expect(responseAccepted('likert', 'agree', 'learner_response')).toBe(true);
    expect(responseAccepted('sequencing', 'c[,]a[,]b', 'pattern')).toBe(true);
    expect(responseAccepted('other', 'x'.repeat(4000), 'learner_response')).toBe(true);
    expect(responseAccepted('long-fill-in', 'x'.repeat(4001), 'learner_response')).toBe(false);
  });
});

describe('session rules', () => {
  it('orders the calls of a session', () => {
    expect(orderViolations('not-initialized', 'GetValue', ['cmi.location']).map((v) => v.rule)).toEqual(['2004-call-before-initialize']);
    expect(orderViolations('not-initialized', 'GetLastError', []).map((v) => v.rule)).toEqual([]);
    expect(orderViolations('running', 'Initialize', ['']).map((v) => v.rule)).toEqual(['2004-initialize-twice']);
    expect(orderViolations('running', 'Commit', ['x']).map((v) => v.rule)).toEqual(['2004-argument-not-empty']);
    expect(orderViolations('terminated', 'SetValue', ['cmi.exit', 'normal']).map((v) => v.rule)).toEqual(['2004-call-after-terminate']);
    expect(orderViolations('terminated', 'Initialize', ['']).map((v) => v.rule)).toEqual(['2004-call-after-terminate']);
    // The support methods answer at any time.
    expect(orderViolations('terminated', 'GetLastError', []).map((v) => v.rule)).toEqual([]);
    expect(orderViolations('terminated', 'GetDiagnostic', ['113']).map((v) => v.rule)).toEqual([]);
    expect(phaseAfter('not-initialized', 'Initialize', 'false')).toBe('not-initialized');
    expect(phaseAfter('not-initialized', 'Initialize', 'true')).toBe('running');
    expect(phaseAfter('running', 'Terminate', 'false')).toBe('running');
    expect(phaseAfter('running', 'Terminate', 'true')).toBe('terminated');
  });

  it('judges a session call by call: the interaction types it set, commits inside a batch', () => {
    const session = new SessionRules();
    let index = 0;
    const call = (method: (typeof API_METHODS)[number], args: string[], result: string, task = 1, count = 0) => {
      const verdict = session.check({ method, args, index: index++, task, interactionCount: count });
      session.record(method, result, args);
      return [...verdict.violations.map((v) => v.rule), ...verdict.earlier.map((e) => `#${e.index} ${e.violation.rule}`)];
    };
    expect(call('Initialize', [''], 'true')).toEqual([]);
    expect(call('SetValue', ['cmi.interactions.0.id', 'q1'], 'true', 1, 0)).toEqual([]);
    expect(call('SetValue', ['cmi.interactions.0.type', 'true-false'], 'true', 1, 1)).toEqual([]);
    expect(call('SetValue', ['cmi.interactions.0.learner_response', 't'], 'false', 1, 1)).toEqual(['2004-response-scorm12']);
    expect(call('SetValue', ['cmi.interactions.0.correct_responses.0.pattern', 'true'], 'true', 1, 1)).toEqual([]);
    expect(call('SetValue', ['cmi.interactions.0.correct_responses.1.pattern', 'false'], 'false', 1, 1)).toEqual(['2004-too-many-patterns']);
    expect(call('Commit', [''], 'true', 2)).toEqual([]);
    expect(call('SetValue', ['cmi.location', 'a'], 'true', 3)).toEqual([]);
    expect(call('Commit', [''], 'true', 3)).toEqual([]);
    expect(call('SetValue', ['cmi.exit', 'normal'], 'true', 3)).toEqual(['#8 2004-commit-between-setvalues']);
    expect(session.isFinished).toBe(false);
    expect(call('Terminate', [''], 'true', 4)).toEqual([]);
    expect(session.isFinished).toBe(true);
    expect(call('GetValue', ['cmi.location'], '', 4)).toEqual(['2004-call-after-terminate']);
  });
});

describe('LMS profiles for SCORM 2004', () => {
  it('has every profile of SCORM 1.2, each with launch values of the SCORM 2004 data model', () => {
    expect(Object.keys(LMS_PROFILES_2004).sort()).toEqual([...LMS_PROFILE_IDS].sort());
    for (const profile of Object.values(LMS_PROFILES_2004)) {
      expect(() => checkLaunchValues(profile.launch), profile.id).not.toThrow();
      for (const element of Object.keys(profile.launch)) expect(element.startsWith('cmi.core.') || element.startsWith('cmi.student_data.'), element).toBe(false);
    }
    expect(() => checkLaunchValues({ 'cmi.core.lesson_mode': 'review' })).toThrow(/not a plain SCORM 2004 element/);
    expect(() => checkLaunchValues({ 'cmi.scaled_passing_score': '60' })).toThrow(/real/);
    expect(() => checkLaunchValues({ 'cmi.max_time_allowed': '00:00:10' })).toThrow(/timeinterval/);
  });
});
