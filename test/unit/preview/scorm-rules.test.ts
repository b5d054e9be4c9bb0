// The SCORM 1.2 rules the emulator's call log flags: value rules on LMSSetValue and the session
// rules across calls (one LMSInitialize, nothing after LMSFinish, no commit inside a SetValue batch).
import { describe, expect, it } from 'vitest';
import { checkSetValue, isTime, isTimespan } from '../../../src/scorm12/value-rules.js';
import { SessionRules } from '../../../src/scorm12/session-rules.js';
import type { ApiMethod } from '../../../src/scorm12/api.js';

const rules = (element: string, value: string, interactionCount = 0) => checkSetValue(element, value, { interactionCount }).map((violation) => violation.rule);

describe('value rules', () => {
  it('accepts what a conforming runtime writes', () => {
    const good: [string, string][] = [
      ['cmi.core.lesson_status', 'incomplete'],
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.session_time', '00:12:05'],
      ['cmi.core.session_time', '0001:02:03.4'],
      ['cmi.core.score.raw', '87.5'],
      ['cmi.core.score.raw', '0'],
      ['cmi.core.score.raw', ''],
      ['cmi.core.score.max', '100'],
      ['cmi.core.exit', 'suspend'],
      ['cmi.core.exit', ''],
      ['cmi.core.lesson_location', 'reliability'],
      ['cmi.suspend_data', 'x'.repeat(4096)],
      ['cmi.interactions.0.id', 'final-source'],
      ['cmi.interactions.0.result', 'wrong'],
      ['cmi.interactions.0.result', '0.5'],
      ['cmi.interactions.0.time', '14:03:59'],
      ['cmi.interactions.0.latency', '00:00:12.5'],
      ['cmi.interactions.0.student_response', 'a,c'],
    ];
    for (const [element, value] of good) expect(rules(element, value), `${element}=${value}`).toEqual([]);
  });

  it('flags suspend_data above 4096 characters or with characters outside printable ASCII', () => {
    expect(rules('cmi.suspend_data', 'x'.repeat(4097))).toEqual(['suspend-data-too-long']);
    expect(checkSetValue('cmi.suspend_data', 'ab\u00e9', { interactionCount: 0 })).toEqual([{ rule: 'suspend-data-not-ascii', values: { code: 0xe9, index: 2 } }]);
    expect(rules('cmi.suspend_data', 'a\nb')).toEqual(['suspend-data-not-ascii']);
  });

  it('flags timespans outside HH[HH]:MM:SS[.SS] that scorm-again accepts', () => {
    for (const value of ['0:00:01', '00:60:00', '00:00:60', '00000:00:01', '00:00:01.123', 'PT1S']) {
      expect(rules('cmi.core.session_time', value), value).toEqual(['timespan-invalid']);
    }
    expect(isTimespan('9999:59:59.99')).toBe(true);
    expect(isTime('23:59:59')).toBe(true);
    expect(isTime('24:00:00')).toBe(false);
    expect(rules('cmi.interactions.0.time', '1:02:03')).toEqual(['time-invalid']);
  });

  it('flags statuses, scores, exits and locations SCORM 1.2 does not allow', () => {
    expect(rules('cmi.core.lesson_status', 'Passed')).toEqual(['status-invalid']);
    expect(rules('cmi.core.lesson_status', 'not attempted')).toEqual(['status-invalid']);
    expect(rules('cmi.core.score.raw', '100.5')).toEqual(['score-out-of-range']);
    expect(rules('cmi.core.score.min', '-1')).toEqual(['score-out-of-range']);
    expect(rules('cmi.core.score.raw', '66.667')).toEqual(['score-too-precise']);
    expect(rules('cmi.core.score.raw', '80%')).toEqual(['score-not-number']);
    expect(rules('cmi.core.exit', 'normal')).toEqual(['exit-invalid']);
    expect(rules('cmi.core.lesson_location', 'l'.repeat(256))).toEqual(['location-invalid']);
    expect(rules('cmi.core.lesson_location', 'λ')).toEqual(['location-invalid']);
  });

  it('flags interaction ids, indices, results and responses', () => {
    expect(rules('cmi.interactions.0.id', 'frage 1')).toEqual(['interaction-id-invalid']);
    expect(rules('cmi.interactions.0.id', 'q'.repeat(256))).toEqual(['interaction-id-invalid']);
    expect(rules('cmi.interactions.2.id', 'q3', 3)).toEqual(['interaction-index']);
    expect(rules('cmi.interactions.3.id', 'q3', 3)).toEqual([]);
    expect(rules('cmi.interactions.0.result', 'incorrect')).toEqual(['interaction-result-incorrect']);
    expect(rules('cmi.interactions.0.result', 'right')).toEqual(['interaction-result-invalid']);
    expect(rules('cmi.interactions.0.student_response', 'r'.repeat(256))).toEqual(['response-too-long']);
  });
});

