// Content problems are vfile messages with a place and a rule id (remark-lint style). The rule id
// decides the severity: both come from the rule table in rules.ts.
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import { RULES, type RuleId, type Severity, type SeverityOf } from './rules.js';

export type { RuleId, Severity } from './rules.js';

export type Place = Point | Position | undefined;

/** The place of a message about a whole file (vfile-reporter and editors need a line and column). */
export const START_OF_FILE: Point = { line: 1, column: 1 };

/** Rule ids reported under this source name (`scormdown:rule-id`). */
export const MESSAGE_SOURCE = 'scormdown';

/**
 * Record a problem on `file` under `ruleId`; its severity is the rule's (errors fail the build,
 * warnings do not). `reason` follows the "Unexpected X, expected Y" wording.
 */
export function report(file: VFile, reason: string, place: Place, ruleId: RuleId): void;
/**
 * @deprecated The severity comes from the rule table: leave it out. (Written out, it has to be
 * the rule's own severity.)
 */
export function report<Id extends RuleId>(file: VFile, reason: string, place: Place, ruleId: Id, severity: SeverityOf<Id>): void;
export function report(file: VFile, reason: string, place: Place, ruleId: RuleId, _severity?: Severity): void {
  const message = file.message(reason, { place, ruleId, source: MESSAGE_SOURCE });
  message.fatal = RULES[ruleId].severity === 'error';
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
