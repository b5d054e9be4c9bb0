// Validates a YAML mapping (course.yaml, an edition.yaml) against its JSON Schema in schema/ with
// ajv, and reports every problem where it was written, in the "Unexpected X, expected Y" form. The
// schema holds the rules; its annotations word the messages:
//
// - `x-expected` on a key's schema: what the key holds ("a whole number from 0 to 100"), for
//   "Unexpected `120` for `passMark` in course.yaml, expected a whole number from 0 to 100". A key
//   with an `enum` and no `x-expected` expects "one of" its values.
// - `x-message` on any schema: per keyword that fails there, `ruleId` (default `invalid-value`),
//   `expected` (instead of the key's), `message` (a whole reason, with {key} {what} {value} {item}
//   {length} {limit} filled in) and `at: "element"` (report at the list element that fails, not at
//   the key). Besides the JSON Schema keywords, three cases that only the YAML shows have names:
//   `empty` (a key written without a value), `quoted` (a number or boolean written in quotes) and
//   `number` (a number written without quotes where text is expected, e.g. `version: 1.10`).
//   The rule stays the schema's (`version` is `type: string`); only its wording needs the YAML,
//   since the data ajv sees holds the number 1.1, not what was written.
//
// Each key gets one message (its first problem in RANK order), a missing or unknown key one of its
// own. The mapping from ajv's errors to places walks `properties` and `items` only, with `$ref`
// followed to a `$defs` entry (edition.yaml's `theme` is course.yaml's): the schemas use no other
// applicator (test/integration/course-schema.test.ts holds them to that).
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Position } from 'unist';
import { isScalar } from 'yaml';
import { firstAt, quote, report, type RuleId } from '../model/messages.js';
import { isRuleId } from '../model/rules.js';
import { PACKAGE_ROOT } from '../tool/install-paths.js';
import { characterLength } from './files/name-limits.js';
import { isQuotedScalar, writtenText, yamlNodesAt, type YamlMapping } from './yaml-fields.js';

/** The schemas in schema/, by file name without `.schema.json`. */
export type SchemaName = 'course' | 'edition';

export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'schema');

/** One schema, as far as this file reads it. */
export interface SchemaNode {
  $id?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  /** `#/$defs/<name>` in the same file, or `<schema>.schema.json#/$defs/<name>` in another of schema/. */
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  'x-expected'?: string;
  'x-message'?: Record<string, MessageNote>;
}

export interface MessageNote {
  /** A rule of src/model/rules.ts (checked when the schema is compiled). */
  ruleId?: RuleId;
  expected?: string;
  message?: string;
  at?: 'element';
}

/** The cases of `x-message` that are no JSON Schema keyword: what the YAML text shows. */
export const YAML_CASES = ['empty', 'quoted', 'number'] as const;

/** The keywords a note can word, in the order that picks which of a key's problems is reported when it has several. */
const RANK = ['type', 'enum', 'minLength', 'pattern', 'maxLength', 'minimum', 'maximum', 'minItems', 'uniqueItems'];

const NOTE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ruleId: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' },
    expected: { type: 'string' },
    message: { type: 'string', pattern: '^Unexpected .+, expected ' },
    at: { const: 'element' },
  },
};

let ajvInstance: Ajv | undefined;
const compiled = new Map<SchemaName, { schema: SchemaNode; validate: ValidateFunction }>();

/**
 * An ajv that knows the annotations. `validateSchema` checks the schema against draft-07 and the
 * notes against NOTE_SCHEMA while compiling; the tool leaves that to the schema test (it costs a
 * compile of the meta-schema on every run).
 */
export function createAjv(validateSchema: boolean): Ajv {
  return new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema })
    .addKeyword({ keyword: 'x-expected', schemaType: 'string' })
    .addKeyword({ keyword: 'x-message', schemaType: 'object', metaSchema: { type: 'object', propertyNames: { enum: [...RANK, ...YAML_CASES] }, additionalProperties: NOTE_SCHEMA } });
}

function ajv(): Ajv {
  ajvInstance ??= createAjv(false);
  return ajvInstance;
}

const read = new Map<SchemaName, SchemaNode>();

/** schema/<name>.schema.json as written, its rule ids checked, and added to the ajv (with the schemas it refers to) once per process. */
function readSchema(name: SchemaName): SchemaNode {
  let schema = read.get(name);
  if (schema === undefined) {
    schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as SchemaNode;
    for (const ruleId of noteRuleIds(schema)) {
      if (!isRuleId(ruleId)) throw new Error(`schema/${name}.schema.json names the rule ${ruleId}, which src/model/rules.ts does not have`);
    }
    read.set(name, schema);
    ajv().addSchema(schema);
    for (const other of referencedSchemas(schema, name)) readSchema(other);
  }
  return schema;
}

