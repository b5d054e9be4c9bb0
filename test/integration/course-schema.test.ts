// schema/course.schema.json is what `check` enforces on course.yaml (src/load/course-config.ts
// validates with it through ajv) and what editors validate with; schema/edition.schema.json the
// same for each edition.yaml (src/load/load-edition.ts), its `theme` course.yaml's by `$ref`. Here: the schema is a valid
// draft-07 schema whose annotations the message mapper understands; it agrees with the constants
// the rest of the code uses; ajv on the schema alone and the reader agree on sample course.yaml
// files and on every course.yaml of the check fixtures, apart from the few rules kept in code
// because a schema cannot hold them; and a few messages the fixtures do not show are placed and
// worded as the fixtures' are.
import fs from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readCourseConfig, REPORTING_MODES } from '../../src/load/course-config.js';
import { createAjv, noteRuleIds, YAML_CASES, type SchemaNode } from '../../src/load/schema-validation.js';
import { EDITION_FILE, loadEditionContent } from '../../src/load/load-edition.js';
import { englishStrings } from '../../src/load/shipped-strings.js';
import { MAX_ID_LENGTH, MAX_LANGUAGE_LENGTH } from '../../src/load/files/name-limits.js';
import { ID_PATTERN, LANG_PATTERN } from '../../src/model/ids.js';
import { TARGETS } from '../../src/model/course.js';
import { isRuleId } from '../../src/model/rules.js';
import { prepareCase } from '../helpers/linked-fixture.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHECK_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'checks');
const schema = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'schema', 'course.schema.json'), 'utf8')) as SchemaNode & Record<string, unknown>;
const properties = schema.properties ?? {};
/** The schema alone, as an editor's language server applies it (compiled against draft-07 and the note format). */
const validate = createAjv(true).compile(schema);
/** Edition folders the configuration may refer to (missing folders are a check the schema cannot make). */
const FOLDERS = ['de', 'el', 'en', 'ms', 'ro', 'sl'];

function configMessages(text: string, folders: readonly string[] = FOLDERS): string[] {
  const file = new VFile({ path: 'course.yaml', value: text });
  readCourseConfig(file, folders);
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
}

function configErrors(text: string, folders: readonly string[] = FOLDERS): string[] {
  const file = new VFile({ path: 'course.yaml', value: text });
  readCourseConfig(file, folders);
  return file.messages.filter((message) => message.fatal === true).map((message) => `${message.ruleId}: ${message.reason}`);
}

