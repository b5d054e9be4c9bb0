// A strict SCORM 2004 4th Edition LMS (the tests' LMS double): the eight API calls answered as the
// book and ADL's sample RTE answer them, every rule of the run-time data model enforced (scorm-again
// is lenient), the record kept only when Commit or Terminate succeeds, the LMS's own status
// evaluation and total time at Terminate (scorm2004-terminate-rules.ts).
//
// Error codes: Initialize twice 103, after Terminate 104; a session call before Initialize 112,
// 122, 132 or 142, after Terminate 113, 123, 133 or 143; a parameter other than "" 201; GetValue
// of "" or of an index past `_count`, `_children` or `_count` of an element without them 301;
// SetValue of "" or of an index past `_count` (n = _count appends an item) 351; an unknown
// element 401, one the LMS does not implement 402; reading an element that has no value yet 403;
// writing a keyword or a read-only element 404; reading a write-only element 405; a value of the
// wrong type (or longer than its smallest permitted maximum) 406, out of range 407; an
// interaction's type before its id, or its responses before its type 408.
import type { ApiMethod, Scorm2004Api } from '../scorm2004/api.js';
import { dependencyOf, parseElementName, SCORM2004_ARRAYS, SCORM2004_ELEMENTS, type ElementName } from '../scorm2004/data-model.js';
import { AFTER_TERMINATE, BEFORE_INITIALIZE, errorString, Scorm2004ErrorCode, type Scorm2004ErrorCodeValue } from '../scorm2004/errors.js';
import { buildRecord, copyRecord, flattenRecord, type Scorm2004Record } from '../scorm2004/record.js';
import { relaunchCmi, type Learner } from '../scorm2004/relaunch.js';
import { checkLaunchValues } from '../scorm2004/launch-values.js';
import { responseAccepted } from '../scorm2004/responses.js';
import { orderViolations, phaseAfter, type SessionPhase } from '../scorm2004/session-rules.js';
import { INTERACTION_TYPES, type InteractionTypeWord } from '../scorm2004/vocabulary.js';
import { applyTerminateRules, evaluatedCompletion, evaluatedSuccess, type StatusInputs } from './scorm2004-terminate-rules.js';

export interface LaunchInputs2004 {
  /** The record the LMS kept from the learner's last session, or null for a new learner. */
  kept: Scorm2004Record | null;
  /** Launch values by element name (see the SCORM 2004 profiles in lms-profiles.ts). */
  launchValues?: Readonly<Record<string, string>>;
  /** The manifest's scaled passing score (−1…1), or null when it has none. */
  scaledPassingScore: number | null;
  learner: Learner;
}

/** The initial value of every element that has one (the data model's), for a launch that left it empty. */
function initialValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (const [model, definition] of SCORM2004_ELEMENTS) {
    if (definition.initial !== undefined && !model.includes('.n.') && model.startsWith('cmi.')) values.set(model, definition.initial);
  }
  return values;
}

/** The record a SCO starts from at this launch (see src/scorm2004/relaunch.ts), with the LMS's initial values. */
export function launchRecord2004(inputs: LaunchInputs2004): Scorm2004Record {
  checkLaunchValues(inputs.launchValues ?? {});
  // The elements the relaunch gives (an entry of "" included); the LMS's initial values for the rest.
  const { values, counts } = flattenRecord(relaunchCmi(inputs.kept, {
    learner: inputs.learner,
    scaledPassingScore: inputs.scaledPassingScore,
    totalTime: inputs.kept?.total_time ?? '',
    launchValues: inputs.launchValues,
  }) as unknown as Scorm2004Record);
  for (const [element, value] of initialValues()) if ((values.get(element) ?? '') === '' && element !== 'cmi.entry') values.set(element, value);
  if (!values.has('cmi.entry')) values.set('cmi.entry', 'ab-initio');
  return buildRecord({ value: (element) => values.get(element) ?? '', count: (array) => counts.get(array) ?? 0 });
}

export interface StrictLms2004Options extends LaunchInputs2004 {
  /**
   * Element families the LMS does not implement (402), by model name: "cmi.interactions" covers
   * every element under it, "cmi.learner_preference.audio_level" just that one.
   */
  unimplemented?: readonly string[];
}

/** A refused call: its error code and what GetDiagnostic says about it. */
class Refusal {
  constructor(readonly code: Scorm2004ErrorCodeValue, readonly diagnostic: string) {}
}

function isInteractionType(value: string): value is InteractionTypeWord {
  return (INTERACTION_TYPES as readonly string[]).includes(value);
}

export class StrictScorm2004Lms implements Scorm2004Api {
  private sessionState: SessionPhase = 'not-initialized';
  private readonly values: Map<string, string>;
  private readonly counts: Map<string, number>;
  private lastError: Scorm2004ErrorCodeValue = Scorm2004ErrorCode.noError;
  private lastDiagnostic = '';
  private keptRecord: Scorm2004Record | null;
  private readonly unimplemented: readonly string[];
  private navigation = '_none_';

