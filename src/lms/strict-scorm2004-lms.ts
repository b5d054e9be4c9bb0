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
//
// The session, the Get/SetValue steps and the error bookkeeping are strict-lms-core.ts's; here
// are SCORM 2004's names, codes, data model, dependencies, response formats, the evaluated
// statuses and adl.nav.request.
import type { ApiMethod, Scorm2004Api } from '../scorm2004/api.js';
import { dependencyOf, parseElementName, SCORM2004_ARRAYS, SCORM2004_ELEMENTS, type ElementDefinition } from '../scorm2004/data-model.js';
import { AFTER_TERMINATE, BEFORE_INITIALIZE, errorString, Scorm2004ErrorCode } from '../scorm2004/errors.js';
import { buildRecord, copyRecord, flattenRecord, type Scorm2004Record } from '../scorm2004/record.js';
import { relaunchCmi, type Learner } from '../scorm2004/relaunch.js';
import { checkLaunchValues } from '../scorm2004/launch-values.js';
import { responseAccepted } from '../scorm2004/responses.js';
import { orderViolations, phaseAfter, type SessionPhase } from '../scorm2004/session-rules.js';
import { INTERACTION_TYPES, type InteractionTypeWord } from '../scorm2004/vocabulary.js';
import { applyTerminateRules, evaluatedCompletion, evaluatedSuccess, type StatusInputs } from './scorm2004-terminate-rules.js';
import { recordOf, Refusal, StrictLmsCore, type ElementName, type StrictLmsVersion } from './strict-lms-core.js';

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
  return recordOf(buildRecord, { values, counts });
}

export interface StrictLms2004Options extends LaunchInputs2004 {
  /**
   * Element families the LMS does not implement (402), by model name: "cmi.interactions" covers
   * every element under it, "cmi.learner_preference.audio_level" just that one.
   */
  unimplemented?: readonly string[];
}

function isInteractionType(value: string): value is InteractionTypeWord {
  return (INTERACTION_TYPES as readonly string[]).includes(value);
}

type SessionCall = Exclude<ApiMethod, 'GetLastError' | 'GetErrorString' | 'GetDiagnostic'>;

