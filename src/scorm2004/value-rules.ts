// SCORM 2004 value rules checked on each SetValue: the data model's own (data-types.ts,
// data-model.ts, responses.ts: read-only elements, types, ranges, the SPMs, the form of a response
// for its interaction's type) and on top of them the portable forms, stricter than scorm-again: a
// value that breaks one may be refused, cut or changed by some real LMS (printable ASCII state and
// location, scores with at most three integer digits and seven decimals as Moodle takes them,
// interactions written at n = _count, no more correct-response patterns than the SPM, SCORM 1.2
// words such as "wrong" or "t"). Rule ids start with "2004-" (UI text `rule.<id>` in
// templates/preview/strings.json). The preview's emulator highlights them; the tests' strict
// checker applies them to every session.
import type { RuleViolation } from '../scorm/rule-violation.js';
import { dependencyOf, parseElementName, SCORM2004_ELEMENTS } from './data-model.js';
import { COMPLETION_STATUS, EXIT, INTERACTION_RESULT, NAV_REQUEST, SUCCESS_STATUS } from './data-types.js';
import { CORRECT_RESPONSE_PATTERNS, firstNotPrintableAscii, isPrintableAscii, LOCATION_LIMIT, SUSPEND_DATA_LIMIT } from './limits.js';
import { responseAccepted } from './responses.js';
import { isDuration, isTimestamp } from './timeinterval.js';
import { INTERACTION_TYPES, type InteractionTypeWord } from './vocabulary.js';

export type { RuleViolation };

/** What a value's rules depend on, from the session so far. */
export interface SetValueContext {
  /** cmi.interactions._count before this call. */
  interactionCount: number;
  /** The type interaction n was given, if any. */
  interactionType(index: number): string | undefined;
  /** cmi.interactions.n.correct_responses._count before this call. */
  patternCount?(index: number): number;
}

/** An interaction id every LMS takes: 1–4000 of A–Z a–z 0–9 _ . - : (long_identifier_type allows more). */
const INTERACTION_ID = /^[A-Za-z0-9_.:-]{1,4000}$/;
/** A score as Moodle's SCORM 2004 player takes it: at most three integer digits and seven decimals. */
const PORTABLE_REAL = /^-?\d{1,3}(\.\d{1,7})?$/;

/** Whether `value` is a timeinterval (second,10,2). */
export { isDuration, isTimestamp };

/** An interaction id every LMS takes. */
export function isPortableInteractionId(value: string): boolean {
  return INTERACTION_ID.test(value);
}

function isInteractionType(value: string | undefined): value is InteractionTypeWord {
  return (INTERACTION_TYPES as readonly (string | undefined)[]).includes(value);
}

/** The rules a SetValue(element, value) breaks; [] when it breaks none. */
export function checkSetValue(element: string, value: string, context: SetValueContext): RuleViolation[] {
  const name = parseElementName(element);
  const definition = SCORM2004_ELEMENTS.get(name.model);
  if (definition === undefined) return [{ rule: '2004-element-unknown', values: { element } }];
  if (definition.keyword !== undefined || definition.access === 'read-only') return [{ rule: '2004-element-read-only', values: { element } }];
  switch (element) {
    case 'cmi.suspend_data':
      return checkSuspendData(value);
    case 'cmi.location':
      return value.length <= LOCATION_LIMIT && isPrintableAscii(value) ? [] : [{ rule: '2004-location-invalid', values: { length: value.length } }];
    case 'cmi.session_time':
      return isDuration(value) ? [] : [{ rule: '2004-duration-invalid', values: { value } }];
    case 'cmi.completion_status':
      return COMPLETION_STATUS.accepts(value) ? [] : [{ rule: '2004-completion-invalid', values: { value } }];
    case 'cmi.success_status':
      return SUCCESS_STATUS.accepts(value) ? [] : [{ rule: '2004-success-invalid', values: { value } }];
    case 'cmi.exit':
      return EXIT.accepts(value) ? [] : [{ rule: '2004-exit-invalid', values: { value } }];
    case 'cmi.score.scaled':
      return checkScore(value, { min: -1, max: 1 });
    case 'cmi.score.raw':
    case 'cmi.score.min':
    case 'cmi.score.max':
      return checkScore(value, {});
    case 'cmi.progress_measure':
      return checkScore(value, { min: 0, max: 1 });
    case 'adl.nav.request':
      return NAV_REQUEST.accepts(value) ? [] : [{ rule: '2004-nav-request-invalid', values: { value } }];
  }
  const interaction = /^cmi\.interactions\.(\d+)\.(id|type|timestamp|latency|result|learner_response|description|weighting|correct_responses\.(\d+)\.pattern)$/.exec(element);
  if (interaction !== null) return checkInteraction(Number(interaction[1]), interaction[2]!, interaction[3], value, context);
  return checkType(element, value);
}

