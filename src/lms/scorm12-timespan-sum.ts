// Adding CMITimespans, as an LMS folds a session's cmi.core.session_time into
// cmi.core.total_time at LMSFinish. DOM-free.

const TIMESPAN_PARTS = /^(\d{1,4}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?$/;
/** 9999:59:59.99, the longest CMITimespan. */
const LONGEST_HUNDREDTHS = ((9999 * 60 + 59) * 60 + 59) * 100 + 99;

function hundredthsOf(timespan: string): number {
  const match = TIMESPAN_PARTS.exec(timespan);
  if (match === null) throw new Error(`Not a CMITimespan: ${JSON.stringify(timespan)}`);
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 100 + Number(fraction.padEnd(2, '0'));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** `HH:MM:SS`, with `.SS` when there are hundredths; capped at 9999 hours. */
function formatHundredths(total: number): string {
  const capped = Math.min(total, LONGEST_HUNDREDTHS);
  const seconds = Math.floor(capped / 100);
  const clock = `${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
  return capped % 100 === 0 ? clock : `${clock}.${twoDigits(capped % 100)}`;
}

/** The sum of two CMITimespans (an empty one counts as zero). */
export function addTimespans(first: string, second: string): string {
  return formatHundredths((first === '' ? 0 : hundredthsOf(first)) + (second === '' ? 0 : hundredthsOf(second)));
}
