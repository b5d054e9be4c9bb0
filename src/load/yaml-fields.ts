// Reads a YAML mapping (course.yaml, edition.yaml, lesson front matter) into positioned fields and
// plain data, reporting syntax errors as vfile messages, and finds the node (so the place) of any
// value in it. course.yaml's and edition.yaml's values are checked against their JSON Schemas
// (schema-validation.ts); lesson front matter uses the field readers at the end of this file.
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { quote, report, type RuleId } from '../model/messages.js';

export interface YamlField {
  key: string;
  value: unknown;
  node: Node | null;
  keyPlace: Position;
  valuePlace: Position;
}

export interface YamlMapping {
  file: VFile;
  /** The parsed document, for the nodes (and places) of nested values. */
  document: Document;
  /** The whole mapping as plain data (aliases resolved): what a JSON Schema validates. */
  value: Record<string, unknown>;
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
/** Aliases a document may expand (yaml's own default): more is a billion-laughs document. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parse `text` as a YAML mapping. Returns undefined (after reporting) when it is not valid YAML
 * or not a mapping. `what` names the document in messages (e.g. "course.yaml").
 */
export function readYamlMapping(file: VFile, text: string, what: string, origin: YamlOrigin = FILE_START): YamlMapping | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
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
    return { file, document: doc, value: {}, fields: new Map(), place: whole, toPosition };
  }
  if (!isMap(contents)) {
    report(file, `Unexpected ${describeNode(contents)} in ${what}, expected a mapping of keys to values`, toPosition(contents?.range), 'yaml-not-mapping');
    return undefined;
  }
  let value: Record<string, unknown>;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    report(file, `Unexpected invalid YAML in ${what} (${detail}), expected a valid YAML mapping`, whole.start, 'yaml-invalid');
    return undefined;
  }
  return { ...mappingOf(file, contents, toPosition, whole), document: doc, value };
}

function mappingOf(file: VFile, map: YAMLMap, toPosition: YamlMapping['toPosition'], place: Position): Omit<YamlMapping, 'document' | 'value'> {
  const fields = new Map<string, YamlField>();
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const key = keyText(keyNode);
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

/** A map key as plain data names it (`1` for the number 1, `` for a null key). */
function keyText(key: Node | null): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  return String(key);
}

/** The nodes of the value at `path` (keys of mappings, indexes of lists) and of its key; undefined when there is none. */
export function yamlNodesAt(mapping: YamlMapping, path: readonly string[]): { key: Node | undefined; value: Node | undefined } | undefined {
  let value: unknown = mapping.document.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isAlias(value)) value = value.resolve(mapping.document);
    if (isMap(value)) {
      const pair = value.items.find((item) => keyText(item.key as Node | null) === segment);
      if (pair === undefined) return undefined;
      key = pair.key as Node;
      value = pair.value ?? undefined;
    } else if (isSeq(value)) {
      value = value.items[Number(segment)];
      key = undefined;
      if (value === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { key, value: value as Node | undefined };
}

/** A scalar exactly as written in the YAML (`1.10` for the number 1.1); undefined for other nodes. */
export function writtenText(node: Node | null | undefined): string | undefined {
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** Whether the node is a scalar written in quotes (`"80"`, `'true'`). */
export function isQuotedScalar(node: Node | null | undefined): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

// Field readers for edition.yaml and lesson front matter.

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

/** A number or boolean written in quotes is text to YAML: say so, with the line to write instead. */
function quoted<T>(mapping: YamlMapping, field: YamlField, kind: string, what: string, fallback: T): T {
  const bare = String(field.value).trim();
  const mark = isScalar(field.node) && field.node.type === 'QUOTE_SINGLE' ? "'" : '"';
  report(mapping.file, `Unexpected text ${quote(`${mark}${String(field.value)}${mark}`)} for ${quote(field.key)} in ${what}, expected ${kind} without quotes: remove the quotes (\`${field.key}: ${bare}\`)`, field.valuePlace, 'value-quoted');
  return fallback;
}

function wrong<T>(mapping: YamlMapping, field: YamlField, expected: string, what: string, fallback: T, ruleId: RuleId = 'invalid-value'): T {
  report(mapping.file, `Unexpected ${quote(field.value)} for ${quote(field.key)} in ${what}, expected ${expected}`, field.valuePlace, ruleId);
  return fallback;
}

/** A string value, optionally matching `pattern` (described by `patternText`). */
export function readString(mapping: YamlMapping, key: string, what: string, rule: FieldRule<string> & { pattern?: RegExp; patternText?: string; ruleId?: RuleId }): string {
  const field = mapping.fields.get(key);
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, rule.patternText ?? 'a non-empty text');
  const value = typeof field.value === 'number' ? String(field.value) : field.value;
  if (typeof value !== 'string' || value.trim() === '') return wrong(mapping, field, 'a non-empty text', what, rule.fallback);
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    return wrong(mapping, field, rule.patternText ?? `text matching ${rule.pattern.source}`, what, rule.fallback, rule.ruleId);
  }
  return value;
}

/** A boolean. */
export function readBoolean(mapping: YamlMapping, key: string, what: string, rule: FieldRule<boolean>): boolean {
  const field = mapping.fields.get(key);
  if (field === undefined || field.value === null) return missing(mapping, key, what, rule, '`true` or `false`');
  if (typeof field.value === 'string' && isQuotedScalar(field.node) && /^(true|false)$/i.test(field.value.trim())) return quoted(mapping, field, '`true` or `false`', what, rule.fallback);
  if (typeof field.value !== 'boolean') return wrong(mapping, field, '`true` or `false`', what, rule.fallback);
  return field.value;
}
