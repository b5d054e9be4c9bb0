// Problems of an XLIFF file being imported: positioned messages on the file, "Unexpected X,
// expected Y", under the `xliff-*` rules of the rule table (src/model/rules.ts).
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { report, type Related, type RuleId } from '../model/messages.js';

export type XliffRule = Extract<RuleId, `xliff-${string}`>;

/** Report a problem of the XLIFF file; `related` names another place (the first of a repeat). */
export function xliffProblem(file: VFile, reason: string, place: Point | undefined, ruleId: XliffRule, related?: Related): void {
  report(file, reason, place, ruleId, related);
}
