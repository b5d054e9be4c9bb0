// CmiSync against a scripted LMS: what decides the learner's record goes first, one commit per
// flush, and the fields of an interaction whose id was refused are held back.
import { describe, expect, it } from 'vitest';
import { CmiSync } from '../../../src/runtime/lms/cmi-sync.js';
import type { ScormAdapter, SetResult } from '../../../src/runtime/lms/lms-adapter.js';
import { SCORM12_ERRORS } from '../../../src/runtime/lms/scorm12-adapter.js';
import { SCORM12_CMI } from '../../../src/runtime/lms/scorm12-cmi.js';

function scriptedLms(refuse: (element: string) => number | undefined = () => undefined, keep: (element: string, value: string) => string = (_element, value) => value) {
  const calls: string[] = [];
  const stored = new Map<string, string>();
  const reads: string[] = [];
  const adapter = {
    running: true,
    errors: SCORM12_ERRORS,
    setValue(element: string, value: string): SetResult {
      calls.push(`set ${element}=${value}`);
      const code = refuse(element);
      if (code === undefined) stored.set(element, keep(element, value));
      return code === undefined ? { ok: true } : { ok: false, code };
    },
    readValue(element: string): string | undefined {
      reads.push(element);
      return stored.get(element) ?? '';
    },
    commit(): boolean {
      calls.push('commit');
      return true;
    },
  };
  const refused: string[] = [];
  const failures: string[] = [];
  const truncated: Array<[string, number]> = [];
  const sync = new CmiSync(adapter as unknown as ScormAdapter, {
    state: () => {},
    failed: () => failures.push('failed'),
    recovered: () => {},
    refused: (element) => refused.push(element),
    truncated: (element, kept) => truncated.push([element, kept]),
  }, { optional: SCORM12_CMI.optional });
  return { calls, sync, refused, failures, truncated, reads };
}

function queueSubmission(sync: CmiSync): void {
  for (const n of [0, 1]) {
    sync.set(`cmi.interactions.${n}.id`, `q${n}`);
    sync.set(`cmi.interactions.${n}.type`, 'choice');
    sync.set(`cmi.interactions.${n}.result`, 'correct');
  }
  sync.set('cmi.suspend_data', 'state');
  sync.set('cmi.core.score.raw', '100');
  sync.set('cmi.core.lesson_status', 'passed');
}

describe('CmiSync', () => {
  it('sends status, score and state before interaction fields, then commits once', () => {
    const { calls, sync } = scriptedLms();
    queueSubmission(sync);
    sync.flushNow(true);
    expect(calls.slice(0, 3)).toEqual(['set cmi.suspend_data=state', 'set cmi.core.score.raw=100', 'set cmi.core.lesson_status=passed']);
    expect(calls.slice(3, 9)).toEqual([
      'set cmi.interactions.0.id=q0', 'set cmi.interactions.0.type=choice', 'set cmi.interactions.0.result=correct',
      'set cmi.interactions.1.id=q1', 'set cmi.interactions.1.type=choice', 'set cmi.interactions.1.result=correct',
    ]);
    expect(calls.filter((call) => call === 'commit')).toHaveLength(1);
    expect(calls.at(-1)).toBe('commit');
  });

  it('holds back the other fields of an interaction whose id the LMS refused', () => {
    const { calls, sync } = scriptedLms((element) => (element === 'cmi.interactions.1.id' ? 101 : undefined));
    queueSubmission(sync);
    sync.flushNow(true);
    expect(calls).toContain('set cmi.interactions.1.id=q1');
    expect(calls.some((call) => call.startsWith('set cmi.interactions.1.type'))).toBe(false);
    expect(calls).toContain('set cmi.interactions.0.result=correct');
  });

  it.each([201, 402, 403, 404, 405])('gives up an element refused with %i: told once, never sent again', (code) => {
    const { calls, sync, refused } = scriptedLms((element) => (element === 'cmi.suspend_data' ? code : undefined));
    sync.set('cmi.suspend_data', 'one');
    sync.set('cmi.core.lesson_location', 'a');
    sync.flushNow(true);
    sync.set('cmi.suspend_data', 'two');
    sync.set('cmi.core.lesson_location', 'b');
    sync.flushNow(true);
    expect(calls.filter((call) => call.startsWith('set cmi.suspend_data'))).toEqual(['set cmi.suspend_data=one']);
    expect(calls).toContain('set cmi.core.lesson_location=b');
    expect(refused).toEqual(['cmi.suspend_data']);
    expect(sync.allSaved).toBe(false);
  });

  it('gives up a refused session_time without alarming the learner', () => {
    const { calls, sync, refused, failures } = scriptedLms((element) => (element === 'cmi.core.session_time' ? 405 : undefined));
    sync.set('cmi.core.session_time', '00:00:01.00');
    sync.flushNow(true);
    sync.set('cmi.core.session_time', '00:00:02.00');
    sync.flushNow(true);
    expect(calls.filter((call) => call.includes('session_time'))).toHaveLength(1);
    expect(refused).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('reads suspend_data back as it grows past each power of two, and says when the LMS kept less', () => {
    const { sync, reads, truncated } = scriptedLms(undefined, (element, value) => (element === 'cmi.suspend_data' ? value.slice(0, 100) : value));
    for (const length of [10, 12, 40, 90, 150, 160]) {
      sync.set('cmi.suspend_data', 'x'.repeat(length));
      sync.flushNow(true);
    }
    // 10 (class 5), 40 (7), 90 (8), 150 (9): 12 and 160 fall in classes already read back.
    expect(reads).toEqual(['cmi.suspend_data', 'cmi.suspend_data', 'cmi.suspend_data', 'cmi.suspend_data']);
    expect(truncated).toEqual([['cmi.suspend_data', 100]]);
  });
});
