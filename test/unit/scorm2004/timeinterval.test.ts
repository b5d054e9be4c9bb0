// SCORM 2004 time values: timeinterval (second,10,2) durations read, written and added as an LMS
// adds session_time to total_time; time (second,10,0) timestamps as the book and ADL's sample RTE
// define them.
import { describe, expect, it } from 'vitest';
import { addDurations, formatDuration, formatTimestamp, isDuration, isTimestamp, parseDuration } from '../../../src/scorm2004/timeinterval.js';

describe('timeinterval (second,10,2)', () => {
  it.each(['PT0S', 'PT1H2M3.45S', 'P1Y2M3DT4H5M6S', 'P3D', 'PT10S', 'PT0.5S', 'P1M', 'PT12H', 'PT1M'])('accepts %s', (value) => {
    expect(isDuration(value)).toBe(true);
  });

  it.each(['', 'P', 'PT', 'P1DT', '00:00:10', 'PT1.234S', 'PT-1S', 'pt1s', 'PT1.5M', 'P1W', 'PT1S ', 'T1S', 'P1H'])('refuses %j', (value) => {
    expect(isDuration(value)).toBe(false);
  });

  it('writes milliseconds as PT#H#M#S with only the parts that are not zero, to the hundredth', () => {
    expect(formatDuration(0)).toBe('PT0S');
    expect(formatDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(formatDuration(60_000)).toBe('PT1M');
    expect(formatDuration(12_505)).toBe('PT12.51S');
    expect(formatDuration(36_000_000_000)).toBe('PT10000H');
    expect(formatDuration(-5)).toBe('PT0S');
    for (const ms of [0, 1, 999, 59_999, 3_599_999, 86_400_000]) expect(isDuration(formatDuration(ms)), String(ms)).toBe(true);
  });

  it('reads durations back, years and months as ADL counts them', () => {
    expect(parseDuration('PT1H2M3.45S')).toBe(3_723_450);
    expect(parseDuration(' PT10S ')).toBe(10_000);
    expect(parseDuration('P1D')).toBe(86_400_000);
    expect(parseDuration('P1Y')).toBe(31_536_000_000);
    expect(parseDuration('P1M')).toBe(2_628_029_000);
    expect(parseDuration('00:00:10')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  it('adds two durations (an empty one is zero), carrying seconds into minutes and hours', () => {
    expect(addDurations('PT0H0M0S', 'PT1M5.5S')).toBe('PT1M5.5S');
    expect(addDurations('PT59M59.99S', 'PT0.01S')).toBe('PT1H');
    expect(addDurations('', 'PT10S')).toBe('PT10S');
    expect(addDurations('P1D', 'PT1H')).toBe('PT25H');
    expect(() => addDurations('00:00:10', 'PT1S')).toThrow(/timeinterval/);
  });
});

describe('time (second,10,0)', () => {
  it.each(['2024', '2024-06', '2024-06-11', '2024-06-11T08', '2024-06-11T08:03', '2024-06-11T08:03:59', '2024-06-11T08:03:59.1', '2024-06-11T08:03:59.12Z', '2024-06-11T08:03:59.12+02:00', '2024-06-11T08:03:59.1-05', '2024-02-29T00:00:00'])('accepts %s', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });

  it.each(['', '1969-12-31', '2039-01-01', '2024-13-01', '2024-02-30', '2023-02-29', '2024-06-11T24:00', '2024-06-11T08:60', '2024-06-11T08:03:59Z', '2024-06-11T08:03:59.123', '2024-06-11 08:03:59', '2024-6-11', '2024-06-11T08:03:59.12+24:00'])('refuses %j', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });

  it('writes a timestamp in UTC to the hundredth, with the zone after the fraction', () => {
    const text = formatTimestamp(new Date(Date.UTC(2024, 5, 11, 8, 3, 59, 127)));
    expect(text).toBe('2024-06-11T08:03:59.12Z');
    expect(isTimestamp(text)).toBe(true);
    expect(formatTimestamp(new Date(Date.UTC(2030, 0, 1, 0, 0, 0, 5)))).toBe('2030-01-01T00:00:00.00Z');
  });
});
