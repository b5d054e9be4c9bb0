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
//
// The session, the Get/SetValue steps and the error bookkeeping are strict-lms-core.ts's; here
// are SCORM 1.2's names, codes, data model and Moodle's rules at LMSFinish.
import type { ApiMethod, Scorm12Api } from '../scorm12/api.js';
import { keywordMisuse, parseElementName, SCORM12_ELEMENTS, type ElementDefinition } from '../scorm12/data-model.js';
import { errorString, ScormErrorCode } from '../scorm12/errors.js';
import { buildRecord, copyRecord, flattenRecord, recordFromJson, type Scorm12Record } from '../scorm12/record.js';
import { relaunchCmi, type Learner } from '../scorm12/relaunch.js';
import { checkLaunchValues } from '../scorm12/launch-values.js';
import { orderViolations, phaseAfter, type SessionPhase } from '../scorm12/session-rules.js';
import { applyFinishRules } from './scorm12-finish-rules.js';
import { recordOf, Refusal, StrictLmsCore, type ElementName, type StrictLmsVersion } from './strict-lms-core.js';

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
  return recordOf(buildRecord, { values, counts });
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

const SCORM12: StrictLmsVersion<Scorm12Record, ApiMethod, SessionPhase, ElementDefinition> = {
  calls: { initialize: 'LMSInitialize', finish: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' },
  orderViolations,
  phaseAfter,
  /**
   * The session rules (src/scorm12/session-rules.ts) with the code Moodle answers, in Moodle's
   * order: 101 after LMSFinish, 201 for a parameter other than "", 101 for a second
   * LMSInitialize, 301 before LMSInitialize.
   */
  sessionRefusal(broken, call, parameter) {
    if (broken.has('call-after-finish')) return new Refusal(ScormErrorCode.generalException, `${call}: the session was finished with LMSFinish; nothing more is accepted`);
    if (broken.has('argument-not-empty')) return new Refusal(ScormErrorCode.invalidArgument, `${call}(${JSON.stringify(String(parameter))}): the parameter must be ""`);
    if (broken.has('initialize-twice')) return new Refusal(ScormErrorCode.generalException, 'LMSInitialize: the session is already initialized');
    if (broken.has('call-before-initialize')) return new Refusal(ScormErrorCode.notInitialized, `${call} before LMSInitialize`);
    return undefined;
  },
  noElement: (call) => new Refusal(ScormErrorCode.invalidArgument, `${call}: no element named`),
  /** LMSGetValue of a misused keyword is 202 or 203; any other unknown element is 201. */
  undefinedElement(call, element, name) {
    const misuse = call === 'LMSGetValue' ? keywordMisuse(name.model) : null;
    if (misuse === ScormErrorCode.elementCannotHaveChildren) return new Refusal(misuse, `LMSGetValue(${element}): the element has no children`);
    if (misuse === ScormErrorCode.elementNotAnArray) return new Refusal(misuse, `LMSGetValue(${element}): the element is not an array`);
    return new Refusal(ScormErrorCode.invalidArgument, `${call}(${element}): not a SCORM 1.2 data model element`);
  },
  parseElementName,
  elements: SCORM12_ELEMENTS,
  record: { build: buildRecord, copy: copyRecord, flatten: flattenRecord },
  errorString,
  codes: {
    notImplemented: ScormErrorCode.notImplemented,
    writeOnly: ScormErrorCode.elementIsWriteOnly,
    readOnly: ScormErrorCode.elementIsReadOnly,
    keyword: ScormErrorCode.invalidSetValue,
    readPastCount: ScormErrorCode.invalidArgument,
    writePastCount: ScormErrorCode.invalidArgument,
  },
};

export class StrictScorm12Lms extends StrictLmsCore<Scorm12Record, ApiMethod, SessionState, ElementDefinition> implements Scorm12Api {
  private readonly masteryOverride: boolean;

  constructor(options: StrictLmsOptions) {
    super(SCORM12, { start: launchRecord(options), kept: options.kept, unimplemented: options.unimplemented });
    this.masteryOverride = options.masteryOverride ?? true;
  }

  LMSInitialize(parameter: string): string {
    return this.initialize(parameter);
  }

  LMSFinish(parameter: string): string {
    return this.finish(parameter);
  }

  LMSCommit(parameter: string): string {
    return this.commit(parameter);
  }

  LMSGetValue(element: string): string {
    return this.getValue(element);
  }

  LMSSetValue(element: string, value: string): string {
    return this.setValue(element, value);
  }

  LMSGetLastError(): string {
    return this.lastError();
  }

  LMSGetErrorString(code: string): string {
    return this.errorString(code);
  }

  LMSGetDiagnostic(code: string): string {
    return this.diagnostic(code);
  }

  /** Moodle's rules at LMSFinish (scorm12-finish-rules.ts): the status it stores, total_time. */
  protected override atFinish(): void {
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
    this.hold('cmi.core.lesson_status', outcome.lessonStatus);
    this.hold('cmi.core.total_time', outcome.totalTime);
  }

  protected override readValue(element: string): string {
    return this.value(element);
  }

  /** The value's type (cmi.comments: the comments with it appended) before its indices, as Moodle checks. */
  protected override checkWrite(call: string, element: string, name: ElementName, definition: ElementDefinition, text: string): string {
    const stored = element === 'cmi.comments' ? this.value(element) + text : text;
    if (definition.type !== undefined && !definition.type.accepts(stored)) {
      const what = element === 'cmi.comments' ? `the comments with it (${stored.length} characters) are not a ${definition.type.name}` : `the value (${text.length} characters) is not a ${definition.type.name}`;
      throw new Refusal(ScormErrorCode.incorrectDataType, `${call}: ${what}`);
    }
    this.checkWritableIndices(call, name);
    return stored;
  }
}
