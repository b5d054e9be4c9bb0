// A strict SCORM 1.2 LMS (the tests' LMS double): the eight API calls answered as an LMS does,
// every rule of the run-time data model enforced (scorm-again is lenient), the record kept only
// when LMSCommit or LMSFinish succeeds, Moodle's status rules applied at LMSFinish. DOM-free.
//
// Error codes: before LMSInitialize every call fails with 301; a second LMSInitialize, and every
// call after LMSFinish, with 101 (nothing is stored); a parameter other than "" is 201, as are an
// unknown element and an array index past `_count` (n = _count appends an item); an element the
// LMS does not implement is 401; writing a keyword 402, a read-only element 403; reading a
// write-only element 404; a value of the wrong type or out of range 405. The value's type is
// checked before its index, as Moodle does.
import type { Scorm12Api } from '../runtime/scorm12-api.js';
import { keywordMisuse, parseElementName, SCORM12_ELEMENTS, type ElementName } from './scorm12-data-model.js';
import { LMS_ERROR, errorString, type LmsErrorCode } from './scorm12-errors.js';
import { applyFinishRules } from './scorm12-finish-rules.js';
import { launchRecord, type LaunchInputs } from './scorm12-launch-record.js';
import { buildRecord, copyRecord, flattenRecord, type Scorm12Record } from './scorm12-record.js';

export interface StrictLmsOptions extends LaunchInputs {
  /** Moodle's "mastery score overrides status" (default true, Moodle's default). */
  masteryOverride?: boolean;
  /**
   * Element families the LMS does not implement (401), by model name: "cmi.interactions" covers
   * every element under it, "cmi.student_preference.audio" just that one.
   */
  unimplemented?: readonly string[];
}

export type SessionState = 'not-initialized' | 'running' | 'finished';

/** A refused call: its error code and what LMSGetDiagnostic says about it. */
class Refusal {
  constructor(readonly code: LmsErrorCode, readonly diagnostic: string) {}
}

export class StrictScorm12Lms implements Scorm12Api {
  private sessionState: SessionState = 'not-initialized';
  private readonly values: Map<string, string>;
  private readonly counts: Map<string, number>;
  private lastError: LmsErrorCode = LMS_ERROR.noError;
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
      this.refuseAfterFinish('LMSInitialize');
      this.requireEmptyParameter('LMSInitialize', parameter);
      if (this.sessionState === 'running') throw new Refusal(LMS_ERROR.generalException, 'LMSInitialize: the session is already initialized');
      this.sessionState = 'running';
      return 'true';
    }, 'false');
  }

  LMSFinish(parameter: string): string {
    return this.answer(() => {
      this.refuseAfterFinish('LMSFinish');
      this.requireEmptyParameter('LMSFinish', parameter);
      this.requireRunning('LMSFinish');
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
      this.sessionState = 'finished';
      return 'true';
    }, 'false');
  }

  LMSCommit(parameter: string): string {
    return this.answer(() => {
      this.refuseAfterFinish('LMSCommit');
      this.requireEmptyParameter('LMSCommit', parameter);
      this.requireRunning('LMSCommit');
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
        if (misuse === LMS_ERROR.elementCannotHaveChildren) throw new Refusal(misuse, `LMSGetValue(${element}): the element has no children`);
        if (misuse === LMS_ERROR.elementNotAnArray) throw new Refusal(misuse, `LMSGetValue(${element}): the element is not an array`);
        throw unknownElement('LMSGetValue', element);
      }
      if (definition.access === 'write-only') throw new Refusal(LMS_ERROR.elementIsWriteOnly, `LMSGetValue(${element}): the element is write-only`);
      for (const { array, index } of name.indices) {
        if (index >= this.count(array)) throw new Refusal(LMS_ERROR.invalidArgument, `LMSGetValue(${element}): ${array} has ${this.count(array)} items, there is no item ${index}`);
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
      if (definition.keyword !== undefined) throw new Refusal(LMS_ERROR.invalidSetValue, `${call}: ${name.model} is a keyword the LMS maintains`);
      if (definition.access === 'read-only') throw new Refusal(LMS_ERROR.elementIsReadOnly, `${call}: the element is read-only`);
      const stored = element === 'cmi.comments' ? this.value(element) + text : text;
      if (definition.type !== undefined && !definition.type.accepts(stored)) {
        const what = element === 'cmi.comments' ? `the comments with it (${stored.length} characters) are not a ${definition.type.name}` : `the value (${text.length} characters) is not a ${definition.type.name}`;
        throw new Refusal(LMS_ERROR.incorrectDataType, `${call}: ${what}`);
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
      this.lastError = LMS_ERROR.noError;
      this.lastDiagnostic = '';
      return result;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.lastError = error.code;
      this.lastDiagnostic = error.diagnostic;
      return failed;
    }
  }

  private refuseAfterFinish(call: string): void {
    if (this.sessionState === 'finished') throw new Refusal(LMS_ERROR.generalException, `${call}: the session was finished with LMSFinish; nothing more is accepted`);
  }

  private requireEmptyParameter(call: string, parameter: string): void {
    if (parameter !== '') throw new Refusal(LMS_ERROR.invalidArgument, `${call}(${JSON.stringify(String(parameter))}): the parameter must be ""`);
  }

  private requireRunning(call: string): void {
    if (this.sessionState === 'not-initialized') throw new Refusal(LMS_ERROR.notInitialized, `${call} before LMSInitialize`);
  }

  /** The checks every Get/SetValue starts with: a running session, an element name, implemented. */
  private usableElement(call: string, element: string): ElementName {
    this.refuseAfterFinish(call);
    this.requireRunning(call);
    if (typeof element !== 'string' || element === '') throw new Refusal(LMS_ERROR.invalidArgument, `${call}: no element named`);
    const name = parseElementName(element);
    const family = this.unimplemented.find((prefix) => name.model === prefix || name.model.startsWith(`${prefix}.`));
    if (family !== undefined) throw new Refusal(LMS_ERROR.notImplemented, `${call}(${element}): this LMS does not implement ${family}`);
    return name;
  }

  /** Each index of a write is at most its array's `_count`; an index equal to it appends an item. */
  private checkWritableIndices(call: string, name: ElementName): void {
    for (const { array, index } of name.indices) {
      const count = this.count(array);
      if (index > count) throw new Refusal(LMS_ERROR.invalidArgument, `${call}: ${array} has ${count} items, so the next one is ${count}, not ${index}`);
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
  return new Refusal(LMS_ERROR.invalidArgument, `${call}(${element}): not a SCORM 1.2 data model element`);
}
