// Problems of an XLIFF file being imported: positioned messages on the file, "Unexpected X,
// expected Y", with a rule id of their own.
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { MESSAGE_SOURCE } from '../model/messages.js';

/** Every rule of an XLIFF import, with its severity (docs/authoring.md, "XLIFF import"). */
export const XLIFF_RULES = {
  'xliff-invalid': 'error',
  'xliff-language': 'error',
  'xliff-unit-unknown': 'error',
  'xliff-unit-duplicate': 'error',
  'xliff-source-changed': 'error',
  'xliff-target-missing': 'error',
  'xliff-target-kept-source': 'warning',
  'xliff-inline-code': 'error',
} as const;

export type XliffRule = keyof typeof XLIFF_RULES;

export function xliffProblem(file: VFile, reason: string, place: Point | undefined, ruleId: XliffRule): void {
  const message = file.message(reason, { place, ruleId, source: MESSAGE_SOURCE });
  message.fatal = XLIFF_RULES[ruleId] === 'error';
}
