// What the emulator's call log says about an LMS profile's quirks: each quirk of
// src/lms/lms-profiles.ts, layered over a plain SCORM 1.2 API, is told apart from an ordinary
// answer by comparing what the API underneath was asked and answered with what the course got.
import { describe, expect, it } from 'vitest';
import { LMS_PROFILES, withProfileQuirks, type LmsProfileId } from '../../../src/lms/lms-profiles.js';
import type { ApiMethod, Scorm12Api } from '../../../src/scorm12/api.js';
import { ForwardingRecorder, quirkOf, type QuirkNote } from '../../../src/preview/client/quirk-notes.js';

/** A SCORM 1.2 API that stores every value and answers "true", error 0. */
function plainApi(): Scorm12Api & { values: Map<string, string> } {
  const values = new Map<string, string>([['cmi.core.lesson_status', 'incomplete']]);
  return {
    values,
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSCommit: () => 'true',
    LMSGetValue: (element) => values.get(element) ?? '',
    LMSSetValue: (element, value) => {
      values.set(element, value);
      return 'true';
    },
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => 'No error',
    LMSGetDiagnostic: () => '',
  };
}

/** One call through profile quirks, as the emulator's session makes it. */
function call(profile: LmsProfileId, method: ApiMethod, args: string[]): { quirk: QuirkNote | undefined; result: string; errorCode: string; stored: Map<string, string> } {
  const api = plainApi();
  const recorder = new ForwardingRecorder(api);
  const lms = withProfileQuirks(recorder.api, LMS_PROFILES[profile].quirks);
  // Quirks apply inside a session, as an LMS's do.
  lms.LMSInitialize('');
  recorder.take();
  const result = String((lms[method] as (...values: string[]) => unknown).apply(lms, args));
  const forwarded = recorder.take();
  const errorCode = String(lms.LMSGetLastError());
  return { quirk: quirkOf({ method, args, result, errorCode }, forwarded), result, errorCode, stored: api.values };
}

describe('LMS quirk notes', () => {
  it('finds nothing to say about the standard profile', () => {
    expect(call('standard', 'LMSSetValue', ['cmi.core.lesson_status', 'passed']).quirk).toBeUndefined();
    expect(call('standard', 'LMSGetValue', ['cmi.core.lesson_status']).quirk).toBeUndefined();
    expect(call('standard', 'LMSCommit', ['']).quirk).toBeUndefined();
  });

  it('tells a made-up "false" with error 0 from a failure: the value was stored', () => {
    const { quirk, result, errorCode, stored } = call('false-with-no-error', 'LMSSetValue', ['cmi.core.lesson_location', 'intro']);
    expect([result, errorCode]).toEqual(['false', '0']);
    expect(stored.get('cmi.core.lesson_location')).toBe('intro');
    expect(quirk).toEqual({ quirk: 'false-with-no-error' });
  });

  it('reports an element the LMS always refuses, with its error code, and nothing stored', () => {
    const { quirk, result, stored } = call('permanent-405', 'LMSSetValue', ['cmi.core.session_time', '00:00:10']);
    expect(result).toBe('false');
    expect(stored.has('cmi.core.session_time')).toBe(false);
    expect(quirk).toEqual({ quirk: 'refused', values: { code: '405' } });
  });

  it('reports suspend_data cut short, with how much was kept', () => {
    const data = 'x'.repeat(100);
    const { quirk, stored } = call('truncates-suspend-data', 'LMSSetValue', ['cmi.suspend_data', data]);
    expect(stored.get('cmi.suspend_data')).toBe('x'.repeat(64));
    expect(quirk).toEqual({ quirk: 'truncated', values: { kept: 64, length: 100 } });
  });

  it('reports a value answered differently from what the LMS holds', () => {
    const { quirk, result } = call('upper-case-status', 'LMSGetValue', ['cmi.core.lesson_status']);
    expect(result).toBe('INCOMPLETE');
    expect(quirk).toEqual({ quirk: 'changed-value', values: { held: '"incomplete"', returned: '"INCOMPLETE"' } });
  });
});
