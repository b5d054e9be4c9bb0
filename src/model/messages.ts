// Content problems are vfile messages with a place and a rule id (remark-lint style). The rule id
// decides the severity: both come from the rule table in rules.ts.
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';
import { RULES, type RuleId } from './rules.js';

export type { RuleId, Severity } from './rules.js';

export type Place = Point | Position | undefined;

/** The place of a message about a whole file (vfile-reporter and editors need a line and column). */
export const START_OF_FILE: Point = { line: 1, column: 1 };

/** Rule ids reported under this source name (`scormdown:rule-id`). */
export const MESSAGE_SOURCE = 'scormdown';

/**
 * How a message names another place, printed before it (`first at course/en/02-x.md:3:1`):
 * `first` the first occurrence of a duplicate, `written` where an answer is given away.
 */
export type RelatedLabel = 'first' | 'written';

/**
 * Another place a message refers to. It is the message's `cause`: a VFileMessage whose reason is
 * the label, whose `file` is the other file's path and whose place is the other place, so editors
 * and reporters that show a cause as related information point at it.
 */
export interface Related {
  label: RelatedLabel;
  /** The other file, or its path. */
  file: VFile | string;
  place: Place;
}

/** The first occurrence of what a duplicate repeats. */
export function firstAt(file: VFile | string, place: Place): Related {
  return { label: 'first', file, place };
}

/**
 * Record a problem on `file` under `ruleId`; its severity is the rule's (errors fail the build,
 * warnings do not). `reason` follows the "Unexpected X, expected Y" wording; `related` is another
 * place the message is about (the first of a duplicate).
 */
export function report(file: VFile, reason: string, place: Place, ruleId: RuleId, related?: Related): void {
  const cause = related === undefined ? undefined : relatedMessage(related, ruleId);
  const message = file.message(reason, { place, ruleId, source: MESSAGE_SOURCE, cause });
  message.fatal = RULES[ruleId].severity === 'error';
}

/** The cause that carries a related place. */
export function relatedMessage(related: Related | RelatedPlace, ruleId?: string): VFileMessage {
  const cause = new VFileMessage(related.label, { place: related.place, ruleId, source: MESSAGE_SOURCE });
  cause.file = typeof related.file === 'string' ? related.file : related.file.path;
  return cause;
}

/** A related place as read back from a message: the label, the other file's path, the place in it. */
export interface RelatedPlace {
  label: string;
  file: string;
  place: Point | Position;
}

/** The other place a message names (its cause, when that has a file and a place). */
export function relatedOf(message: VFileMessage): RelatedPlace | undefined {
  const cause = message.cause;
  if (!(cause instanceof VFileMessage) || cause.file === undefined || cause.file === '' || cause.place === undefined || cause.place === null) return undefined;
  return { label: cause.reason, file: cause.file, place: cause.place };
}

/** True when any file carries an error (not just warnings). */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/** Count errors and warnings across files. */
export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** Quote a value for a message: `value`. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text !== undefined && text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `\`${short}\``;
}
