// Reads a YAML mapping (course.yaml, edition.yaml, lesson front matter) into positioned fields,
// reporting syntax errors, unknown keys and wrongly typed values as vfile messages.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { quote, report } from '../model/messages.js';

export interface YamlField {
  key: string;
  value: unknown;
  node: Node | null;
  keyPlace: Position;
  valuePlace: Position;
}

export interface YamlMapping {
  file: VFile;
  fields: Map<string, YamlField>;
  /** Where to report a missing key. */
  place: Position;
  /** Offsets in the YAML text → positions in the file. */
  toPosition: (range: readonly number[] | null | undefined) => Position;
}

/** Where the YAML text starts inside `file` (front matter starts after the `---` line). */
export interface YamlOrigin {
  line: number;
  column: number;
  offset: number;
}

const FILE_START: YamlOrigin = { line: 1, column: 1, offset: 0 };

/**
 * Parse `text` as a YAML mapping. Returns undefined (after reporting) when it is not valid YAML
 * or not a mapping. `what` names the document in messages (e.g. "course.yaml").
 */
export function readYamlMapping(file: VFile, text: string, what: string, origin: YamlOrigin = FILE_START): YamlMapping | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (range: readonly number[] | null | undefined): Position => {
    const [start = 0, end = start] = range ?? [];
    return { start: toPoint(lineCounter, start, origin), end: toPoint(lineCounter, end, origin) };
  };
  const whole = toPosition([0, text.length]);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const detail = error.message.split('\n')[0] ?? error.message;
      report(file, `Unexpected invalid YAML in ${what} (${detail}), expected a valid YAML mapping`, toPosition(error.pos), 'yaml-invalid');
    }
    return undefined;
  }
  const contents = doc.contents;
  if (contents === null && text.trim() === '') {
    return { file, fields: new Map(), place: whole, toPosition };
  }
  if (!isMap(contents)) {
    report(file, `Unexpected ${describeNode(contents)} in ${what}, expected a mapping of keys to values`, toPosition(contents?.range), 'yaml-not-mapping');
    return undefined;
  }
  return mappingOf(file, contents, toPosition, whole);
}

/** The mapping under `key`, or undefined when the value is not a mapping. */
export function readNestedMapping(mapping: YamlMapping, key: string): YamlMapping | undefined {
  const field = mapping.fields.get(key);
  if (field === undefined || !isMap(field.node)) return undefined;
  return mappingOf(mapping.file, field.node, mapping.toPosition, field.valuePlace);
}

function mappingOf(file: VFile, map: YAMLMap, toPosition: YamlMapping['toPosition'], place: Position): YamlMapping {
  const fields = new Map<string, YamlField>();
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const valueNode = (pair.value ?? null) as Node | null;
    fields.set(key, {
      key,
      value: valueNode === null ? null : valueNode.toJSON(),
      node: valueNode,
      keyPlace: toPosition(keyNode?.range),
      valuePlace: toPosition(valueNode?.range ?? keyNode?.range),
    });
  }
  return { file, fields, place, toPosition };
}

function toPoint(lineCounter: LineCounter, offset: number, origin: YamlOrigin) {
  const { line, col } = lineCounter.linePos(offset);
  return {
    line: origin.line + line - 1,
    column: line === 1 ? origin.column + col - 1 : col,
    offset: origin.offset + offset,
  };
}

function describeNode(node: unknown): string {
  if (node === null || node === undefined) return 'empty document';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) return `value ${quote(node.value)}`;
  return 'value';
}

/** A scalar exactly as written in the YAML (`1.10` for the number 1.1); undefined for other nodes. */
export function writtenText(field: YamlField): string | undefined {
  return isScalar(field.node) && typeof field.node.source === 'string' ? field.node.source : undefined;
}

/** Report every key not in `allowed`. */
export function rejectUnknownKeys(mapping: YamlMapping, allowed: readonly string[], what: string): void {
  for (const field of mapping.fields.values()) {
    if (!allowed.includes(field.key)) {
      report(mapping.file, `Unexpected key ${quote(field.key)} in ${what}, expected one of ${allowed.join(', ')}`, field.keyPlace, 'unknown-key');
    }
  }
}

interface FieldRule<T> {
  required?: boolean;
  fallback: T;
  /** A key written without a value (`description:`) means the fallback; otherwise it is reported. */
  emptyIsFallback?: boolean;
}

/**
 * A key that is not there (reported when required), or written without a value (`passMark:`,
 * `passMark: ~`): reported, since the author meant to write something.
 */
