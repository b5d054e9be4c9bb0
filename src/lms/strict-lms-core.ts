// What the strict LMS doubles of both SCORM versions share (strict-scorm12-lms.ts,
// strict-scorm2004-lms.ts): the session's phase under the version's session rules, the values and
// array counts the LMS holds, the record kept when a commit or finish succeeds, the last error
// with its diagnostic, and the steps every GetValue and SetValue takes (a running session, an
// element named, implemented, in the data model, readable or writable, array indices within
// `_count`, n = _count appending an item). A version gives its method names, its error codes, its
// data model and session rules (`StrictLmsVersion`), and as methods of its class what its LMS
// does at finish, what a read answers and what a write must pass.

/** A refused call: its error code and what the diagnostic call says about it. */
export class Refusal {
  constructor(readonly code: number, readonly diagnostic: string) {}
}

/** An element name split into its model name ("n" for each index) and its array indices. */
export interface ElementName {
  element: string;
  model: string;
  indices: Array<{ array: string; index: number }>;
}

/** What the core reads of an element's definition in a version's data model. */
export interface ElementDefinition {
  readonly access: 'read-only' | 'write-only' | 'read-write';
  readonly keyword?: string;
  readonly fixedValue?: string;
}

/** A record as element values and array counts (a version's `flattenRecord`). */
export interface FlatRecord {
  values: Map<string, string>;
  counts: Map<string, number>;
}

/** Reads values and counts for a version's `buildRecord`. */
export interface RecordSource {
  value(element: string): string;
  count(array: string): number;
}

/** The record the values and counts make, by a version's `buildRecord` ("" and 0 for what is absent). */
export function recordOf<R>(build: (source: RecordSource) => R, { values, counts }: FlatRecord): R {
  return build({ value: (element) => values.get(element) ?? '', count: (array) => counts.get(array) ?? 0 });
}

/** One SCORM version's part of a strict LMS: names, rules, data model, record and error codes. */
export interface StrictLmsVersion<R, M extends string, P extends string, D extends ElementDefinition> {
  /** The version's method names of the calls the session rules govern. */
  calls: { initialize: M; finish: M; getValue: M; setValue: M; commit: M };
  /** The version's session rules (src/scorm12/session-rules.ts, src/scorm2004/session-rules.ts). */
  orderViolations(phase: P, method: M, args: readonly string[]): ReadonlyArray<{ rule: string }>;
  phaseAfter(phase: P, method: M, result: string): P;
  /** The refusal for the session rules a call broke (by rule id), with the version's code and in its order; undefined when none. */
  sessionRefusal(broken: ReadonlySet<string>, call: M, parameter: string | undefined): Refusal | undefined;
  /** GetValue or SetValue with no element named (or not a string). */
  noElement(call: M): Refusal;
  /** An element that is not in the data model (`elements`). */
  undefinedElement(call: M, element: string, name: ElementName): Refusal;
  parseElementName(element: string): ElementName;
  elements: ReadonlyMap<string, D>;
  record: { build(source: RecordSource): R; copy(record: R): R; flatten(record: R): FlatRecord };
  errorString(code: string): string;
  codes: {
    /** An element family the LMS does not implement. */
    notImplemented: number;
    writeOnly: number;
    readOnly: number;
    /** A write to a keyword (`_children`, `_count`, `_version`). */
    keyword: number;
    /** A read of an array index at or past `_count`. */
    readPastCount: number;
    /** A write of an array index past `_count`. */
    writePastCount: number;
  };
}

/** Options every strict LMS takes. */
export interface StrictLmsStart<R> {
  /** The record the SCO starts from at this launch. */
  start: R;
  /** The record the LMS kept from the last session, or null. */
  kept: R | null;
  /** Element families the LMS does not implement, by model name (a family covers every element under it). */
  unimplemented?: readonly string[];
}

/**
 * The session of a strict LMS. A version's class extends it, answers its eight API methods by
 * the protected calls here (`initialize` … `diagnostic`), and says what its LMS does at finish
 * (`atFinish`), what a read of a plain element answers (`readValue`) and what a write must pass
 * before it is stored (`checkWrite`).
 */
export abstract class StrictLmsCore<R, M extends string, P extends string, D extends ElementDefinition> {
  // Both versions' session rules start in 'not-initialized'.
  private phase = 'not-initialized' as P;
  private readonly values: Map<string, string>;
  private readonly counts: Map<string, number>;
  private lastErrorCode = 0;
  private lastDiagnostic = '';
  private keptRecord: R | null;
  private readonly unimplemented: readonly string[];

  protected constructor(private readonly version: StrictLmsVersion<R, M, P, D>, options: StrictLmsStart<R>) {
    const start = version.record.flatten(options.start);
    this.values = start.values;
    this.counts = start.counts;
    this.keptRecord = options.kept === null ? null : version.record.copy(options.kept);
    this.unimplemented = options.unimplemented ?? [];
  }

  get state(): P {
    return this.phase;
  }

  /** What the LMS keeps: the record at the last successful commit or finish, else the one it launched with. */
  kept(): R | null {
    return this.keptRecord === null ? null : this.version.record.copy(this.keptRecord);
  }

  /** The record as the LMS holds it now, kept or not. */
  current(): R {
    return recordOf(this.version.record.build, { values: this.values, counts: this.counts });
  }

  /** What the LMS does to the values at a successful finish, before it keeps the record. */
  protected abstract atFinish(): void;

  /** What GetValue answers for an element that is neither `_count` nor a fixed keyword. */
  protected abstract readValue(element: string, definition: D): string;

