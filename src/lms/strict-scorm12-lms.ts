// A strict SCORM 1.2 LMS (the tests' LMS double): the eight API calls answered as an LMS does,
// every rule of the run-time data model enforced (scorm-again is lenient), the record kept only
// when LMSCommit or LMSFinish succeeds, Moodle's status rules applied at LMSFinish.
//
// Error codes: before LMSInitialize every call fails with 301; a second LMSInitialize, and every
// call after LMSFinish, with 101 (nothing is stored); a parameter other than "" is 201, as are an
// unknown element and an array index past `_count` (n = _count appends an item); an element the
// LMS does not implement is 401; writing a keyword 402, a read-only element 403; reading a
// write-only element 404; a value of the wrong type or out of range 405. The value's type is
// checked before its index, as Moodle does.
import type { ApiMethod, Scorm12Api } from '../scorm12/api.js';
import { keywordMisuse, parseElementName, SCORM12_ELEMENTS, type ElementName } from '../scorm12/data-model.js';
import { errorString, ScormErrorCode, type ScormErrorCodeValue } from '../scorm12/errors.js';
import { buildRecord, copyRecord, flattenRecord, recordFromJson, type Scorm12Record } from '../scorm12/record.js';
import { relaunchCmi, type Learner } from '../scorm12/relaunch.js';
import { checkLaunchValues } from '../scorm12/launch-values.js';
import { orderViolations, phaseAfter, type SessionPhase } from '../scorm12/session-rules.js';
import { applyFinishRules } from './scorm12-finish-rules.js';

export interface LaunchInputs {
  /** The record the LMS kept from the learner's last session, or null for a new learner. */
  kept: Scorm12Record | null;
  /** Launch values by element name (see `launchValues` in lms-profiles.ts). */
  launchValues?: Readonly<Record<string, string>>;
  /** The manifest's adlcp:masteryscore, or null when it has none. */
  masteryScore: number | null;
  learner: Learner;
}

/** Moodle's initial values of elements a launch left empty: a learner with nothing recorded. */
const INITIAL_VALUES: Readonly<Record<string, string>> = {
  'cmi.core.lesson_status': 'not attempted',
  'cmi.core.total_time': '00:00:00',
};

/** The record a SCO starts from at this launch (see src/scorm12/relaunch.ts), with Moodle's initial values. */
export function launchRecord(inputs: LaunchInputs): Scorm12Record {
  checkLaunchValues(inputs.launchValues ?? {});
  const { values, counts } = flattenRecord(recordFromJson(relaunchCmi(inputs.kept, {
    learner: inputs.learner,
    masteryScore: inputs.masteryScore,
    totalTime: inputs.kept?.core.total_time ?? '',
    launchValues: inputs.launchValues,
  })));
  for (const [element, value] of Object.entries(INITIAL_VALUES)) if ((values.get(element) ?? '') === '') values.set(element, value);
  return buildRecord({ value: (element) => values.get(element) ?? '', count: (array) => counts.get(array) ?? 0 });
}

export interface StrictLmsOptions extends LaunchInputs {
  /** Moodle's "mastery score overrides status" (default true, Moodle's default). */
  masteryOverride?: boolean;
  /**
   * Element families the LMS does not implement (401), by model name: "cmi.interactions" covers
   * every element under it, "cmi.student_preference.audio" just that one.
   */
  unimplemented?: readonly string[];
}

export type SessionState = SessionPhase;

/** A refused call: its error code and what LMSGetDiagnostic says about it. */
class Refusal {
  constructor(readonly code: ScormErrorCodeValue, readonly diagnostic: string) {}
}

export class StrictScorm12Lms implements Scorm12Api {
  private sessionState: SessionState = 'not-initialized';
  private readonly values: Map<string, string>;
  private readonly counts: Map<string, number>;
  private lastError: ScormErrorCodeValue = ScormErrorCode.noError;
  private lastDiagnostic = '';
  private keptRecord: Scorm12Record | null;
  private readonly masteryOverride: boolean;
  private readonly unimplemented: readonly string[];