  constructor(options: StrictLms2004Options) {
    const start = flattenRecord(launchRecord2004(options));
    this.values = start.values;
    this.counts = start.counts;
    this.keptRecord = options.kept === null ? null : copyRecord(options.kept);
    this.unimplemented = options.unimplemented ?? [];
  }

  get state(): SessionPhase {
    return this.sessionState;
  }

  /** What the LMS keeps: the record at the last successful Commit or Terminate, else the one it launched with. */
  kept(): Scorm2004Record | null {
    return this.keptRecord === null ? null : copyRecord(this.keptRecord);
  }

  /** The record as the LMS holds it now, kept or not. */
  current(): Scorm2004Record {
    return buildRecord({ value: (element) => this.values.get(element) ?? '', count: (array) => this.count(array) });
  }

  /** adl.nav.request as the SCO left it: what the LMS does once the SCO has terminated. */
  navRequest(): string {
    return this.navigation;
  }

  Initialize(parameter: string): string {
    return this.answer(() => {
      this.requireSessionRules('Initialize', parameter);
      this.sessionState = phaseAfter(this.sessionState, 'Initialize', 'true');
      return 'true';
    }, 'false');
  }

  Terminate(parameter: string): string {
    return this.answer(() => {
      this.requireSessionRules('Terminate', parameter);
      const outcome = applyTerminateRules({ ...this.statusInputs(), totalTime: this.value('cmi.total_time'), sessionTime: this.value('cmi.session_time') });
      this.values.set('cmi.completion_status', outcome.completionStatus);
      this.values.set('cmi.success_status', outcome.successStatus);
      this.values.set('cmi.total_time', outcome.totalTime);
      this.keptRecord = this.current();
      this.sessionState = phaseAfter(this.sessionState, 'Terminate', 'true');
      return 'true';
    }, 'false');
  }

  Commit(parameter: string): string {
    return this.answer(() => {
      this.requireSessionRules('Commit', parameter);
      this.keptRecord = this.current();
      return 'true';
    }, 'false');
  }

  GetValue(element: string): string {
    return this.answer(() => {
      this.requireSessionRules('GetValue');
      if (typeof element !== 'string' || element === '') throw new Refusal(Scorm2004ErrorCode.generalGetFailure, 'GetValue(""): no element named');
      const name = this.knownElement('GetValue', element);
      const definition = SCORM2004_ELEMENTS.get(name.model);
      if (definition === undefined) throw this.undefinedElement('GetValue', element, name);
      if (definition.access === 'write-only') throw new Refusal(Scorm2004ErrorCode.elementIsWriteOnly, `GetValue(${element}): the element is write-only`);
      for (const { array, index } of name.indices) {
        if (index >= this.count(array)) throw new Refusal(Scorm2004ErrorCode.generalGetFailure, `GetValue(${element}): ${array} has ${this.count(array)} items, there is no item ${index}`);
      }
      if (definition.keyword === 'count') return String(this.count(element.slice(0, -'._count'.length)));
      if (definition.fixedValue !== undefined) return definition.fixedValue;
      if (element === 'cmi.completion_status') return evaluatedCompletion(this.statusInputs());
      if (element === 'cmi.success_status') return evaluatedSuccess(this.statusInputs());
      const value = element === 'adl.nav.request' ? this.navigation : this.value(element);
      if (value === '' && definition.initial === undefined) throw new Refusal(Scorm2004ErrorCode.valueNotInitialized, `GetValue(${element}): the element has no value yet`);
      return value;
    }, '');
  }

  SetValue(element: string, value: string): string {
    return this.answer(() => {
      this.requireSessionRules('SetValue');
      const text = String(value);
      const call = `SetValue(${String(element)}, ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`;
      if (typeof element !== 'string' || element === '') throw new Refusal(Scorm2004ErrorCode.generalSetFailure, 'SetValue(""): no element named');
      const name = this.knownElement('SetValue', element);
      const definition = SCORM2004_ELEMENTS.get(name.model);
      if (definition === undefined) throw this.undefinedElement('SetValue', element, name);
      if (definition.keyword !== undefined) throw new Refusal(Scorm2004ErrorCode.elementIsReadOnly, `${call}: ${name.model} is a keyword the LMS maintains`);
      if (definition.access === 'read-only') throw new Refusal(Scorm2004ErrorCode.elementIsReadOnly, `${call}: the element is read-only`);
      this.checkWritableIndices(call, name);
      this.checkDependency(call, element);
      this.checkValue(call, element, name, text);
      for (const { array, index } of name.indices) {
        if (index === this.count(array)) this.counts.set(array, index + 1);
      }
      if (element === 'adl.nav.request') this.navigation = text;
      else this.values.set(element, text);
      return 'true';
    }, 'false');
  }

  GetLastError(): string {
    return String(this.lastError);
  }

  GetErrorString(code: string): string {
    return errorString(String(code));
  }

  GetDiagnostic(code: string): string {
    const asked = String(code);
    return asked === '' || asked === String(this.lastError) ? this.lastDiagnostic : errorString(asked);
  }

