// The form of cmi.interactions.n.learner_response and of correct_responses.n.pattern, which depends
// on the interaction's type (RTE 4.2.9.1 and 4.2.9.2): true-false "true"|"false"; choice and
// sequencing a "[,]"-separated set of short identifiers; fill-in a set of localized strings,
// a pattern may begin with `{case_matters=…}` and `{order_matters=…}`; likert one short
// identifier; numeric a real, a pattern `min[:]max`; matching `source[.]target` pairs; others a
// characterstring.
import { ITEM_SEPARATOR, LONG_STRING_LIMIT, RESPONSE_ITEM_LIMITS } from './limits.js';
import { localizedString, real, SHORT_IDENTIFIER } from './data-types.js';
import type { InteractionTypeWord } from './vocabulary.js';

export type ResponseKind = 'learner_response' | 'pattern';

const REAL = real();

function shortIdentifiers(value: string, limit: number, unique: boolean): boolean {
  const items = value.split(ITEM_SEPARATOR);
  if (items.length > limit || !items.every((item) => SHORT_IDENTIFIER.accepts(item))) return false;
  return !unique || new Set(items).size === items.length;
}

/** A pattern's leading `{case_matters=true|false}` and `{order_matters=true|false}`, at most once each. */
function withoutPatternOptions(value: string): string | null {
  let rest = value;
  const seen = new Set<string>();
  for (;;) {
    const match = /^\{(case_matters|order_matters)=([^}]*)\}/.exec(rest);
    if (match === null) return rest;
    if (seen.has(match[1]!) || (match[2] !== 'true' && match[2] !== 'false')) return null;
    seen.add(match[1]!);
    rest = rest.slice(match[0].length);
  }
}

/** Whether `value` is a learner_response (or a correct-response pattern) of an interaction of `type`. */
export function responseAccepted(type: InteractionTypeWord, value: string, kind: ResponseKind): boolean {
  const limits = RESPONSE_ITEM_LIMITS[type];
  switch (type) {
    case 'true-false':
      return value === 'true' || value === 'false';
    case 'choice':
      return value === '' || shortIdentifiers(value, limits.items, true);
    case 'sequencing':
      return shortIdentifiers(value, limits.items, false);
    case 'likert':
      return SHORT_IDENTIFIER.accepts(value);
    case 'fill-in': {
      const items = kind === 'pattern' ? withoutPatternOptions(value) : value;
      if (items === null) return false;
      const string = localizedString(limits.length);
      const parts = items.split(ITEM_SEPARATOR);
      return parts.length <= limits.items && parts.every((part) => string.accepts(part));
    }
    case 'long-fill-in': {
      const text = kind === 'pattern' ? withoutPatternOptions(value) : value;
      return text !== null && localizedString(LONG_STRING_LIMIT).accepts(text);
    }
    case 'numeric': {
      if (kind === 'learner_response') return REAL.accepts(value);
      const bounds = value.split('[:]');
      return bounds.length <= 2 && bounds.every((bound) => bound === '' || REAL.accepts(bound)) && !(bounds.length === 2 && bounds[0] !== '' && bounds[1] !== '' && Number(bounds[0]) > Number(bounds[1]));
    }
    case 'matching':
      return value.split(ITEM_SEPARATOR).length <= limits.items && value.split(ITEM_SEPARATOR).every((pair) => {
        const [source, target, extra] = pair.split('[.]');
        return extra === undefined && source !== undefined && target !== undefined && SHORT_IDENTIFIER.accepts(source) && SHORT_IDENTIFIER.accepts(target);
      });
    case 'performance':
      return value.split(ITEM_SEPARATOR).length <= limits.items && value.length <= limits.items * limits.length;
    case 'other':
      return value.length <= LONG_STRING_LIMIT;
  }
}
