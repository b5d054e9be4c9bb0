// What the learner records of both versions share: an LMS's record of one SCO is every cmi
// element as a string, arrays as objects keyed "0", "1", … (the shape scorm-again renders). Each
// version lists its record's fields once, in its `buildRecord` over a `RecordSource`; this module
// reads such a source from JSON and flattens a record back to element values.
import { parseElementName } from './data-model.js';

/** Reads a record's value by element name ("" when absent) and an array's length. */
export interface RecordSource {
  value(element: string): string;
  count(array: string): number;
}

/** An array object of `count` items keyed "0", "1", …, each made by `item`. */
export function indexed<T>(count: number, item: (index: number) => T): Record<string, T> {
  const items: Record<string, T> = {};
  for (let index = 0; index < count; index++) items[String(index)] = item(index);
  return items;
}

/** The source of a record with every field empty. */
export const EMPTY_SOURCE: RecordSource = { value: () => '', count: () => 0 };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node at a dotted element name inside a JSON tree whose root is `cmi`. */
function nodeAt(root: unknown, element: string): unknown {
  let node: unknown = root;
  for (const key of element.split('.').slice(1)) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** How many items "0", "1", … an array object has, counting up to the first gap. */
function contiguousCount(node: unknown): number {
  if (!isObject(node)) return 0;
  let count = 0;
  while (count in node) count++;
  return count;
}

/**
 * The source of a record from any JSON in the record's shape (a record that went through JSON,
 * or scorm-again's CMI object): missing or non-string values are empty, arrays end at their first gap.
 */
export function jsonSource(json: unknown): RecordSource {
  return {
    value: (element) => {
      const node = nodeAt(json, element);
      return typeof node === 'string' ? node : typeof node === 'number' ? String(node) : '';
    },
    count: (array) => contiguousCount(nodeAt(json, array)),
  };
}

/** Every value of a record by element name, and the length of each of its arrays (`arrays`, the version's, by model name). */
export function flattenTree(record: object, arrays: readonly string[]): { values: Map<string, string>; counts: Map<string, number> } {
  const values = new Map<string, string>();
  const counts = new Map<string, number>();
  const walk = (node: unknown, element: string): void => {
    if (typeof node === 'string') {
      values.set(element, node);
      return;
    }
    if (!isObject(node)) return;
    const keys = Object.keys(node);
    if (arrays.includes(parseElementName(element).model)) counts.set(element, keys.length);
    for (const key of keys) walk(node[key], `${element}.${key}`);
  };
  walk(record, 'cmi');
  return { values, counts };
}