function missing<T>(mapping: YamlMapping, key: string, what: string, rule: FieldRule<T>, expected: string): T {
  const field = mapping.fields.get(key);
  if (field !== undefined && rule.emptyIsFallback !== true) {
    const instead = rule.required === true ? '' : ` (or no \`${key}\` line at all for the default)`;
    report(mapping.file, `Unexpected empty ${quote(key)} in ${what}, expected ${expected}${instead}`, field.keyPlace, 'value-empty');
  } else if (field === undefined && rule.required === true) {
    report(mapping.file, `Unexpected missing key ${quote(key)} in ${what}, expected it to be set`, mapping.place.start, 'missing-key');
  }
  return rule.fallback;
}

/** Whether the field's value was written in quotes (`"80"`, `'true'`). */
function isQuoted(field: YamlField): boolean {
  return isScalar(field.node) && (field.node.type === 'QUOTE_DOUBLE' || field.node.type === 'QUOTE_SINGLE');
}

/** A number or boolean written in quotes is text to YAML: say so, with the line to write instead. */
function quoted<T>(mapping: YamlMapping, field: YamlField, kind: string, what: string, fallback: T): T {
  const bare = String(field.value).trim();
  const mark = isScalar(field.node) && field.node.type === 'QUOTE_SINGLE' ? "'" : '"';
  report(mapping.file, `Unexpected text ${quote(`${mark}${String(field.value)}${mark}`)} for ${quote(field.key)} in ${what}, expected ${kind} without quotes: remove the quotes (\`${field.key}: ${bare}\`)`, field.valuePlace, 'value-quoted');
  return fallback;
}

function wrong<T>(mapping: YamlMapping, field: YamlField, expected: string, what: string, fallback: T, ruleId = 'invalid-value'): T {
  report(mapping.file, `Unexpected ${quote(field.value)} for ${quote(field.key)} in ${what}, expected ${expected}`, field.valuePlace, ruleId);
  return fallback;
}

/** A string value, optionally matching `pattern` (described by `patternText`). */
export function readString(mapping: YamlMapping, key: string, what: string, rule: FieldRule<string> & { pattern?: RegExp; patternText?: string; ruleId?: string }): string {
  const field = mapping.fields.get(key);
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, rule.patternText ?? 'a non-empty text');
  const value = typeof field.value === 'number' ? String(field.value) : field.value;
  if (typeof value !== 'string' || value.trim() === '') return wrong(mapping, field, 'a non-empty text', what, rule.fallback);
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    return wrong(mapping, field, rule.patternText ?? `text matching ${rule.pattern.source}`, what, rule.fallback, rule.ruleId);
  }
  return value;
}

/** An integer in [min, max]. */
export function readInteger(mapping: YamlMapping, key: string, what: string, rule: FieldRule<number> & { min: number; max: number }): number {
  const field = mapping.fields.get(key);
  const expected = `a whole number from ${rule.min} to ${rule.max}`;
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, expected);
  const value = field.value;
  if (typeof value === 'string' && isQuoted(field) && /^[+-]?\d+(\.\d+)?$/.test(value.trim())) return quoted(mapping, field, 'a number', what, rule.fallback);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min || value > rule.max) {
    return wrong(mapping, field, expected, what, rule.fallback);
  }
  return value;
}

/** A boolean. */
export function readBoolean(mapping: YamlMapping, key: string, what: string, rule: FieldRule<boolean>): boolean {
  const field = mapping.fields.get(key);
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, '`true` or `false`');
  if (typeof field.value === 'string' && isQuoted(field) && /^(true|false)$/i.test(field.value.trim())) return quoted(mapping, field, '`true` or `false`', what, rule.fallback);
  if (typeof field.value !== 'boolean') return wrong(mapping, field, '`true` or `false`', what, rule.fallback);
  return field.value;
}

/** One of `choices`. */
export function readChoice<T extends string>(mapping: YamlMapping, key: string, what: string, choices: readonly T[], rule: FieldRule<T>): T {
  const field = mapping.fields.get(key);
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, `one of ${choices.join(', ')}`);
  if (typeof field.value !== 'string' || !(choices as readonly string[]).includes(field.value)) {
    return wrong(mapping, field, `one of ${choices.join(', ')}`, what, rule.fallback);
  }
  return field.value as T;
}

/** A list of strings each matching `pattern`. */
export function readStringList(mapping: YamlMapping, key: string, what: string, rule: FieldRule<string[]> & { pattern: RegExp; patternText: string }): string[] {
  const field = mapping.fields.get(key);
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, `a list of ${rule.patternText}`);
  if (!Array.isArray(field.value) || !field.value.every((item) => typeof item === 'string' && rule.pattern.test(item))) {
    return wrong(mapping, field, `a list of ${rule.patternText}`, what, rule.fallback);
  }
  return field.value as string[];
}
