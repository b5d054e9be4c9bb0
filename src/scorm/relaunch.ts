// The relaunch both versions share: the CMI a SCO starts from at its next launch, from the record
// the LMS kept of the learner's last session. First the LMS's own facts at this launch (the
// learner, entry, normal mode with credit, the total time, the passing score: each version names
// and words them), then what the SCO wrote and the LMS hands back, then the launch values of an
// LMS profile over it all. It does not load a data model (the learner runtime bundles this file).

/** A CMI record as nested objects under `cmi` (scorm-again's renderCMIToJSONObject().cmi, or a version's record). */
export type CmiTree = Record<string, unknown>;

export interface Learner {
  id: string;
  name: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path under `cmi` ("core.exit") of a CMI tree, undefined where there is none. */
export function valueAt(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split('.')) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Set `path` in nested plain objects, creating (or replacing non-objects with) objects on the way. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child: Record<string, unknown> = isObject(next) ? next : {};
  target[head] = child;
  setAt(child, rest, value);
}

/** cmi credit for the mode an LMS launches in (`mode`, "normal" when it says none): an LMS gives credit in normal mode only, unless it says otherwise. */
export function creditFor(mode: string | undefined): 'credit' | 'no-credit' {
  return (mode ?? 'normal') === 'normal' ? 'credit' : 'no-credit';
}

/**
 * The CMI a SCO starts from at this launch, as nested objects under `cmi` (what scorm-again's
 * loadFromJSON takes): `own`, the LMS's facts by dotted path under `cmi` in order (one whose value
 * is undefined is left out), then the values `kept` has at the paths of `handedBack` (copied),
 * then `launchValues` by element name. Only elements with a value are present: an LMS fills in
 * the rest with its initial values. `kept` is not changed.
 */
export function relaunchTree(
  own: readonly (readonly [path: string, value: string | undefined])[],
  kept: CmiTree | null,
  handedBack: readonly string[],
  launchValues: Readonly<Record<string, string>> = {},
): CmiTree {
  const cmi: CmiTree = {};
  for (const [path, value] of own) if (value !== undefined) setAt(cmi, path.split('.'), value);
  for (const path of handedBack) {
    const value = valueAt(kept, path);
    if (value !== undefined) setAt(cmi, path.split('.'), JSON.parse(JSON.stringify(value)) as unknown);
  }
  for (const [element, value] of Object.entries(launchValues)) setAt(cmi, element.split('.').slice(1), value);
  return cmi;
}
