// cmi.interactions values in SCORM 1.2 formats, and the time formats.
import { describe, expect, it } from 'vitest';
import { interactionElements, interactionFor } from '../../../src/runtime/logic/interactions.js';
import { formatTimeOfDay, formatTimespan } from '../../../src/scorm12/timespan.js';
import type { RuntimeQuestion } from '../../../src/contract/course-data.js';

const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const at = new Date(2024, 0, 2, 9, 5, 7);

describe('interactions', () => {
  it('writes choices as base-36 characters, comma-separated, in index order', () => {
    const question: RuntimeQuestion = { type: 'multiple', lesson: 'l', options: 12, correct: [0, 11] };
    expect(interactionFor('q-1', question, { kind: 'choice', selected: [11, 3] }, 4200, at)).toEqual({
      id: 'q-1', type: 'choice', studentResponse: '3,b', correctPatterns: ['0,b'], result: 'wrong', latency: '00:00:04.20', time: '09:05:07',
    });
  });

  it('writes true/false as t or f and fill-in text up to 255 characters', () => {
    const truefalse: RuntimeQuestion = { type: 'truefalse', lesson: 'l', answer: true };
    expect(interactionFor('q.2', truefalse, { kind: 'truefalse', value: true }, 0, at)).toMatchObject({ type: 'true-false', studentResponse: 't', correctPatterns: ['t'], result: 'correct' });
    const fillin: RuntimeQuestion = { type: 'fillin', lesson: 'l', accepted: ['ογδόντα', '80'], ignoreAccents: true };
    const long = interactionFor('q_3', fillin, { kind: 'fillin', text: ` ${'😀'.repeat(200)} ` }, 0, at);
    expect(long.type).toBe('fill-in');
    expect(long.studentResponse.length).toBeLessThanOrEqual(255);
    expect(long.studentResponse).toBe('😀'.repeat(127));
    expect(interactionFor('q_3', fillin, { kind: 'fillin', text: 'Ογδοντα' }, 0, at)).toMatchObject({ studentResponse: 'Ογδοντα', correctPatterns: ['ογδόντα', '80'], result: 'correct' });
  });

  it('writes every accepted fill-in answer as a correct response pattern', () => {
    const fillin: RuntimeQuestion = { type: 'fillin', lesson: 'l', accepted: ['achtzig', '80', 'rund 80'] };
    const elements = interactionElements(2, interactionFor('q', fillin, { kind: 'fillin', text: '80' }, 0, at));
    expect(elements.filter(([element]) => element.includes('correct_responses'))).toEqual([
      ['cmi.interactions.2.correct_responses.0.pattern', 'achtzig'],
      ['cmi.interactions.2.correct_responses.1.pattern', '80'],
      ['cmi.interactions.2.correct_responses.2.pattern', 'rund 80'],
    ]);
  });

  it('sets the id first, then the other fields, at index n', () => {
    const question: RuntimeQuestion = { type: 'single', lesson: 'l', options: 3, correct: [1] };
    const elements = interactionElements(4, interactionFor('q', question, { kind: 'choice', selected: [1] }, 1000, at));
    expect(elements.map(([element]) => element)).toEqual([
      'cmi.interactions.4.id', 'cmi.interactions.4.type', 'cmi.interactions.4.time', 'cmi.interactions.4.correct_responses.0.pattern',
      'cmi.interactions.4.student_response', 'cmi.interactions.4.result', 'cmi.interactions.4.latency',
    ]);
  });
});

describe('time formats', () => {
  it('writes timespans with 2–4 hour digits and hundredths', () => {
    expect(formatTimespan(0)).toBe('00:00:00.00');
    expect(formatTimespan(3_723_456)).toBe('01:02:03.46');
    expect(formatTimespan(59_999)).toBe('00:01:00.00');
    expect(formatTimespan(123 * 3_600_000)).toBe('123:00:00.00');
    expect(formatTimespan(1e12)).toBe('9999:59:59.99');
    for (const ms of [0, 999, 59_995, 3_599_999, 36_000_000, 1e11]) expect(formatTimespan(ms)).toMatch(TIMESPAN);
  });

  it('writes the time of day as HH:MM:SS', () => {
    expect(formatTimeOfDay(at)).toBe('09:05:07');
  });
});
