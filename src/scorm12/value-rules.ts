// SCORM 1.2 value rules checked on each LMSSetValue, stricter than scorm-again (which takes
// 64000-character suspend_data and "00:60:00"): a value that breaks one may be refused, cut or
// changed by some real LMS. The CMI data types are the strict LMS's own (data-types.ts); on top
// of them come the portable forms (printable ASCII, scores with two decimals, plain interaction
// ids). The preview's emulator highlights these rules; the tests' strict checker applies them to
// every session.
import type { RuleViolation } from '../scorm/rule-violation.js';
import { CMI_FEEDBACK, CMI_STRING_255, CMI_STRING_4096, CMI_TIME, CMI_TIMESPAN, EXIT, LESSON_STATUS } from './data-types.js';
import { firstNotPrintableAscii, isPrintableAscii, TEXT_LIMIT } from './limits.js';
import { INTERACTION_RESULTS } from './vocabulary.js';

export type { RuleViolation };

/** An interaction id every LMS takes: 1–255 of A–Z a–z 0–9 _ . - (CMIIdentifier allows more). */
const INTERACTION_ID = new RegExp(`^[A-Za-z0-9_.-]{1,${TEXT_LIMIT}}$`);
const DECIMAL = /^-?\d+(\.\d+)?$/;
const RESULT_WORDS: readonly string[] = INTERACTION_RESULTS;

export interface SetValueContext {
  /** cmi.interactions._count before this call. */
  interactionCount: number;
}

/** HH[HH]:MM:SS[.SS] with minutes and seconds below 60 (CMITimespan). */
export function isTimespan(value: string): boolean {
  return CMI_TIMESPAN.accepts(value);
}

/** HH:MM:SS[.SS], a time of day (CMITime). */
export function isTime(value: string): boolean {
  return CMI_TIME.accepts(value);
}

/** An interaction id every LMS takes. */
export function isPortableInteractionId(value: string): boolean {
  return INTERACTION_ID.test(value);
}

/** The rules an LMSSetValue(element, value) breaks; [] when it breaks none. */
export function checkSetValue(element: string, value: string, context: SetValueContext): RuleViolation[] {
  switch (element) {
    case 'cmi.suspend_data':
      return checkSuspendData(value);
    case 'cmi.core.session_time':
      return isTimespan(value) ? [] : [{ rule: 'timespan-invalid', values: { value } }];
    case 'cmi.core.lesson_status':
      return LESSON_STATUS.accepts(value) ? [] : [{ rule: 'status-invalid', values: { value } }];
    case 'cmi.core.score.raw':
    case 'cmi.core.score.min':
    case 'cmi.core.score.max':
      return checkScore(value);
    case 'cmi.core.lesson_location':
      return CMI_STRING_255.accepts(value) && isPrintableAscii(value) ? [] : [{ rule: 'location-invalid', values: { length: value.length } }];
    case 'cmi.core.exit':
      return EXIT.accepts(value) ? [] : [{ rule: 'exit-invalid', values: { value } }];
  }
  const interaction = /^cmi\.interactions\.(\d+)\.(id|result|student_response|time|latency)$/.exec(element);
  return interaction === null ? [] : checkInteraction(Number(interaction[1]), interaction[2]!, value, context);
}

function checkSuspendData(value: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!CMI_STRING_4096.accepts(value)) violations.push({ rule: 'suspend-data-too-long', values: { length: value.length } });
  const bad = firstNotPrintableAscii(value);
  if (bad !== null) violations.push({ rule: 'suspend-data-not-ascii', values: bad });
  return violations;
}

function checkScore(value: string): RuleViolation[] {
  if (value === '') return [];
  if (!DECIMAL.test(value)) return [{ rule: 'score-not-number', values: { value } }];
  const violations: RuleViolation[] = [];
  const number = Number(value);
  if (number < 0 || number > 100) violations.push({ rule: 'score-out-of-range', values: { value } });
  if ((value.split('.')[1] ?? '').length > 2) violations.push({ rule: 'score-too-precise', values: { value } });
  return violations;
}

function checkInteraction(index: number, field: string, value: string, context: SetValueContext): RuleViolation[] {
  switch (field) {
    case 'id': {
      const violations: RuleViolation[] = isPortableInteractionId(value) ? [] : [{ rule: 'interaction-id-invalid', values: { value } }];
      if (index !== context.interactionCount) violations.push({ rule: 'interaction-index', values: { index, count: context.interactionCount } });
      return violations;
    }
    case 'result':
      if (value === 'incorrect') return [{ rule: 'interaction-result-incorrect' }];
      return RESULT_WORDS.includes(value) || DECIMAL.test(value) ? [] : [{ rule: 'interaction-result-invalid', values: { value } }];
    case 'student_response':
      return CMI_FEEDBACK.accepts(value) ? [] : [{ rule: 'response-too-long', values: { length: value.length } }];
    case 'time':
      return isTime(value) ? [] : [{ rule: 'time-invalid', values: { value } }];
    default:
      return isTimespan(value) ? [] : [{ rule: 'timespan-invalid', values: { value } }];
  }
}
