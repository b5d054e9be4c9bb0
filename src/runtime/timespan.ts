// SCORM 1.2 time formats. DOM-free.

const MAX_HUNDREDTHS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** CMITimespan `HH[HH]:MM:SS.SS` (2–4 hour digits; Moodle rejects one digit), capped at 9999 hours. */
export function formatTimespan(milliseconds: number): string {
  const hundredths = Math.min(MAX_HUNDREDTHS, Math.max(0, Math.round(milliseconds / 10)));
  const totalSeconds = Math.floor(hundredths / 100);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(hundredths % 100)}`;
}

/** CMITime `HH:MM:SS`: the learner's local time of day. */
export function formatTimeOfDay(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Milliseconds of a CMITimespan `HHHH:MM:SS[.SS]`, or null when the text is not one. */
export function parseTimespan(text: string): number | null {
  const match = /^(\d{1,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/.exec(text.trim());
  if (match === null) return null;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Math.round(Number(`0${fraction || '.0'}`) * 1000);
}
