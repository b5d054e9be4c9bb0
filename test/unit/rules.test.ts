// The rule table (src/model/rules.ts) and the messages made from it: a message's severity is its
// rule's, and a related place (the first of a duplicate) travels as the message's cause.
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { firstAt, relatedOf, report } from '../../src/model/messages.js';
import { RULE_IDS, RULES } from '../../src/model/rules.js';
import { fromTransfer, toTransfer } from '../../src/load/vfile-transfer.js';

describe('the rule table', () => {
  it('has kebab-case ids', () => {
    expect(RULE_IDS.filter((id) => !/^[a-z]+(-[a-z0-9]+)+$/.test(id))).toEqual([]);
  });

  it('gives each message the severity of its rule', () => {
    const file = new VFile({ path: '/course/en/01-a.md' });
    report(file, 'Unexpected a, expected b', { line: 1, column: 1 }, 'link-to-lesson');
    report(file, 'Unexpected c, expected d', { line: 2, column: 1 }, 'link-missing');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.source])).toEqual([
      ['link-to-lesson', false, 'scormdown'],
      ['link-missing', true, 'scormdown'],
    ]);
    expect(RULES['link-to-lesson'].severity).toBe('warning');
  });

  it('carries the first place of a duplicate as the message cause, also across a worker', () => {
    const first = new VFile({ path: '/course/en/01-a.md' });
    const second = new VFile({ path: '/course/en/02-b.md' });
    const place = { start: { line: 2, column: 5 }, end: { line: 2, column: 9 } };
    report(second, 'Unexpected duplicate lesson id `a`, expected ids unique in the edition', { line: 2, column: 5 }, 'duplicate-id', firstAt(first, place));
    const expected = { label: 'first', file: '/course/en/01-a.md', place };
    expect(relatedOf(second.messages[0]!)).toEqual(expected);
    const rebuilt = fromTransfer(structuredClone(toTransfer(second)));
    expect(relatedOf(rebuilt.messages[0]!)).toEqual(expected);
    expect(rebuilt.messages[0]!.fatal).toBe(true);
  });
});
