// The run-time data model pieces both versions share: the access an element has, the LMS's
// keywords, what the element table says of an element, element names split into their model name
// ("n" for each array index) and array indices, and the check of an LMS profile's launch values.
// Each version has its own element table and data types.

export type Access = 'read-only' | 'write-only' | 'read-write';

export type Keyword = 'children' | 'count' | 'version';

/** What either version's data types have: a name for diagnostics, a form check and, in SCORM 2004, a range check. */
export interface CheckedType {
  readonly name: string;
  accepts(value: string): boolean;
  inRange?(value: string): boolean;
}

/** An element of a version's table, with `Type` the version's data type. */
export interface ElementDefinitionOf<Type extends CheckedType> {
  readonly access: Access;
  /** The LMS's own keywords: read-only (the version says what a write answers). */
  readonly keyword?: Keyword;
  /** What a `_children` or `_version` keyword reads. */
  readonly fixedValue?: string;
  /** The type of the element's values. */
  readonly type?: Type;
}

/** One array index inside an element name: `cmi.interactions.3.id` has index 3 of `cmi.interactions`. */
export interface ArrayIndex {
  /** The array, with its own indices filled in ("cmi.interactions.3.objectives"). */
  array: string;
  index: number;
}

export interface ElementName {
  /** The element as the course named it. */
  element: string;
  /** Its name in the data model, "n" for each index. */
  model: string;
  indices: ArrayIndex[];
}

const INDEX = /^(0|[1-9]\d*)$/;

/** Split an element name into its model name and array indices (an index has no leading zeros). */
export function parseElementName(element: string): ElementName {
  const segments = element.split('.');
  const indices: ArrayIndex[] = [];
  const model = segments.map((segment, position) => {
    if (!INDEX.test(segment)) return segment;
    indices.push({ array: segments.slice(0, position).join('.'), index: Number(segment) });
    return 'n';
  });
  return { element, model: model.join('.'), indices };
}

/**
 * Throws when a launch value (mode, credit, a passing score, a time limit… that an LMS sets before
 * the SCO starts) does not name a single cmi element of `elements`, the table of `version`
 * ("SCORM 1.2"), or is not of its type (or out of its range).
 */
export function checkLaunchValuesIn(elements: ReadonlyMap<string, ElementDefinitionOf<CheckedType>>, version: string, values: Readonly<Record<string, string>>): void {
  for (const [element, value] of Object.entries(values)) {
    const name = parseElementName(element);
    const definition = elements.get(name.model);
    if (definition === undefined || definition.keyword !== undefined || name.indices.length > 0 || !element.startsWith('cmi.')) throw new Error(`A launch value for ${element}, which is not a plain ${version} element`);
    const type = definition.type;
    if (type !== undefined && (!type.accepts(value) || type.inRange?.(value) === false)) throw new Error(`Launch value ${JSON.stringify(value)} for ${element} is not a ${type.name}`);
  }
}
