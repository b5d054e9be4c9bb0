// The rule table (src/model/rules.ts) and the messages made from it: a message's severity is its
// rule's.
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { report } from '../src/model/messages.js';
import { RULE_IDS, RULES } from '../src/model/rules.js';

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
});