/** Type and range of any other writable element, by the data model. */
function checkType(element: string, value: string): RuleViolation[] {
  const type = SCORM2004_ELEMENTS.get(parseElementName(element).model)?.type;
  if (type === undefined || (type.accepts(value) && type.inRange?.(value) !== false)) return [];
  return [{ rule: '2004-type-mismatch', values: { element, value: value.slice(0, 80), type: type.name } }];
}

function checkSuspendData(value: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (value.length > SUSPEND_DATA_LIMIT) violations.push({ rule: '2004-suspend-data-too-long', values: { length: value.length } });
  const bad = firstNotPrintableAscii(value);
  if (bad !== null) violations.push({ rule: '2004-suspend-data-not-ascii', values: bad });
  return violations;
}

function checkScore(value: string, range: { min?: number; max?: number }): RuleViolation[] {
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) return [{ rule: '2004-score-not-number', values: { value } }];
  const violations: RuleViolation[] = [];
  const number = Number(value);
  if ((range.min !== undefined && number < range.min) || (range.max !== undefined && number > range.max)) {
    violations.push({ rule: '2004-score-out-of-range', values: { value, min: range.min ?? '-∞', max: range.max ?? '∞' } });
  }
  if (!PORTABLE_REAL.test(value)) violations.push({ rule: '2004-score-not-portable', values: { value } });
  return violations;
}

function checkInteraction(index: number, field: string, patternIndex: string | undefined, value: string, context: SetValueContext): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const element = `cmi.interactions.${index}.${field}`;
  if (index > context.interactionCount || (field === 'id' && index !== context.interactionCount)) {
    violations.push({ rule: '2004-interaction-index', values: { index, count: context.interactionCount } });
  } else if (field !== 'id' && index === context.interactionCount) {
    violations.push({ rule: '2004-dependency', values: { element, needs: `cmi.interactions.${index}.id` } });
  }
  const type = context.interactionType(index);
  switch (field) {
    case 'id':
      if (!isPortableInteractionId(value)) violations.push({ rule: '2004-interaction-id-invalid', values: { value } });
      break;
    case 'type':
      if (!isInteractionType(value)) violations.push({ rule: '2004-type-mismatch', values: { element, value, type: 'interaction type' } });
      break;
    case 'timestamp':
      if (!isTimestamp(value)) violations.push({ rule: '2004-timestamp-invalid', values: { value } });
      break;
    case 'latency':
      if (!isDuration(value)) violations.push({ rule: '2004-duration-invalid', values: { value } });
      break;
    case 'result':
      if (value === 'wrong') violations.push({ rule: '2004-interaction-result-wrong' });
      else if (!INTERACTION_RESULT.accepts(value)) violations.push({ rule: '2004-interaction-result-invalid', values: { value } });
      break;
    case 'learner_response':
    case 'description':
    case 'weighting':
      if (field === 'learner_response') violations.push(...checkResponse(index, type, value, 'learner_response'));
      else violations.push(...checkType(element, value));
      break;
    default: {
      violations.push(...checkResponse(index, type, value, 'pattern'));
      const limit = isInteractionType(type) ? CORRECT_RESPONSE_PATTERNS[type] : undefined;
      const count = context.patternCount?.(index) ?? 0;
      if (limit !== undefined && Number(patternIndex) >= limit) violations.push({ rule: '2004-too-many-patterns', values: { type: type ?? '', limit } });
      if (Number(patternIndex) > count) violations.push({ rule: '2004-pattern-index', values: { index: Number(patternIndex), count } });
    }
  }
  return violations;
}

function checkResponse(index: number, type: string | undefined, value: string, kind: 'learner_response' | 'pattern'): RuleViolation[] {
  if (!isInteractionType(type)) return [{ rule: '2004-dependency', values: { element: `cmi.interactions.${index}.${kind === 'pattern' ? 'correct_responses' : kind}`, needs: `cmi.interactions.${index}.type` } }];
  // SCORM 1.2's forms: "t"/"f", and choice items joined by "," (a valid identifier, but one item).
  if (type === 'true-false' && (value === 't' || value === 'f')) return [{ rule: '2004-response-scorm12', values: { value } }];
  if (type === 'choice' && value.split('[,]').some((item) => item.includes(','))) return [{ rule: '2004-response-scorm12', values: { value } }];
  return responseAccepted(type, value, kind) ? [] : [{ rule: '2004-response-invalid', values: { type, value: value.slice(0, 80) } }];
}

/** The element a dependent element needs set first (for callers that track what was set). */
export { dependencyOf };