  private statusInputs(): StatusInputs {
    return {
      completionStatus: this.value('cmi.completion_status'),
      successStatus: this.value('cmi.success_status'),
      completionThreshold: this.value('cmi.completion_threshold'),
      progressMeasure: this.value('cmi.progress_measure'),
      scaledPassingScore: this.value('cmi.scaled_passing_score'),
      scoreScaled: this.value('cmi.score.scaled'),
    };
  }

  /** Run a call: its answer with error 0, or `failed` with the refusal's code and diagnostic. */
  private answer(call: () => string, failed: string): string {
    try {
      const result = call();
      this.lastError = Scorm2004ErrorCode.noError;
      this.lastDiagnostic = '';
      return result;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.lastError = error.code;
      this.lastDiagnostic = error.diagnostic;
      return failed;
    }
  }

  /** Refuse a call that breaks a session rule (src/scorm2004/session-rules.ts), with the book's code. */
  private requireSessionRules(call: Exclude<ApiMethod, 'GetLastError' | 'GetErrorString' | 'GetDiagnostic'>, parameter?: string): void {
    const broken = new Set(orderViolations(this.sessionState, call, parameter === undefined ? [] : [String(parameter)]).map((violation) => violation.rule));
    if (broken.has('2004-call-after-terminate')) throw new Refusal(AFTER_TERMINATE[call], `${call}: the session was ended with Terminate; nothing more is accepted`);
    if (broken.has('2004-initialize-twice')) throw new Refusal(Scorm2004ErrorCode.alreadyInitialized, 'Initialize: the session is already initialized');
    if (broken.has('2004-call-before-initialize') && call !== 'Initialize') throw new Refusal(BEFORE_INITIALIZE[call], `${call} before Initialize`);
    if (broken.has('2004-argument-not-empty')) throw new Refusal(Scorm2004ErrorCode.generalArgumentError, `${call}(${JSON.stringify(String(parameter))}): the parameter must be ""`);
  }

  /** An element the LMS implements (402 otherwise), split into its model name and indices. */
  private knownElement(call: 'GetValue' | 'SetValue', element: string): ElementName {
    const name = parseElementName(element);
    const family = this.unimplemented.find((prefix) => name.model === prefix || name.model.startsWith(`${prefix}.`));
    if (family !== undefined) throw new Refusal(Scorm2004ErrorCode.unimplementedDataModelElement, `${call}(${element}): this LMS does not implement ${family}`);
    return name;
  }

  /** 301 for `_children`/`_count` misused on GetValue, else 401. */
  private undefinedElement(call: 'GetValue' | 'SetValue', element: string, name: ElementName): Refusal {
    const keyword = /^(.+)\.(_children|_count)$/.exec(name.model);
    if (call === 'GetValue' && keyword !== null && (SCORM2004_ELEMENTS.has(keyword[1]!) || SCORM2004_ARRAYS.includes(keyword[1]!) || [...SCORM2004_ELEMENTS.keys()].some((model) => model.startsWith(`${keyword[1]!}.`)))) {
      return new Refusal(Scorm2004ErrorCode.generalGetFailure, `GetValue(${element}): the element has no ${keyword[2]!}`);
    }
    return new Refusal(Scorm2004ErrorCode.undefinedDataModelElement, `${call}(${element}): not a SCORM 2004 data model element`);
  }

  /** Each index of a write is at most its array's `_count`; an index equal to it appends an item. */
  private checkWritableIndices(call: string, name: ElementName): void {
    for (const { array, index } of name.indices) {
      const count = this.count(array);
      if (index > count) throw new Refusal(Scorm2004ErrorCode.generalSetFailure, `${call}: ${array} has ${count} items, so the next one is ${count}, not ${index}`);
    }
  }

  /** An interaction's type needs its id, its responses its type (and so on): 408 otherwise. */
  private checkDependency(call: string, element: string): void {
    const needed = dependencyOf(element);
    if (needed === undefined) return;
    if (this.value(needed) === '') throw new Refusal(Scorm2004ErrorCode.dependencyNotEstablished, `${call}: ${needed} must be set first`);
  }

  private checkValue(call: string, element: string, name: ElementName, text: string): void {
    const response = /^(cmi\.interactions\.\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
    if (response !== null) {
      const type = this.value(`${response[1]!}.type`);
      const kind = response[2] === 'learner_response' ? 'learner_response' : 'pattern';
      if (!isInteractionType(type) || !responseAccepted(type, text, kind)) throw new Refusal(Scorm2004ErrorCode.typeMismatch, `${call}: not a ${kind} of a ${type} interaction`);
      return;
    }
    const type = SCORM2004_ELEMENTS.get(name.model)?.type;
    if (type === undefined) return;
    if (!type.accepts(text)) throw new Refusal(Scorm2004ErrorCode.typeMismatch, `${call}: the value (${text.length} characters) is not a ${type.name}`);
    if (type.inRange?.(text) === false) throw new Refusal(Scorm2004ErrorCode.valueOutOfRange, `${call}: the value is outside the range of ${type.name}`);
  }

  private value(element: string): string {
    return this.values.get(element) ?? '';
  }

  private count(array: string): number {
    return this.counts.get(array) ?? 0;
  }
}
