// Formats (and prints) messages for the terminal, one line each, the way editors and CI logs link them:
// `course/de/02-x.md:14:3-14:20: error Unexpected …, expected …  rule-id`, and a second line for the
// other place a message names (`  first at course/de/01-y.md:3:1` for a duplicate).
import path from 'node:path';
import type { VFile } from 'vfile';
import { countMessages, relatedOf } from '../model/messages.js';
import type { Io } from './io.js';

type Message = VFile['messages'][number];

/** ANSI open and close codes. */
const STYLES = { red: [31, 39], yellow: [33, 39], dim: [2, 22] } as const;

function paint(text: string, style: keyof typeof STYLES, enabled: boolean): string {
  const [open, close] = STYLES[style];
  return enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
}

/** The file as the author finds it: relative to the working folder when it is inside it. */
function displayPath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative;
  return shown.split(path.sep).join('/');
}

function placeOf(message: Message): string {
  if (message.line === undefined) return '';
  const start = `${message.line}:${message.column ?? 1}`;
  const end = message.place !== undefined && 'start' in message.place ? message.place.end : undefined;
  return end === undefined || end.line === undefined ? `:${start}` : `:${start}-${end.line}:${end.column}`;
}

/** The other place a message names (its cause), as `first at course/de/01-y.md:3:1`. */
function relatedText(file: VFile, message: Message): string | undefined {
  const related = relatedOf(message);
  if (related === undefined) return undefined;
  const point = 'start' in related.place ? related.place.start : related.place;
  return `${related.label} at ${displayPath(file.cwd, related.file)}:${point.line}:${point.column}`;
}

function byPosition(a: Message, b: Message): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** All messages of all files, errors and warnings, then a count; '' when there are none. */
export function formatMessages(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const color = options.color ?? false;
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of [...file.messages].sort(byPosition)) {
      const fatal = message.fatal === true;
      if (fatal) errors++;
      else warnings++;
      const severity = fatal ? paint('error', 'red', color) : paint('warning', 'yellow', color);
      const rule = message.ruleId === undefined ? '' : `  ${paint(message.ruleId, 'dim', color)}`;
      lines.push(`${displayPath(file.cwd, file.path)}${placeOf(message)}: ${severity} ${message.reason}${rule}`);
      const related = relatedText(file, message);
      if (related !== undefined) lines.push(`  ${related}`);
    }
  }
  if (lines.length === 0) return '';
  const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  lines.push('', `${errors > 0 ? paint('✖', 'red', color) : paint('⚠', 'yellow', color)} ${counts}`);
  return lines.join('\n');
}

/** Print the messages of `files` on standard error (nothing when there are none); their counts. */
export function printMessages(files: readonly VFile[], color: boolean, io: Io): { errors: number; warnings: number } {
  const text = formatMessages(files, { color });
  if (text !== '') io.err(text);
  return countMessages(files);
}
