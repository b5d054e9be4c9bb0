// Every check, one broken input per fixture folder: test/fixtures/checks/<case>/ holds `input.md`
// (one lesson, wrapped in a temporary course) or a whole `course/` (with `links.txt` and `outside/`
// when it needs symbolic links, made at run time), and `expected.txt` with the positioned messages
// `check` must report. UPDATE_FIXTURES=1 rewrites the expected files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/index.js';
import { caseDir, expectedText, formatFixtureMessages, listCases } from '../helpers/fixtures.js';
import { prepareCase } from '../helpers/linked-fixture.js';

const cases = listCases('checks');

describe('check fixtures', () => {
  it('has a broken-input case for every check (at least 45)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases)('%s', async (name) => {
    const dir = caseDir('checks', name);
    const { courseDir, anonymise, dispose } = await prepareCase(dir);
    try {
      const { files } = await checkCourse(courseDir);
      const actual = anonymise(formatFixtureMessages(files, courseDir));
      const expected = await expectedText(path.join(dir, 'expected.txt'), actual);
      expect(actual).toBe(expected);
      // A broken-input case is broken: it reports at least one message, each with a place (and
      // the other place it names, if any, on the line after it).
      expect(actual).not.toBe('');
      for (const line of actual.trimEnd().split('\n')) expect(line).toMatch(/^[^:\s]+:\d+:\d+(-\d+:\d+)? [a-z-]+ (error|warning) Unexpected .+, expected |^ {2}[a-z]+ at [^:\s]+:\d+:\d+$/);
    } finally {
      await dispose();
    }
  });
});