/** The schema with each `$ref` replaced by what it names (what the message mapper walks), and its validator, compiled once per process. */
export function compiledSchema(name: SchemaName): { schema: SchemaNode; validate: ValidateFunction } {
  let entry = compiled.get(name);
  if (entry === undefined) {
    const schema = readSchema(name);
    const validate = schema.$id === undefined ? undefined : ajv().getSchema(schema.$id);
    if (validate === undefined) throw new Error(`schema/${name}.schema.json has no $id`);
    entry = { schema: withRefsResolved(schema, name), validate };
    compiled.set(name, entry);
  }
  return entry;
}

/** Where a `$ref` leads: the schema file and the `$defs` entry. */
function refTarget(ref: string, from: SchemaName): { name: SchemaName; def: string } {
  const match = /^(?:([a-z]+)\.schema\.json)?#\/\$defs\/([A-Za-z]+)$/.exec(ref);
  if (match === null) throw new Error(`schema/${from}.schema.json has the $ref ${ref}, expected #/$defs/<name> or <schema>.schema.json#/$defs/<name>`);
  return { name: (match[1] ?? from) as SchemaName, def: match[2]! };
}

/** The other schemas of schema/ that `node`, in schema/<from>.schema.json, refers to. */
function referencedSchemas(node: SchemaNode, from: SchemaName): SchemaName[] {
  const own = node.$ref === undefined ? [] : [refTarget(node.$ref, from).name].filter((name) => name !== from);
  return [...own, ...subschemasOf(node).flatMap((inside) => referencedSchemas(inside, from))];
}

function subschemasOf(node: SchemaNode): SchemaNode[] {
  return [...Object.values(node.properties ?? {}), ...(node.items === undefined ? [] : [node.items]), ...Object.values(node.$defs ?? {})];
}

function withRefsResolved(node: SchemaNode, from: SchemaName): SchemaNode {
  if (node.$ref !== undefined) {
    const { name, def } = refTarget(node.$ref, from);
    const target = readSchema(name).$defs?.[def];
    if (target === undefined) throw new Error(`schema/${from}.schema.json refers to ${node.$ref}, which schema/${name}.schema.json does not define`);
    return withRefsResolved(target, name);
  }
  if (node.properties === undefined && node.items === undefined) return node;
  const properties = node.properties === undefined ? {} : { properties: Object.fromEntries(Object.entries(node.properties).map(([key, value]) => [key, withRefsResolved(value, from)])) };
  return { ...node, ...properties, ...(node.items === undefined ? {} : { items: withRefsResolved(node.items, from) }) };
}

/** Every `ruleId` of the schema's `x-message` notes (its `$defs` included). */
export function noteRuleIds(schema: SchemaNode): string[] {
  const notes = Object.values(schema['x-message'] ?? {}).flatMap((note) => (note.ruleId === undefined ? [] : [String(note.ruleId)]));
  return [...notes, ...subschemasOf(schema).flatMap(noteRuleIds)];
}

export interface SchemaResult {
  /** The value under `key` when the schema accepts it, else the key's `default` in the schema (undefined without one). */
  get<T>(key: string): T | undefined;
  /** False when the schema rejected the value at `path` or anything inside it (a missing required key included). */
  accepts(...path: string[]): boolean;
  /**
   * Report the value under `key` as the schema reports a wrong value ("Unexpected V for K in
   * WHAT, expected <x-expected>"), for a rule checked in code; `get` gives the default from then on.
   */
  reject(key: string): void;
}

interface Problem {
  error: ErrorObject;
  /** What the problem is about: the failing value, or the missing or unknown key. */
  target: string[];
  /** The key the message names: the target, or the key holding the list the target is in. */
  field: string[];
}

/** Validate `mapping` against schema/<name>.schema.json and report its problems; `what` names the file in messages. */
export function validateMapping(mapping: YamlMapping, name: SchemaName, what: string): SchemaResult {
  const { schema, validate } = compiledSchema(name);
  return validateWith(mapping, schema, validate, what);
}

