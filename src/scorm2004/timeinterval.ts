// SCORM 2004 time values: timeinterval (second,10,2), an ISO 8601 duration
// `P[yY][mM][dD][T[hH][nM][s[.s]S]]` (cmi.session_time, total_time, max_time_allowed, interaction
// latency), and time (second,10,0), a point in time `YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]`
// (interaction timestamps). Reading, writing, and adding two durations as an LMS folds a session's
// cmi.session_time into cmi.total_time at Terminate.

/**
 * A duration as the book defines it: whole years, months, days, hours and minutes, seconds with
 * at most two decimals; at least one part, and no "T" without a time part after it.
 */
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;

/** Seconds in a year and a month, as the ADL reference implementation counts them. */
const YEAR_SECONDS = 31536000;
const MONTH_SECONDS = 2628029;
const DAY_SECONDS = 86400;

/** Whether `value` is a timeinterval (second,10,2). */
export function isDuration(value: string): boolean {
  return DURATION.test(value) && value !== 'P' && !value.endsWith('T');
}

/** Hundredths of a second in a duration, or null when the text is not one. */
function hundredthsOf(text: string): number | null {
  if (!isDuration(text)) return null;
  const match = DURATION.exec(text)!;
  const part = (index: number): number => Number(match[index] ?? '0');
  const wholeSeconds = part(1) * YEAR_SECONDS + part(2) * MONTH_SECONDS + part(3) * DAY_SECONDS + part(4) * 3600 + part(5) * 60;
  return wholeSeconds * 100 + Math.round(Number(match[6] ?? '0') * 100);
}

/** `PT#H#M#S` of a number of hundredths: only the parts that are not zero, "PT0S" for none. */
function durationOf(hundredths: number): string {
  const total = Math.max(0, Math.round(hundredths));
  const hours = Math.floor(total / 360000);
  const minutes = Math.floor(total / 6000) % 60;
  const seconds = (total % 6000) / 100;
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (seconds > 0 || text === 'PT') text += `${Number(seconds.toFixed(2))}S`;
  return text;
}

/** A timeinterval of a number of milliseconds, e.g. 3723450 → "PT1H2M3.45S". */
export function formatDuration(milliseconds: number): string {
  return durationOf(milliseconds / 10);
}

/** Milliseconds of a timeinterval, or null when the text is not one. */
export function parseDuration(text: string): number | null {
  const hundredths = hundredthsOf(text.trim());
  return hundredths === null ? null : hundredths * 10;
}

/** The sum of two timeintervals (an empty one counts as zero), as `PT#H#M#S`. */
export function addDurations(first: string, second: string): string {
  const hundredths = (part: string): number => {
    if (part === '') return 0;
    const value = hundredthsOf(part);
    if (value === null) throw new Error(`Not a timeinterval: ${JSON.stringify(part)}`);
    return value;
  };
  return durationOf(hundredths(first) + hundredths(second));
}

/**
 * time (second,10,0): a year from 1970 to 2038, then optionally month, day, hour, minute, second,
 * one or two decimals of a second and, only after them, a time zone (Z or ±hh[:mm]). Each part
 * needs the one before it.
 */
const TIME = /^(19[7-9]\d|20[0-2]\d|203[0-8])(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3])(?::([0-5]\d)(?::([0-5]\d)(?:\.\d{1,2}(?:Z|[+-](?:[01]\d|2[0-3])(?::[0-5]\d)?)?)?)?)?)?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `value` is a time (second,10,0), with a day that exists in its month. */
export function isTimestamp(value: string): boolean {
  const match = TIME.exec(value);
  if (match === null) return false;
  const [, year, month, day] = match;
  return day === undefined || Number(day) <= daysInMonth(Number(year), Number(month));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** A time (second,10,0) in UTC to the hundredth of a second, e.g. "2024-06-11T08:03:59.12Z". */
export function formatTimestamp(date: Date): string {
  const day = `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
  const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;
  return `${day}T${time}.${twoDigits(Math.floor(date.getUTCMilliseconds() / 10))}Z`;
}