  /**
   * The version's checks of a write, in its order (`checkWritableIndices` among them), after
   * the element was found writable; returns the value to store.
   */
  protected abstract checkWrite(call: string, element: string, name: ElementName, definition: D, text: string): string;

  protected initialize(parameter: string): string {
    return this.parameterCall('initialize', parameter, () => {
      this.phase = this.version.phaseAfter(this.phase, this.version.calls.initialize, 'true');
    });
  }

  protected finish(parameter: string): string {
    return this.parameterCall('finish', parameter, () => {
      this.atFinish();
      this.keptRecord = this.current();
      this.phase = this.version.phaseAfter(this.phase, this.version.calls.finish, 'true');
    });
  }

  protected commit(parameter: string): string {
    return this.parameterCall('commit', parameter, () => {
      this.keptRecord = this.current();
    });
  }

  protected getValue(element: string): string {
    const call = this.version.calls.getValue;
    return this.answer(() => {
      this.requireSessionRules(call);
      const name = this.implementedElement(call, element);
      const definition = this.definitionOf(call, element, name);
      if (definition.access === 'write-only') throw new Refusal(this.version.codes.writeOnly, `${call}(${element}): the element is write-only`);
      for (const { array, index } of name.indices) {
        if (index >= this.count(array)) throw new Refusal(this.version.codes.readPastCount, `${call}(${element}): ${array} has ${this.count(array)} items, there is no item ${index}`);
      }
      if (definition.keyword === 'count') return String(this.count(element.slice(0, -'._count'.length)));
      if (definition.fixedValue !== undefined) return definition.fixedValue;
      return this.readValue(element, definition);
    }, '');
  }

  protected setValue(element: string, value: string): string {
    return this.answer(() => {
      this.requireSessionRules(this.version.calls.setValue);
      const text = String(value);
      const call = `${this.version.calls.setValue}(${String(element)}, ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`;
      const name = this.implementedElement(this.version.calls.setValue, element);
      const definition = this.definitionOf(this.version.calls.setValue, element, name);
      if (definition.keyword !== undefined) throw new Refusal(this.version.codes.keyword, `${call}: ${name.model} is a keyword the LMS maintains`);
      if (definition.access === 'read-only') throw new Refusal(this.version.codes.readOnly, `${call}: the element is read-only`);
      const stored = this.checkWrite(call, element, name, definition, text);
      for (const { array, index } of name.indices) {
        if (index === this.count(array)) this.counts.set(array, index + 1);
      }
      this.hold(element, stored);
      return 'true';
    }, 'false');
  }

  protected lastError(): string {
    return String(this.lastErrorCode);
  }

  protected errorString(code: string): string {
    return this.version.errorString(String(code));
  }

  protected diagnostic(code: string): string {
    const asked = String(code);
    return asked === '' || asked === String(this.lastErrorCode) ? this.lastDiagnostic : this.version.errorString(asked);
  }

  /** Each index of a write is at most its array's `_count`; an index equal to it appends an item. */
  protected checkWritableIndices(call: string, name: ElementName): void {
    for (const { array, index } of name.indices) {
      const count = this.count(array);
      if (index > count) throw new Refusal(this.version.codes.writePastCount, `${call}: ${array} has ${count} items, so the next one is ${count}, not ${index}`);
    }
  }

  /** The value the LMS holds for an element ("" when none). */
  protected value(element: string): string {
    return this.values.get(element) ?? '';
  }

  /** Store a value the LMS holds (a successful write, or the LMS's own at finish). */
  protected hold(element: string, value: string): void {
    this.values.set(element, value);
  }

  protected count(array: string): number {
    return this.counts.get(array) ?? 0;
  }

  /** Run a call: its answer with error 0, or `failed` with the refusal's code and diagnostic. */
  private answer(call: () => string, failed: string): string {
    try {
      const result = call();
      this.lastErrorCode = 0;
      this.lastDiagnostic = '';
      return result;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.lastErrorCode = error.code;
      this.lastDiagnostic = error.diagnostic;
      return failed;
    }
  }

  /** Initialize, finish or commit: "true" once the call passed the session rules and `effect` ran, else "false". */
  private parameterCall(call: 'initialize' | 'finish' | 'commit', parameter: string, effect: () => void): string {
    return this.answer(() => {
      this.requireSessionRules(this.version.calls[call], parameter);
      effect();
      return 'true';
    }, 'false');
  }

  /** Refuse a call that breaks a session rule, as the version says. */
  private requireSessionRules(call: M, parameter?: string): void {
    const broken = new Set(this.version.orderViolations(this.phase, call, parameter === undefined ? [] : [String(parameter)]).map((violation) => violation.rule));
    const refusal = this.version.sessionRefusal(broken, call, parameter);
    if (refusal !== undefined) throw refusal;
  }

  /** An element named (a non-empty string) that the LMS implements, split into its model name and indices. */
  private implementedElement(call: M, element: string): ElementName {
    if (typeof element !== 'string' || element === '') throw this.version.noElement(call);
    const name = this.version.parseElementName(element);
    const family = this.unimplemented.find((prefix) => name.model === prefix || name.model.startsWith(`${prefix}.`));
    if (family !== undefined) throw new Refusal(this.version.codes.notImplemented, `${call}(${element}): this LMS does not implement ${family}`);
    return name;
  }

  private definitionOf(call: M, element: string, name: ElementName): D {
    const definition = this.version.elements.get(name.model);
    if (definition === undefined) throw this.version.undefinedElement(call, element, name);
    return definition;
  }
}