  constructor(options: StrictLmsOptions) {
    const start = flattenRecord(launchRecord(options));
    this.values = start.values;
    this.counts = start.counts;
    this.keptRecord = options.kept === null ? null : copyRecord(options.kept);
    this.masteryOverride = options.masteryOverride ?? true;
    this.unimplemented = options.unimplemented ?? [];
  }

  get state(): SessionState {
    return this.sessionState;
  }

  /** What the LMS keeps: the record at the last successful LMSCommit or LMSFinish, else the one it launched with. */
  kept(): Scorm12Record | null {
    return this.keptRecord === null ? null : copyRecord(this.keptRecord);
  }

  /** The record as the LMS holds it now, kept or not. */
  current(): Scorm12Record {
    return buildRecord({ value: (element) => this.values.get(element) ?? '', count: (array) => this.count(array) });
  }

  LMSInitialize(parameter: string): string {
    return this.answer(() => {
      this.requireSessionRules('LMSInitialize', parameter);
      this.sessionState = phaseAfter(this.sessionState, 'LMSInitialize', 'true');
      return 'true';
    }, 'false');
  }

  LMSFinish(parameter: string): string {
    return this.answer(() => {
      this.requireSessionRules('LMSFinish', parameter);
      const outcome = applyFinishRules({
        lessonStatus: this.value('cmi.core.lesson_status'),
        lessonMode: this.value('cmi.core.lesson_mode'),
        credit: this.value('cmi.core.credit'),
        masteryScore: this.value('cmi.student_data.mastery_score'),
        scoreRaw: this.value('cmi.core.score.raw'),
        totalTime: this.value('cmi.core.total_time'),
        sessionTime: this.value('cmi.core.session_time'),
        masteryOverride: this.masteryOverride,
      });
      this.values.set('cmi.core.lesson_status', outcome.lessonStatus);
      this.values.set('cmi.core.total_time', outcome.totalTime);
      this.keptRecord = this.current();
      this.sessionState = phaseAfter(this.sessionState, 'LMSFinish', 'true');
      return 'true';
    }, 'false');
  }

  LMSCommit(parameter: string): string {
    return this.answer(() => {
      this.requireSessionRules('LMSCommit', parameter);
      this.keptRecord = this.current();
      return 'true';
    }, 'false');
  }

  LMSGetValue(element: string): string {
    return this.answer(() => {
      const name = this.usableElement('LMSGetValue', element);
      const definition = SCORM12_ELEMENTS.get(name.model);
      if (definition === undefined) {
        const misuse = keywordMisuse(name.model);
        if (misuse === ScormErrorCode.elementCannotHaveChildren) throw new Refusal(misuse, `LMSGetValue(${element}): the element has no children`);
        if (misuse === ScormErrorCode.elementNotAnArray) throw new Refusal(misuse, `LMSGetValue(${element}): the element is not an array`);
        throw unknownElement('LMSGetValue', element);
      }
      if (definition.access === 'write-only') throw new Refusal(ScormErrorCode.elementIsWriteOnly, `LMSGetValue(${element}): the element is write-only`);
      for (const { array, index } of name.indices) {
        if (index >= this.count(array)) throw new Refusal(ScormErrorCode.invalidArgument, `LMSGetValue(${element}): ${array} has ${this.count(array)} items, there is no item ${index}`);
      }
      if (definition.keyword === 'count') return String(this.count(element.slice(0, -'._count'.length)));
      if (definition.fixedValue !== undefined) return definition.fixedValue;
      return this.value(element);
    }, '');
  }

