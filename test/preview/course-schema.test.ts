// schema/course.schema.json (for editors) agrees with src/load/course-config.ts (what `check` enforces) on the
// shipped course.yaml and on bad ones. No JSON Schema library is a dependency: the schema is
// evaluated by the small evaluator below, which refuses keywords it does not implement.
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readCourseConfig } from '../../src/load/course-config.js';
import { REPO_ROOT, SHIPPED_COURSE } from '../helpers/shipped-course.js';

type Schema = { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const IMPLEMENTED = new Set(['type', 'enum', 'pattern', 'maxLength', 'minimum', 'maximum', 'items', 'minItems', 'uniqueItems', 'properties', 'additionalProperties', 'required', 'anyOf']);

function typeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/** Problems of `value` against `schema` (empty: valid). */
function validate(schema: Schema, value: unknown, where = '$'): string[] {
  const problems: string[] = [];
  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (!IMPLEMENTED.has(keyword)) throw new Error(`The test evaluator does not implement "${keyword}"`);
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    switch (keyword) {
      case 'type': {
        const allowed = Array.isArray(rule) ? rule : [rule];
        if (!typeOf(value).some((type) => allowed.includes(type))) problems.push(`${where}: not ${allowed.join('|')}`);
        break;
      }
      case 'enum':
        if (!(rule as unknown[]).includes(value)) problems.push(`${where}: not in enum`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string).test(value)) problems.push(`${where}: does not match ${String(rule)}`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && [...value].length > (rule as number)) problems.push(`${where}: longer than ${String(rule)}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) problems.push(`${where}: below ${String(rule)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) problems.push(`${where}: above ${String(rule)}`);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, index) => problems.push(...validate(rule as Schema, item, `${where}[${index}]`)));
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) problems.push(`${where}: fewer than ${String(rule)} items`);
        break;
      case 'uniqueItems':
        if (rule === true && Array.isArray(value) && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) problems.push(`${where}: duplicate items`);
        break;
      case 'properties':
        if (isObject) {
          for (const [key, propertySchema] of Object.entries(rule as Record<string, Schema>)) {
            if (key in value) problems.push(...validate(propertySchema, (value as Record<string, unknown>)[key], `${where}.${key}`));
          }
        }
        break;
      case 'additionalProperties':
        if (rule === false && isObject) {
          const known = Object.keys((schema.properties ?? {}) as object);
          for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${where}: unknown key ${key}`);
        }
        break;
      case 'required':
        if (isObject) for (const key of rule as string[]) if (!(key in value)) problems.push(`${where}: missing ${key}`);
        break;
      case 'anyOf':
        if ((rule as Schema[]).every((option) => validate(option, value, where).length > 0)) problems.push(`${where}: matches no alternative`);
        break;
    }
  }
  return problems;
}

const schema = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'schema', 'course.schema.json'), 'utf8')) as Schema;
/** Edition folders the configuration may refer to (missing folders are a check the schema cannot make). */
const FOLDERS = ['de', 'el', 'en', 'ms', 'ro', 'sl'];

function configErrors(text: string): string[] {
  const file = new VFile({ path: 'course.yaml', value: text });
  readCourseConfig(file, FOLDERS);
  return file.messages.filter((message) => message.fatal === true).map((message) => `${message.ruleId}: ${message.reason}`);
}

function schemaErrors(text: string): string[] {
  return validate(schema, parse(text) as unknown);
}

describe('course.yaml JSON Schema', () => {
  it('is referenced from the first line of course/course.yaml', async () => {
    const firstLine = (await fs.readFile(path.join(SHIPPED_COURSE, 'course.yaml'), 'utf8')).split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/course.schema.json');
  });

  it('accepts the shipped course.yaml, as the configuration reader does', async () => {
    const text = await fs.readFile(path.join(SHIPPED_COURSE, 'course.yaml'), 'utf8');
    expect(configErrors(text)).toEqual([]);
    expect(schemaErrors(text)).toEqual([]);
  });

  it('declares exactly the keys src/load/course-config.ts reads', () => {
    expect(Object.keys(schema.properties as object).sort()).toEqual(['attempts', 'id', 'languages', 'passMark', 'reporting', 'shuffle', 'translations', 'version']);
    expect(schema.additionalProperties).toBe(false);
  });

  const good: Record<string, string> = {
    'only an id': 'id: minimal\n',
    'shuffle as one boolean, a quoted version': 'id: x\nversion: "2"\nshuffle: true\n',
    'the keys that may be empty': 'id: x\nshuffle:\ntranslations:\n',
    'every reporting mode': 'id: x\nreporting: completed-failed\npassMark: 0\nattempts: 99\n',
    'translations of listed languages': 'id: x\nlanguages: [de, el, en]\ntranslations:\n  - [de, el]\n',
  };
  const bad: Record<string, string> = {
    'an unknown key': 'id: x\ntitle: Not here\n',
    'no id': 'version: 1.0.0\n',
    'a version YAML reads as a number': 'id: x\nversion: 1.10\n',
    'an id with spaces': 'id: customer focus\n',
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
});
