// CMITimespan and CMITime values: reading a timespan, writing one from milliseconds, adding two
// (as an LMS folds a session's cmi.core.session_time into cmi.core.total_time at LMSFinish), and
// a time of day.

/** 9999:59:59.99, the longest CMITimespan. */
const LONGEST_HUNDREDTHS = ((9999 * 60 + 59) * 60 + 59) * 100 + 99;

/** `H[HHH]:MM:SS[.S[S]]`, read leniently (one hour digit, spaces around). */
const TIMESPAN_PARTS = /^(\d{1,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/;

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Hundredths of a second in a CMITimespan, or null when the text is not one. */
function hundredthsOf(text: string): number | null {
  const match = TIMESPAN_PARTS.exec(text.trim());
  if (match === null) return null;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 100 + Number(fraction.padEnd(2, '0'));
}

/** `HH:MM:SS` of a number of hundredths, capped at 9999 hours, with the hundredths apart. */
function clockOf(hundredths: number): { clock: string; hundredths: number } {
  const capped = Math.min(LONGEST_HUNDREDTHS, Math.max(0, hundredths));
  const seconds = Math.floor(capped / 100);
  return { clock: `${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`, hundredths: capped % 100 };
}

/** CMITimespan `HH[HH]:MM:SS.SS` (2–4 hour digits; Moodle rejects one digit), capped at 9999 hours. */
export function formatTimespan(milliseconds: number): string {
  const { clock, hundredths } = clockOf(Math.round(milliseconds / 10));
  return `${clock}.${twoDigits(hundredths)}`;
}

/** Milliseconds of a CMITimespan `HHHH:MM:SS[.SS]`, or null when the text is not one. */
export function parseTimespan(text: string): number | null {
  const hundredths = hundredthsOf(text);
  return hundredths === null ? null : hundredths * 10;
}

/** The sum of two CMITimespans (an empty one counts as zero): `HH:MM:SS`, with `.SS` when there are hundredths; capped at 9999 hours. */
export function addTimespans(first: string, second: string): string {
  const hundredths = (part: string): number => {
    if (part === '') return 0;
    const value = hundredthsOf(part);
    if (value === null) throw new Error(`Not a CMITimespan: ${JSON.stringify(part)}`);
    return value;
  };
  const sum = clockOf(hundredths(first) + hundredths(second));
  return sum.hundredths === 0 ? sum.clock : `${sum.clock}.${twoDigits(sum.hundredths)}`;
}

/** CMITime `HH:MM:SS`: the learner's local time of day. */
export function formatTimeOfDay(date: Date): string {
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
}