const SCORM2004: StrictLmsVersion<Scorm2004Record, SessionCall, SessionPhase, ElementDefinition> = {
  calls: { initialize: 'Initialize', finish: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' },
  orderViolations,
  phaseAfter,
  /** The session rules (src/scorm2004/session-rules.ts) with the book's code. */
  sessionRefusal(broken, call, parameter) {
    if (broken.has('2004-call-after-terminate')) return new Refusal(AFTER_TERMINATE[call], `${call}: the session was ended with Terminate; nothing more is accepted`);
    if (broken.has('2004-initialize-twice')) return new Refusal(Scorm2004ErrorCode.alreadyInitialized, 'Initialize: the session is already initialized');
    if (broken.has('2004-call-before-initialize') && call !== 'Initialize') return new Refusal(BEFORE_INITIALIZE[call], `${call} before Initialize`);
    if (broken.has('2004-argument-not-empty')) return new Refusal(Scorm2004ErrorCode.generalArgumentError, `${call}(${JSON.stringify(String(parameter))}): the parameter must be ""`);
    return undefined;
  },
  noElement: (call) => new Refusal(call === 'GetValue' ? Scorm2004ErrorCode.generalGetFailure : Scorm2004ErrorCode.generalSetFailure, `${call}(""): no element named`),
  /** 301 for `_children`/`_count` misused on GetValue, else 401. */
  undefinedElement(call, element, name) {
    const keyword = /^(.+)\.(_children|_count)$/.exec(name.model);
    if (call === 'GetValue' && keyword !== null && (SCORM2004_ELEMENTS.has(keyword[1]!) || SCORM2004_ARRAYS.includes(keyword[1]!) || [...SCORM2004_ELEMENTS.keys()].some((model) => model.startsWith(`${keyword[1]!}.`)))) {
      return new Refusal(Scorm2004ErrorCode.generalGetFailure, `GetValue(${element}): the element has no ${keyword[2]!}`);
    }
    return new Refusal(Scorm2004ErrorCode.undefinedDataModelElement, `${call}(${element}): not a SCORM 2004 data model element`);
  },
  parseElementName,
  elements: SCORM2004_ELEMENTS,
  record: { build: buildRecord, copy: copyRecord, flatten: flattenRecord },
  errorString,
  codes: {
    notImplemented: Scorm2004ErrorCode.unimplementedDataModelElement,
    writeOnly: Scorm2004ErrorCode.elementIsWriteOnly,
    readOnly: Scorm2004ErrorCode.elementIsReadOnly,
    keyword: Scorm2004ErrorCode.elementIsReadOnly,
    readPastCount: Scorm2004ErrorCode.generalGetFailure,
    writePastCount: Scorm2004ErrorCode.generalSetFailure,
  },
};

export class StrictScorm2004Lms extends StrictLmsCore<Scorm2004Record, SessionCall, SessionPhase, ElementDefinition> implements Scorm2004Api {
  private navigation = '_none_';

  constructor(options: StrictLms2004Options) {
    super(SCORM2004, { start: launchRecord2004(options), kept: options.kept, unimplemented: options.unimplemented });
  }

  /** adl.nav.request as the SCO left it: what the LMS does once the SCO has terminated. */
  navRequest(): string {
    return this.navigation;
  }

  Initialize(parameter: string): string {
    return this.initialize(parameter);
  }

  Terminate(parameter: string): string {
    return this.finish(parameter);
  }

  Commit(parameter: string): string {
    return this.commit(parameter);
  }

  GetValue(element: string): string {
    return this.getValue(element);
  }

  SetValue(element: string, value: string): string {
    return this.setValue(element, value);
  }

  GetLastError(): string {
    return this.lastError();
  }

  GetErrorString(code: string): string {
    return this.errorString(code);
  }

  GetDiagnostic(code: string): string {
    return this.diagnostic(code);
  }

  /** The LMS's status evaluation and total time at Terminate (scorm2004-terminate-rules.ts). */
  protected override atFinish(): void {
    const outcome = applyTerminateRules({ ...this.statusInputs(), totalTime: this.value('cmi.total_time'), sessionTime: this.value('cmi.session_time') });
    this.hold('cmi.completion_status', outcome.completionStatus);
    this.hold('cmi.success_status', outcome.successStatus);
    this.hold('cmi.total_time', outcome.totalTime);
  }

  /** The evaluated statuses, adl.nav.request, else the value: 403 for an element that has no value yet. */
  protected override readValue(element: string, definition: ElementDefinition): string {
    if (element === 'cmi.completion_status') return evaluatedCompletion(this.statusInputs());
    if (element === 'cmi.success_status') return evaluatedSuccess(this.statusInputs());
    const value = element === 'adl.nav.request' ? this.navigation : this.value(element);
    if (value === '' && definition.initial === undefined) throw new Refusal(Scorm2004ErrorCode.valueNotInitialized, `GetValue(${element}): the element has no value yet`);
    return value;
  }

  /** The indices, the element's dependency, then its value. */
  protected override checkWrite(call: string, element: string, name: ElementName, definition: ElementDefinition, text: string): string {
    this.checkWritableIndices(call, name);
    this.checkDependency(call, element);
    this.checkValue(call, element, definition, text);
    return text;
  }

  /** adl.nav.request is the LMS's to act on, not part of the record. */
  protected override hold(element: string, value: string): void {
    if (element === 'adl.nav.request') this.navigation = value;
    else super.hold(element, value);
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

  /** An interaction's type needs its id, its responses its type (and so on): 408 otherwise. */
  private checkDependency(call: string, element: string): void {
    const needed = dependencyOf(element);
    if (needed === undefined) return;
    if (this.value(needed) === '') throw new Refusal(Scorm2004ErrorCode.dependencyNotEstablished, `${call}: ${needed} must be set first`);
  }

  private checkValue(call: string, element: string, definition: ElementDefinition, text: string): void {
    const response = /^(cmi\.interactions\.\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
    if (response !== null) {
      const type = this.value(`${response[1]!}.type`);
      const kind = response[2] === 'learner_response' ? 'learner_response' : 'pattern';
      if (!isInteractionType(type) || !responseAccepted(type, text, kind)) throw new Refusal(Scorm2004ErrorCode.typeMismatch, `${call}: not a ${kind} of a ${type} interaction`);
      return;
    }
    const type = definition.type;
    if (type === undefined) return;
    if (!type.accepts(text)) throw new Refusal(Scorm2004ErrorCode.typeMismatch, `${call}: the value (${text.length} characters) is not a ${type.name}`);
    if (type.inRange?.(text) === false) throw new Refusal(Scorm2004ErrorCode.valueOutOfRange, `${call}: the value is outside the range of ${type.name}`);
  }
}