describe('session rules', () => {
  /** Run calls through SessionRules; each call is [method, args, task]; returns rule ids per call and the earlier flags. */
  function run(calls: [ApiMethod, string[], number?][], results: Partial<Record<ApiMethod, string>> = {}) {
    const session = new SessionRules();
    const flagged: string[][] = [];
    const earlier: { index: number; rule: string }[] = [];
    calls.forEach(([method, args, task = 1], index) => {
      const verdict = session.check({ method, args, index, task, interactionCount: 0 });
      flagged.push(verdict.violations.map((violation) => violation.rule));
      earlier.push(...verdict.earlier.map((item) => ({ index: item.index, rule: item.violation.rule })));
      session.record(method, results[method] ?? 'true');
    });
    return { flagged, earlier };
  }

  it('accepts a well-behaved session', () => {
    const { flagged, earlier } = run([
      ['LMSInitialize', ['']],
      ['LMSGetValue', ['cmi.core.entry']],
      ['LMSSetValue', ['cmi.core.lesson_location', 'intro'], 2],
      ['LMSSetValue', ['cmi.suspend_data', 'abc'], 2],
      ['LMSCommit', [''], 2],
      ['LMSSetValue', ['cmi.core.session_time', '00:01:00'], 3],
      ['LMSFinish', [''], 3],
    ]);
    expect(flagged.flat()).toEqual([]);
    expect(earlier).toEqual([]);
  });

  it('flags a second LMSInitialize, calls before LMSInitialize and after LMSFinish, and non-empty arguments', () => {
    const { flagged } = run([
      ['LMSGetValue', ['cmi.core.entry']],
      ['LMSInitialize', ['']],
      ['LMSInitialize', ['']],
      ['LMSCommit', ['now']],
      ['LMSFinish', ['']],
      ['LMSGetValue', ['cmi.core.lesson_status']],
      ['LMSGetLastError', []],
    ], { LMSInitialize: 'true' });
    expect(flagged).toEqual([['call-before-initialize'], [], ['initialize-twice'], ['argument-not-empty'], [], ['call-after-finish'], ['call-after-finish']]);
  });

  it('flags a commit between consecutive SetValue calls of one batch, not a commit between batches', () => {
    const inOneTask = run([
      ['LMSInitialize', [''], 1],
      ['LMSSetValue', ['cmi.core.lesson_location', 'a'], 2],
      ['LMSCommit', [''], 2],
      ['LMSSetValue', ['cmi.suspend_data', 'b'], 2],
    ]);
    expect(inOneTask.earlier).toEqual([{ index: 2, rule: 'commit-between-setvalues' }]);
    const acrossTasks = run([
      ['LMSInitialize', [''], 1],
      ['LMSSetValue', ['cmi.core.lesson_location', 'a'], 2],
      ['LMSCommit', [''], 2],
      ['LMSSetValue', ['cmi.suspend_data', 'b'], 3],
    ]);
    expect(acrossTasks.earlier).toEqual([]);
  });
});