/** ajv's errors for the schema alone (YAML that does not parse is rejected as it is). */
function schemaErrors(text: string, against = validate): string[] {
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true }) as unknown;
  } catch (error) {
    return [String(error)];
  }
  return against(value) ? [] : (against.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? error.keyword}`);
}

const editionSchema = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'schema', 'edition.schema.json'), 'utf8')) as SchemaNode & Record<string, unknown>;
/** The edition schema alone, as an editor applies it: course.schema.json beside it for its `theme`. */
const validateEdition = createAjv(true).addSchema(schema).compile(editionSchema);

/** Every schema inside `node` (itself included), through the keywords that hold schemas. */
function subschemas(node: SchemaNode): SchemaNode[] {
  return [node, ...Object.values(node.properties ?? {}).flatMap(subschemas), ...(node.items === undefined ? [] : subschemas(node.items)), ...Object.values(node.$defs ?? {}).flatMap(subschemas)];
}

/** A key's schema, its `$ref` to an entry of this schema's `$defs` followed. */
function resolved(node: SchemaNode): SchemaNode {
  const name = /^#\/\$defs\/(\w+)$/.exec(node.$ref ?? '')?.[1];
  return name === undefined ? node : (schema.$defs?.[name] ?? node);
}

describe('course.yaml JSON Schema', () => {
  it('is referenced from the first line of course/course.yaml', async () => {
    const firstLine = (await fs.readFile(path.join(REPO_ROOT, 'course', 'course.yaml'), 'utf8')).split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/course.schema.json');
  });

  it('accepts the shipped course.yaml, as the configuration reader does', async () => {
    const text = await fs.readFile(path.join(REPO_ROOT, 'course', 'course.yaml'), 'utf8');
    expect(configErrors(text)).toEqual([]);
    expect(schemaErrors(text)).toEqual([]);
  });

  it('uses only the keywords the message mapper follows, and notes it can word', () => {
    const mapped = new Set(['type', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'items', 'minItems', 'uniqueItems', 'properties', 'additionalProperties', 'required', '$ref']);
    const annotations = new Set(['$schema', '$id', '$defs', 'title', 'description', 'default', 'x-expected', 'x-message']);
    for (const node of subschemas(schema)) {
      for (const keyword of Object.keys(node)) expect(mapped.has(keyword) || annotations.has(keyword), keyword).toBe(true);
      // A reference alone (draft-07 ignores what stands beside it), to an entry of `$defs`.
      if (node.$ref !== undefined) expect([Object.keys(node), resolved(node) !== node]).toEqual([['$ref'], true]);
      for (const [keyword, note] of Object.entries(node['x-message'] ?? {})) {
        expect(mapped.has(keyword) || (YAML_CASES as readonly string[]).includes(keyword), keyword).toBe(true);
        expect(keyword === 'additionalProperties' || keyword === 'required', `${keyword}: worded by the mapper`).toBe(false);
        for (const placeholder of (note.message ?? '').matchAll(/\{(\w+)\}/g)) expect(['key', 'what', 'value', 'item', 'length', 'limit']).toContain(placeholder[1]);
      }
    }
    expect(noteRuleIds(schema).filter((ruleId) => !isRuleId(ruleId))).toEqual([]);
  });

  it('declares the keys the reader reads, each with the text a message expects and, when optional, a default it accepts', () => {
    expect(Object.keys(properties)).toEqual(['id', 'version', 'passMark', 'reporting', 'attempts', 'shuffle', 'languages', 'translations', 'targets', 'theme']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['id']);
    const ajv = createAjv(true);
    for (const [key, property] of Object.entries(properties).map(([key, node]) => [key, resolved(node)] as const)) {
      expect(property['x-expected'] !== undefined || property.enum !== undefined, key).toBe(true);
      if (key === 'id' || key === 'languages') continue; // required; the folders
      expect(property.default, key).toBeDefined();
      expect(ajv.validate(property, property.default), key).toBe(true);
    }
  });

  it('holds the limits and patterns the rest of the code uses', () => {
    expect(properties.id).toMatchObject({ pattern: ID_PATTERN.source, maxLength: MAX_ID_LENGTH });
    expect(properties.version).toMatchObject({ pattern: ID_PATTERN.source });
    expect(properties.languages?.items).toMatchObject({ pattern: LANG_PATTERN.source, maxLength: MAX_LANGUAGE_LENGTH });
    expect(properties.translations?.items?.items).toMatchObject({ pattern: LANG_PATTERN.source, maxLength: MAX_LANGUAGE_LENGTH });
    expect(properties.reporting?.enum).toEqual(REPORTING_MODES);
    expect(properties.targets?.items?.enum).toEqual(TARGETS);
    expect(properties.targets?.default).toEqual(['scorm12']);
  });

  const good: Record<string, string> = {
    'only an id': 'id: minimal\n',
    'a whole number as the id': 'id: 2024\n',
    'shuffle as one boolean, a quoted version': 'id: x\nversion: "2"\nshuffle: true\n',
    'shuffle for questions and options each': 'id: x\nshuffle:\n  questions: true\n  options: false\n',
    'the keys that may be empty': 'id: x\nshuffle:\ntranslations:\n',
    'every reporting mode': 'id: x\nreporting: completed-failed\npassMark: 0\nattempts: 99\n',
    'translations of listed languages': 'id: x\nlanguages: [de, el, en]\ntranslations:\n  - [de, el]\n',
    'both targets, SCORM 2004 first': 'id: x\ntargets: [scorm2004, scorm12]\n',
    'a theme of colours and a font stack': 'id: x\ntheme:\n  accent: "#0D6B63"\n  text: "#222"\n  background: "#fbfaf7"\n  font: \'"Iowan Old Style", Palatino, serif\'\n  logoAlt: Northwind\n',
  };
  const bad: Record<string, string> = {
    'an unknown key': 'id: x\ntitle: Not here\n',
    'no id': 'version: 1.0.0\n',
    'a version YAML reads as a number': 'id: x\nversion: 1.10\n',
    'an id with spaces': 'id: customer focus\n',
    'an id YAML reads as a fraction': 'id: 1.5\n',
    'an id YAML writes with an exponent': 'id: 1e+50\n',
    'a pass mark above 100': 'id: x\npassMark: 120\n',
    'a fractional pass mark': 'id: x\npassMark: 75.5\n',
    'negative attempts': 'id: x\nattempts: -1\n',
    'an unknown reporting mode': 'id: x\nreporting: passed\n',
    'an unknown shuffle key': 'id: x\nshuffle:\n  questions: true\n  answers: true\n',
    'shuffle as text': 'id: x\nshuffle: sometimes\n',
    'a duplicate language': 'id: x\nlanguages: [de, de]\n',
    'a language that is no code': 'id: x\nlanguages: [Deutsch]\n',
    'no languages': 'id: x\nlanguages: []\n',
    'a translation group of one': 'id: x\nlanguages: [de, el]\ntranslations:\n  - [de]\n',
    'a translation group naming a language twice': 'id: x\nlanguages: [de, el]\ntranslations:\n  - [de, de]\n',
    'an empty pass mark': 'id: x\npassMark:\n',
    'a pass mark in quotes': 'id: x\npassMark: "80"\n',
    'an empty version, reporting mode or language list': 'id: x\nversion:\nreporting:\nlanguages:\n',
    'a course id of 65 characters': `id: ${'a'.repeat(65)}\n`,
    'a version of 21 characters': 'id: x\nversion: "1.0.0-release-candidate"\n',
    'an unknown target': 'id: x\ntargets: [scorm12, scorm13]\n',
    'a target written twice': 'id: x\ntargets: [scorm2004, scorm2004]\n',
    'no targets': 'id: x\ntargets: []\n',
    'a target without a list': 'id: x\ntargets: scorm2004\n',
    'an empty targets key': 'id: x\ntargets:\n',
    'a colour without quotes (a YAML comment)': 'id: x\ntheme:\n  accent: #0f766e\n',
    'a colour that is no hex colour': 'id: x\ntheme:\n  accent: teal\n',
    'a font stack with CSS in it': 'id: x\ntheme:\n  font: "Georgia; color: red"\n',
    'an unknown theme key': 'id: x\ntheme:\n  colour: "#000000"\n',
    'a theme that is no mapping': 'id: x\ntheme: dark\n',
  };
  /** Rules in src/load/course-config.ts, not in the schema: it cannot compare with the folders, another key, or letter case. */
  const codeOnly: Record<string, [text: string, folders: string[]]> = {
    'a language without a folder': ['id: x\nlanguages: [de, fr]\n', ['de']],
    'languages that differ in letter case only': ['id: x\nlanguages: [pt-BR, pt-br]\n', ['pt-BR', 'pt-br']],
    'a translation group naming a language that is not listed': ['id: x\nlanguages: [de, el]\ntranslations:\n  - [de, en]\n', FOLDERS],
    'an accent too light to read on the background': ['id: x\ntheme:\n  accent: "#7fb3d5"\n', FOLDERS],
    'a logo that is not in the course folder': ['id: x\ntheme:\n  logo: media/no-such-logo.svg\n  logoAlt: Nobody\n', FOLDERS],
  };

  for (const [name, text] of Object.entries(good)) {
    it(`accepts ${name}, as the configuration reader does`, () => {
      expect(configErrors(text)).toEqual([]);
      expect(schemaErrors(text)).toEqual([]);
    });
  }
  for (const [name, text] of Object.entries(bad)) {
    it(`rejects ${name}, as the configuration reader does`, () => {
      expect(configErrors(text)).not.toEqual([]);
      expect(schemaErrors(text)).not.toEqual([]);
    });
  }
  for (const [name, [text, folders]] of Object.entries(codeOnly)) {
    it(`leaves ${name} to the configuration reader`, () => {
      expect(configErrors(text, folders)).toHaveLength(1);
      expect(schemaErrors(text)).toEqual([]);
    });
  }

  it('agrees with the reader on every course.yaml of the check fixtures', async () => {
    /** Fixtures whose course.yaml breaks only a rule kept in code (see codeOnly). */
    const CODE_ONLY = ['course-language-without-folder', 'course-languages-case-clash', 'course-translations-unknown-language',
      // Contrast, and the theme's files (read here beside the test's working folder, not the fixture's).
      'theme-accent-low-contrast', 'theme-files', 'theme-logo-alt-missing', 'theme-logo-too-large'];
    const rejected = { byReader: [] as string[], bySchema: [] as string[] };
    let courses = 0;
    for (const name of readdirSync(CHECK_FIXTURES).sort()) {
      if (statSync(path.join(CHECK_FIXTURES, name, 'course', 'course.yaml'), { throwIfNoEntry: false })?.isFile() !== true) continue;
      courses++;
      // With its symbolic links made, for the language folders `check` finds.
      const prepared = await prepareCase(path.join(CHECK_FIXTURES, name));
      try {
        const folders = readdirSync(prepared.courseDir).filter((entry) => LANG_PATTERN.test(entry) && statSync(path.join(prepared.courseDir, entry), { throwIfNoEntry: false })?.isDirectory() === true);
        const text = await fs.readFile(path.join(prepared.courseDir, 'course.yaml'), 'utf8');
        if (configErrors(text, folders).length > 0) rejected.byReader.push(name);
        if (schemaErrors(text).length > 0) rejected.bySchema.push(name);
      } finally {
        await prepared.dispose();
      }
    }
    expect(courses).toBeGreaterThan(40);
    expect(rejected.byReader.length).toBeGreaterThanOrEqual(20);
    expect(rejected.byReader.filter((name) => !CODE_ONLY.includes(name))).toEqual(rejected.bySchema);
    expect(rejected.byReader).toEqual(expect.arrayContaining(CODE_ONLY));
  });

  it('places and words what the fixtures do not show', () => {
    expect(configMessages('id: x\nshuffle:\n  questions: "true"\n  options:\n  answers: true\n')).toEqual([
      '5:3 unknown-key Unexpected key `answers` in course.yaml shuffle, expected one of questions, options',
      '3:14 value-quoted Unexpected text `"true"` for `questions` in course.yaml shuffle, expected `true` or `false` without quotes: remove the quotes (`questions: true`)',
      '4:3 value-empty Unexpected empty `options` in course.yaml shuffle, expected `true` or `false` (or no `options` line at all for the default)',
    ]);
    expect(configMessages('id:\nversion: ""\nreporting:\n')).toEqual([
      '1:1 value-empty Unexpected empty `id` in course.yaml, expected an ASCII id of letters, digits, `_`, `.` or `-`',
      '2:10 invalid-value Unexpected `` for `version` in course.yaml, expected a non-empty text',
      '3:1 value-empty Unexpected empty `reporting` in course.yaml, expected one of passed-incomplete, passed-failed, completed-incomplete, completed-failed (or no `reporting` line at all for the default)',
    ]);
    expect(configMessages('id: [x]\nattempts: 3.5\nlanguages: [de, 5]\n')).toEqual([
      '1:5 invalid-value Unexpected `["x"]` for `id` in course.yaml, expected a non-empty text',
      '2:11 invalid-value Unexpected `3.5` for `attempts` in course.yaml, expected a whole number from 0 to 99',
      '3:12 invalid-value Unexpected `["de",5]` for `languages` in course.yaml, expected a list of language codes such as `de` or `pt-BR`',
    ]);
    expect(configMessages('id: x\ntargets: scorm2004\n')).toEqual([
      '2:10 invalid-value Unexpected `scorm2004` for `targets` in course.yaml, expected a list of targets such as `[scorm12, scorm2004]`',
    ]);
    expect(configMessages('id: x\ntargets: []\n')).toEqual([
      '2:10 invalid-value Unexpected empty list of targets in course.yaml, expected at least one of `scorm12`, `scorm2004`',
    ]);
    expect(configMessages('id: x\ntargets:\n')).toEqual([
      '2:1 value-empty Unexpected empty `targets` in course.yaml, expected a list of targets such as `[scorm12, scorm2004]` (or no `targets` line at all for the default)',
    ]);
  });
});

describe('edition.yaml JSON Schema', () => {
  const SHIPPED = readdirSync(path.join(REPO_ROOT, 'course')).filter((entry) => LANG_PATTERN.test(entry)).sort();

  /** The reader's messages on edition.yaml of `lang` in `courseDir` (the lessons' are on their own files). */
  async function readerMessages(courseDir: string, lang: string): Promise<string[]> {
    const edition = await loadEditionContent(courseDir, lang, await englishStrings());
    return edition.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
  }

  /** The reader's messages on `text` as the edition.yaml of an edition `en` without lessons. */
  async function editionMessages(text: string, fatalOnly = false): Promise<string[]> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'edition-schema-'));
    try {
      await fs.mkdir(path.join(dir, 'en'));
      await fs.writeFile(path.join(dir, 'en', EDITION_FILE), text);
      const edition = await loadEditionContent(dir, 'en', await englishStrings());
      return edition.file.messages.filter((message) => !fatalOnly || message.fatal === true).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  it('is referenced from the first line of every course/<lang>/edition.yaml', async () => {
    expect(SHIPPED.length).toBeGreaterThan(1);
    for (const lang of SHIPPED) {
      const firstLine = (await fs.readFile(path.join(REPO_ROOT, 'course', lang, EDITION_FILE), 'utf8')).split('\n')[0];
      expect(firstLine, lang).toBe('# yaml-language-server: $schema=../../schema/edition.schema.json');
    }
  });

  it('accepts every shipped edition.yaml, as the edition reader does', async () => {
    for (const lang of SHIPPED) {
      expect(await readerMessages(path.join(REPO_ROOT, 'course'), lang), lang).toEqual([]);
      expect(schemaErrors(await fs.readFile(path.join(REPO_ROOT, 'course', lang, EDITION_FILE), 'utf8'), validateEdition), lang).toEqual([]);
    }
  });

  it('uses only the keywords of the course schema, and takes its theme from it', () => {
    const keywords = new Set(subschemas(schema).flatMap((node) => Object.keys(node)));
    for (const node of subschemas(editionSchema)) {
      for (const keyword of Object.keys(node)) expect(keywords.has(keyword), keyword).toBe(true);
      for (const keyword of Object.keys(node['x-message'] ?? {})) expect(keywords.has(keyword) || (YAML_CASES as readonly string[]).includes(keyword), keyword).toBe(true);
    }
    expect(noteRuleIds(editionSchema).filter((ruleId) => !isRuleId(ruleId))).toEqual([]);
    expect(Object.keys(editionSchema.properties ?? {})).toEqual(['title', 'description', 'theme']);
    expect(editionSchema.additionalProperties).toBe(false);
    expect(editionSchema.required).toEqual(['title']);
    expect(editionSchema.properties?.theme).toEqual({ $ref: 'course.schema.json#/$defs/theme' });
    expect(properties.theme).toEqual({ $ref: '#/$defs/theme' });
    expect(editionSchema.properties?.description?.default).toBe('');
  });

  const good: Record<string, string> = {
    'only a title': 'title: Kundenorientierung\n',
    'a title YAML reads as a number': 'title: 2024\n',
    'an empty description': 'title: x\ndescription:\n',
    'a title, a description and a theme': 'title: x\ndescription: Ein Kurs.\ntheme:\n  accent: "#0D6B63"\n  logoAlt: Northwind\n',
  };
  const bad: Record<string, string> = {
    'no title': 'description: Ein Kurs.\n',
    'an empty title': 'title:\n',
    'a title of spaces': 'title: "   "\n',
    'a title that is a list': 'title: [a, b]\n',
    'a description of spaces': 'title: x\ndescription: " "\n',
    'a description that is true': 'title: x\ndescription: true\n',
    'an unknown key': 'title: x\nsubtitle: y\n',
    'an unknown theme key': 'title: x\ntheme:\n  colour: "#000000"\n',
    'a colour that is no hex colour': 'title: x\ntheme:\n  accent: teal\n',
    'an empty theme': 'title: x\ntheme:\n',
  };
  /** Rules in code: the manifest's limits on the title (src/load/manifest-text-checks.ts), the theme's files. */
  const codeOnly: Record<string, string> = {
    'a title of 201 characters': `title: ${'a'.repeat(201)}\n`,
    'a title with a control character': 'title: "Kurs\\u0007"\n',
    'a logo that is not in the course folder': 'title: x\ntheme:\n  logo: media/no-such-logo.svg\n',
  };

  for (const [name, text] of Object.entries(good)) {
    it(`accepts ${name}, as the edition reader does`, async () => {
      expect(await editionMessages(text, true)).toEqual([]);
      expect(schemaErrors(text, validateEdition)).toEqual([]);
    });
  }
  for (const [name, text] of Object.entries(bad)) {
    it(`rejects ${name}, as the edition reader does`, async () => {
      expect(await editionMessages(text, true)).not.toEqual([]);
      expect(schemaErrors(text, validateEdition)).not.toEqual([]);
    });
  }
  for (const [name, text] of Object.entries(codeOnly)) {
    it(`leaves ${name} to the edition reader`, async () => {
      expect(await editionMessages(text, true)).toHaveLength(1);
      expect(schemaErrors(text, validateEdition)).toEqual([]);
    });
  }

  it('agrees with the reader on every edition.yaml of the check fixtures', async () => {
    /** Fixtures whose edition.yaml breaks only a rule kept in code (see codeOnly). */
    const CODE_ONLY = ['edition-title-control-character', 'edition-title-too-long', 'theme-files'];
    const rejected = { byReader: [] as string[], bySchema: [] as string[] };
    let editions = 0;
    for (const name of readdirSync(CHECK_FIXTURES).sort()) {
      const source = path.join(CHECK_FIXTURES, name, 'course');
      if (statSync(source, { throwIfNoEntry: false })?.isDirectory() !== true) continue;
      const langs = readdirSync(source).filter((entry) => LANG_PATTERN.test(entry) && statSync(path.join(source, entry, EDITION_FILE), { throwIfNoEntry: false })?.isFile() === true);
      if (langs.length === 0) continue;
      const prepared = await prepareCase(path.join(CHECK_FIXTURES, name));
      try {
        for (const lang of langs) {
          editions++;
          const text = await fs.readFile(path.join(prepared.courseDir, lang, EDITION_FILE), 'utf8');
          if ((await readerMessages(prepared.courseDir, lang)).some((message) => !message.includes(' encoding-'))) rejected.byReader.push(`${name}/${lang}`);
          if (schemaErrors(text, validateEdition).length > 0) rejected.bySchema.push(`${name}/${lang}`);
        }
      } finally {
        await prepared.dispose();
      }
    }
    expect(editions).toBeGreaterThan(80);
    const codeOnly = (id: string) => CODE_ONLY.includes(id.split('/')[0]!);
    expect(rejected.byReader.filter((id) => !codeOnly(id))).toEqual(rejected.bySchema);
    expect(rejected.byReader.filter(codeOnly).map((id) => id.split('/')[0])).toEqual(expect.arrayContaining(CODE_ONLY));
    expect(rejected.bySchema).toEqual(expect.arrayContaining(['edition-title-missing/en', 'edition-unknown-key/en', 'edition-yaml-invalid/en']));
  });

  it('places and words as the hand-written reader did', async () => {
    expect(await editionMessages('description:\nsubtitle: Kurs\n')).toEqual([
      '1:1 missing-key Unexpected missing key `title` in edition.yaml, expected it to be set',
      '2:1 unknown-key Unexpected key `subtitle` in edition.yaml, expected one of title, description, theme',
    ]);
    expect(await editionMessages('title:\ndescription: "  "\n')).toEqual([
      '1:1 value-empty Unexpected empty `title` in edition.yaml, expected a non-empty text',
      '2:14 invalid-value Unexpected `  ` for `description` in edition.yaml, expected a non-empty text',
    ]);
    expect(await editionMessages('title: [a]\ntheme:\n')).toEqual([
      '1:8 invalid-value Unexpected `["a"]` for `title` in edition.yaml, expected a non-empty text',
      '2:1 value-empty Unexpected empty `theme` in edition.yaml, expected a mapping of logo, logoAlt, accent, text, background, font and fontFile (or no `theme` line at all for the default)',
    ]);
  });
});
