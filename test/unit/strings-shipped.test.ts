// The UI strings that ship with scormdown pass the same checks as a course's own strings file
// (JSON, keys of the English set, text values, the English placeholders), and every shipped
// language has every key, so none of them shows English text with a strings-missing warning.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR, STRINGS_DIR } from '../../src/tool/install-paths.js';
import { readCourseStringsFile } from '../../src/load/course-strings-file.js';
import { resolveEditionStrings } from '../../src/load/edition-strings.js';
import { englishStrings } from '../../src/load/shipped-strings.js';

const languages = (await fs.readdir(STRINGS_DIR)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort();

describe('shipped UI strings', () => {
  it('include English and at least the five languages of the shipped course', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'de', 'el', 'ms', 'ro', 'sl']));
  });

  it.each(languages)('%s.json is valid, with the English keys and placeholders', async (lang) => {
    // templates/ is laid out like a course folder's strings/: the course reader checks it as is.
    const checked = await readCourseStringsFile(TEMPLATES_DIR, lang, await englishStrings());
    expect(checked?.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).toEqual([]);
    // An edition of the language in a course without strings files: every key from the language's own file.
    const resolved = (await resolveEditionStrings(path.join(TEMPLATES_DIR, 'no-course-here'), [lang])).get(lang)!;
    const elsewhere = Object.entries(resolved.stringSources).filter(([, source]) => source.kind !== 'shipped' || source.lang !== lang);
    expect(elsewhere.map(([key]) => key)).toEqual([]);
    expect(resolved.stringsFiles).toEqual([]);
  });
});