function validateWith(mapping: YamlMapping, schema: SchemaNode, validate: ValidateFunction, what: string): SchemaResult {
  validate(mapping.value);
  const problems = (validate.errors ?? []).map((error) => locate(error, mapping.value));
  const rejected: string[][] = problems.map((problem) => problem.target);
  const context: Context = { mapping, schema, what };
  reportProblems(context, problems);

  const accepts = (...at: string[]) => !rejected.some((target) => at.every((segment, index) => target[index] === segment));
  return {
    get<T>(key: string): T | undefined {
      const value = mapping.value[key];
      if (value !== undefined && value !== null && accepts(key)) return value as T;
      return schema.properties?.[key]?.default as T | undefined;
    },
    accepts,
    reject(key: string): void {
      rejected.push([key]);
      report(mapping.file, wrongValue(context, [key], expectedOf(context, [key], undefined)), placesOf(context, [key]).value, 'invalid-value');
    },
  };
}

interface Context {
  mapping: YamlMapping;
  schema: SchemaNode;
  what: string;
}

function decodePointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function locate(error: ErrorObject, root: unknown): Problem {
  const target = decodePointer(error.instancePath);
  if (error.keyword === 'required') target.push(String((error.params as { missingProperty: string }).missingProperty));
  if (error.keyword === 'additionalProperties') target.push(String((error.params as { additionalProperty: string }).additionalProperty));
  // The field ends at the last key of a mapping on the way (a list element belongs to its key).
  let value = root;
  let fieldLength = 0;
  target.forEach((segment, index) => {
    if (isRecord(value)) fieldLength = index + 1;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  });
  return { error, target, field: target.slice(0, fieldLength) };
}

function reportProblems(context: Context, problems: readonly Problem[]): void {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    const { keyword } = problem.error;
    if (keyword === 'required' || keyword === 'additionalProperties') {
      reportKey(context, problem);
      continue;
    }
    const id = JSON.stringify(problem.field);
    byField.set(id, [...(byField.get(id) ?? []), problem]);
  }
  for (const fieldProblems of byField.values()) {
    const atElement = fieldProblems.filter((problem) => noteOf(problem)?.at === 'element');
    const atField = fieldProblems.filter((problem) => noteOf(problem)?.at !== 'element');
    const first = atField.sort((a, b) => rank(a) - rank(b))[0];
    if (first !== undefined) {
      reportField(context, first);
      continue;
    }
    const reported = new Set<string>();
    for (const problem of atElement) {
      const id = JSON.stringify(problem.target);
      if (reported.has(id)) continue;
      reported.add(id);
      reportField(context, problem);
    }
  }
}

function rank(problem: Problem): number {
  const index = RANK.indexOf(problem.error.keyword);
  return index === -1 ? RANK.length : index;
}

function noteOf(problem: Problem, name: string = problem.error.keyword): MessageNote | undefined {
  return (problem.error.parentSchema as SchemaNode | undefined)?.['x-message']?.[name];
}

/** The schema of the value at `at`, through `properties` and `items`. */
function schemaAt(root: SchemaNode, at: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of at) {
    node = node?.properties?.[segment] ?? node?.items;
  }
  return node;
}

/** "course.yaml", or "course.yaml shuffle" for a key inside `shuffle`. */
function whatOf(context: Context, field: readonly string[]): string {
  return [context.what, ...field.slice(0, -1)].join(' ');
}

function placesOf(context: Context, at: readonly string[]): { key: Position; value: Position } {
  const { mapping } = context;
  const nodes = yamlNodesAt(mapping, at);
  const key = nodes?.key?.range !== undefined ? mapping.toPosition(nodes.key.range) : mapping.place;
  const value = nodes?.value?.range !== undefined ? mapping.toPosition(nodes.value.range) : key;
  return { key, value };
}

