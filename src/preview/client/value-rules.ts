// SCORM 1.2 value rules scorm-again does not enforce, checked on each LMSSetValue.
// DOM-free: the emulator page and the tests both use it.

/** A broken rule: its id (UI text `rule.<id>` in templates/preview/strings.json) and details. */
export interface RuleViolation {
  rule: string;
  values?: Record<string, string | number>;
}

export const SUSPEND_DATA_LIMIT = 4096;
export const SCORM_TEXT_LIMIT = 255;
const STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];
const EXITS = ['', 'suspend', 'logout', 'time-out'];
const RESULTS = ['correct', 'wrong', 'unanticipated', 'neutral'];
const TIMESPAN = /^\d{2,4}:(\d{2}):(\d{2})(\.\d{1,2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,2})?$/;
const INTERACTION_ID = /^[A-Za-z0-9_.-]{1,255}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7E]/;

export interface SetValueContext {
  /** cmi.interactions._count before this call. */
  interactionCount: number;
}

export function checkSetValue(element: string, value: string, context: SetValueContext): RuleViolation[] {
  switch (element) {
    case 'cmi.suspend_data':
      return checkSuspendData(value);
    case 'cmi.core.session_time':
      return isTimespan(value) ? [] : [{ rule: 'timespan-invalid', values: { value } }];
    case 'cmi.core.lesson_status':
      return STATUSES.includes(value) ? [] : [{ rule: 'status-invalid', values: { value } }];
    case 'cmi.core.score.raw':
    case 'cmi.core.score.min':
    case 'cmi.core.score.max':
      return checkScore(value);
    case 'cmi.core.lesson_location':
      return value.length > SCORM_TEXT_LIMIT || NOT_PRINTABLE_ASCII.test(value) ? [{ rule: 'location-invalid', values: { length: value.length } }] : [];
    case 'cmi.core.exit':
      return EXITS.includes(value) ? [] : [{ rule: 'exit-invalid', values: { value } }];
  }
  const interaction = /^cmi\.interactions\.(\d+)\.(id|result|student_response|time|latency)$/.exec(element);
  return interaction === null ? [] : checkInteraction(Number(interaction[1]), interaction[2]!, value, context);
}

function checkSuspendData(value: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (value.length > SUSPEND_DATA_LIMIT) violations.push({ rule: 'suspend-data-too-long', values: { length: value.length } });
  const bad = NOT_PRINTABLE_ASCII.exec(value);
  if (bad !== null) violations.push({ rule: 'suspend-data-not-ascii', values: { code: bad[0].charCodeAt(0), index: bad.index } });
  return violations;
}

/** HH[HH]:MM:SS[.SS] with minutes and seconds below 60. */
export function isTimespan(value: string): boolean {
  const match = TIMESPAN.exec(value);
  return match !== null && Number(match[1]) < 60 && Number(match[2]) < 60;
}

/** HH:MM:SS[.SS], a time of day. */
export function isTime(value: string): boolean {
  const match = TIME.exec(value);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60 && Number(match[3]) < 60;
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
      const violations: RuleViolation[] = INTERACTION_ID.test(value) ? [] : [{ rule: 'interaction-id-invalid', values: { value } }];
      if (index !== context.interactionCount) violations.push({ rule: 'interaction-index', values: { index, count: context.interactionCount } });
      return violations;
    }
    case 'result':
      if (value === 'incorrect') return [{ rule: 'interaction-result-incorrect' }];
      return RESULTS.includes(value) || DECIMAL.test(value) ? [] : [{ rule: 'interaction-result-invalid', values: { value } }];
    case 'student_response':
      return value.length > SCORM_TEXT_LIMIT ? [{ rule: 'response-too-long', values: { length: value.length } }] : [];
    case 'time':
      return isTime(value) ? [] : [{ rule: 'time-invalid', values: { value } }];
    default:
      return isTimespan(value) ? [] : [{ rule: 'timespan-invalid', values: { value } }];
  }
}