  LMSSetValue(element: string, value: string): string {
    return this.answer(() => {
      const text = String(value);
      const call = `LMSSetValue(${element}, ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`;
      const name = this.usableElement('LMSSetValue', element);
      const definition = SCORM12_ELEMENTS.get(name.model);
      if (definition === undefined) throw unknownElement('LMSSetValue', element);
      if (definition.keyword !== undefined) throw new Refusal(ScormErrorCode.invalidSetValue, `${call}: ${name.model} is a keyword the LMS maintains`);
      if (definition.access === 'read-only') throw new Refusal(ScormErrorCode.elementIsReadOnly, `${call}: the element is read-only`);
      const stored = element === 'cmi.comments' ? this.value(element) + text : text;
      if (definition.type !== undefined && !definition.type.accepts(stored)) {
        const what = element === 'cmi.comments' ? `the comments with it (${stored.length} characters) are not a ${definition.type.name}` : `the value (${text.length} characters) is not a ${definition.type.name}`;
        throw new Refusal(ScormErrorCode.incorrectDataType, `${call}: ${what}`);
      }
      this.checkWritableIndices(call, name);
      for (const { array, index } of name.indices) {
        if (index === this.count(array)) this.counts.set(array, index + 1);
      }
      this.values.set(element, stored);
      return 'true';
    }, 'false');
  }

  LMSGetLastError(): string {
    return String(this.lastError);
  }

  LMSGetErrorString(code: string): string {
    return errorString(String(code));
  }

  LMSGetDiagnostic(code: string): string {
    const asked = String(code);
    return asked === '' || asked === String(this.lastError) ? this.lastDiagnostic : errorString(asked);
  }

  /** Run a call: its answer with error 0, or `failed` with the refusal's code and diagnostic. */
  private answer(call: () => string, failed: string): string {
    try {
      const result = call();
      this.lastError = ScormErrorCode.noError;
      this.lastDiagnostic = '';
      return result;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.lastError = error.code;
      this.lastDiagnostic = error.diagnostic;
      return failed;
    }
  }

  /**
   * Refuse a call that breaks a session rule (src/scorm12/session-rules.ts), with the code Moodle
   * answers, in Moodle's order: 101 after LMSFinish, 201 for a parameter other than "", 101 for a
   * second LMSInitialize, 301 before LMSInitialize.
   */
  private requireSessionRules(call: ApiMethod, parameter?: string): void {
    const broken = new Set(orderViolations(this.sessionState, call, parameter === undefined ? [] : [String(parameter)]).map((violation) => violation.rule));
    if (broken.has('call-after-finish')) throw new Refusal(ScormErrorCode.generalException, `${call}: the session was finished with LMSFinish; nothing more is accepted`);
    if (broken.has('argument-not-empty')) throw new Refusal(ScormErrorCode.invalidArgument, `${call}(${JSON.stringify(String(parameter))}): the parameter must be ""`);
    if (broken.has('initialize-twice')) throw new Refusal(ScormErrorCode.generalException, 'LMSInitialize: the session is already initialized');
    if (broken.has('call-before-initialize')) throw new Refusal(ScormErrorCode.notInitialized, `${call} before LMSInitialize`);
  }

  /** The checks every Get/SetValue starts with: a running session, an element name, implemented. */
  private usableElement(call: 'LMSGetValue' | 'LMSSetValue', element: string): ElementName {
    this.requireSessionRules(call);
    if (typeof element !== 'string' || element === '') throw new Refusal(ScormErrorCode.invalidArgument, `${call}: no element named`);
    const name = parseElementName(element);
    const family = this.unimplemented.find((prefix) => name.model === prefix || name.model.startsWith(`${prefix}.`));
    if (family !== undefined) throw new Refusal(ScormErrorCode.notImplemented, `${call}(${element}): this LMS does not implement ${family}`);
    return name;
  }

  /** Each index of a write is at most its array's `_count`; an index equal to it appends an item. */
  private checkWritableIndices(call: string, name: ElementName): void {
    for (const { array, index } of name.indices) {
      const count = this.count(array);
      if (index > count) throw new Refusal(ScormErrorCode.invalidArgument, `${call}: ${array} has ${count} items, so the next one is ${count}, not ${index}`);
    }
  }

  private value(element: string): string {
    return this.values.get(element) ?? '';
  }

  private count(array: string): number {
    return this.counts.get(array) ?? 0;
  }
}

function unknownElement(call: string, element: string): Refusal {
  return new Refusal(ScormErrorCode.invalidArgument, `${call}(${element}): not a SCORM 1.2 data model element`);
}