function valueAt(root: unknown, at: readonly string[]): unknown {
  let value = root;
  for (const segment of at) value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

function expectedOf(context: Context, field: readonly string[], note: MessageNote | undefined): string {
  const fieldSchema = schemaAt(context.schema, field);
  if (note?.expected !== undefined) return note.expected;
  if (fieldSchema?.['x-expected'] !== undefined) return fieldSchema['x-expected'];
  if (fieldSchema?.enum !== undefined) return `one of ${fieldSchema.enum.map(String).join(', ')}`;
  return 'a value the schema allows';
}

function wrongValue(context: Context, field: readonly string[], expected: string): string {
  const key = field.at(-1) ?? '';
  return `Unexpected ${quote(valueAt(context.mapping.value, field))} for ${quote(key)} in ${whatOf(context, field)}, expected ${expected}`;
}

/** A missing required key, or a key the schema does not know. */
function reportKey(context: Context, { error, target, field }: Problem): void {
  const key = target.at(-1) ?? '';
  const what = whatOf(context, field);
  if (error.keyword === 'required') {
    const parent = target.slice(0, -1);
    const place = parent.length === 0 ? context.mapping.place.start : placesOf(context, parent).value.start;
    report(context.mapping.file, `Unexpected missing key ${quote(key)} in ${what}, expected it to be set`, place, 'missing-key');
    return;
  }
  const allowed = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
  // A null key (`~:`) is the empty name to JSON: name it as written.
  const shown = key === '' ? (writtenText(yamlNodesAt(context.mapping, target)?.key) ?? key) : key;
  report(context.mapping.file, `Unexpected key ${quote(shown)} in ${what}, expected one of ${allowed.join(', ')}`, placesOf(context, target).key, 'unknown-key');
}

function types(problem: Problem): string[] {
  const type = (problem.error.parentSchema as SchemaNode | undefined)?.type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

/** A problem with a value, worded by the schema's notes and the way the YAML was written. */
function reportField(context: Context, problem: Problem): void {
  const { mapping } = context;
  const { error, target, field } = problem;
  const key = field.at(-1) ?? '';
  const what = whatOf(context, field);
  const places = placesOf(context, field);
  const atField = target.length === field.length;
  const data: unknown = error.data;
  const node = atField ? yamlNodesAt(mapping, field)?.value : undefined;

  if (atField && data === null) {
    const note = noteOf(problem, 'empty');
    const required = schemaAt(context.schema, field.slice(0, -1))?.required?.includes(key) === true;
    const instead = required ? '' : ` (or no \`${key}\` line at all for the default)`;
    report(mapping.file, `Unexpected empty ${quote(key)} in ${what}, expected ${expectedOf(context, field, note)}${instead}`, places.key, note?.ruleId ?? 'value-empty');
    return;
  }
  if (atField && error.keyword === 'type' && typeof data === 'string' && isQuotedScalar(node)) {
    const wanted = types(problem);
    const bare = data.trim();
    const kind = (wanted.includes('integer') || wanted.includes('number')) && /^[+-]?\d+(\.\d+)?$/.test(bare) ? 'a number' : wanted.includes('boolean') && /^(true|false)$/i.test(bare) ? '`true` or `false`' : undefined;
    if (kind !== undefined) {
      const note = noteOf(problem, 'quoted');
      const mark = isScalar(node) && node.type === 'QUOTE_SINGLE' ? "'" : '"';
      report(mapping.file, `Unexpected text ${quote(`${mark}${data}${mark}`)} for ${quote(key)} in ${what}, expected ${kind} without quotes: remove the quotes (\`${key}: ${bare}\`)`, places.value, note?.ruleId ?? 'value-quoted');
      return;
    }
  }
  if (atField && error.keyword === 'type' && typeof data === 'number' && types(problem).includes('string') && !isQuotedScalar(node)) {
    const note = noteOf(problem, 'number') ?? noteOf(problem);
    const written = writtenText(node) ?? String(data);
    report(mapping.file, `Unexpected number ${quote(written)} for ${quote(key)} in ${what} (YAML reads it as ${String(data)}), expected text in quotes: \`${key}: "${written}"\``, places.value, note?.ruleId ?? 'invalid-value');
    return;
  }
  const note = noteOf(problem);
  const reason = note?.message !== undefined ? fill(note.message, { key, what, error }) : wrongValue(context, field, expectedOf(context, field, note));
  const ruleId = note?.ruleId ?? 'invalid-value';
  if (error.keyword === 'uniqueItems') {
    // At the repeat, with the first of the two as the message's related place.
    const { i: repeat, j: first } = error.params as { i: number; j: number };
    const later = Math.max(repeat, first);
    const earlier = Math.min(repeat, first);
    report(mapping.file, reason, placesOf(context, [...target, String(later)]).value, ruleId, firstAt(mapping.file, placesOf(context, [...target, String(earlier)]).value));
    return;
  }
  const place = note?.at === 'element' ? placesOf(context, target).value : places.value;
  report(mapping.file, reason, place, ruleId);
}

/** A note's `message` with its placeholders filled in. */
function fill(message: string, { key, what, error }: { key: string; what: string; error: ErrorObject }): string {
  const data: unknown = error.data;
  const params = error.params as { limit?: number; i?: number };
  const values: Record<string, string> = {
    key: quote(key),
    what,
    value: quote(data),
    length: String(characterLength(typeof data === 'string' ? data : JSON.stringify(data) ?? '')),
    limit: String(params.limit ?? ''),
    item: Array.isArray(data) && params.i !== undefined ? quote(data[params.i]) : '',
  };
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
