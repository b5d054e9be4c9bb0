// Adds a language to course.yaml's `languages` through the yaml Document API, so the author's
// comments, key order and flow style stay as they were.
import { isScalar, isSeq, parseDocument } from 'yaml';
import { ScaffoldError } from './scaffold-result.js';

/** The course.yaml text with `lang` appended to `languages`; undefined when nothing changes. */
export function withLanguage(text: string, lang: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ScaffoldError(`course.yaml is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first (scormdown check shows where)`);
  // Without a `languages` list, every edition folder is a language already.
  if (!doc.has('languages')) return undefined;
  const languages = doc.get('languages');
  if (!isSeq(languages)) throw new ScaffoldError('`languages` in course.yaml is not a list; fix it first (scormdown check shows where)');
  if (languages.items.some((item) => (isScalar(item) ? item.value : item) === lang)) return undefined;
  languages.add(doc.createNode(lang));
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

/**
 * The course.yaml text with `lang` in the translation group of `partner` (a new group
 * `[partner, lang]` when `partner` is in none); undefined when nothing changes. Refuses when `lang`
 * is in another group already: a language is a translation of one group.
 */
export function withTranslation(text: string, lang: string, partner: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ScaffoldError(`course.yaml is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first (scormdown check shows where)`);
  const valueOf = (item: unknown) => (isScalar(item) ? item.value : item);
  const group = (members: string[]) => {
    const node = doc.createNode(members);
    node.flow = true;
    return node;
  };
  const translations = doc.get('translations');
  if (translations === undefined || translations === null || (isScalar(translations) && translations.value === null)) {
    doc.set('translations', doc.createNode([group([partner, lang])]));
    return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  }
  if (!isSeq(translations)) throw new ScaffoldError('`translations` in course.yaml is not a list; fix it first (scormdown check shows where)');
  const groups = translations.items.filter(isSeq);
  const home = groups.find((candidate) => candidate.items.some((item) => valueOf(item) === partner));
  const other = groups.find((candidate) => candidate !== home && candidate.items.some((item) => valueOf(item) === lang));
  if (other !== undefined) throw new ScaffoldError(`${lang} is in the translation group [${other.items.map(valueOf).join(', ')}] of course.yaml, not in ${partner}'s; move it there first`);
  if (home === undefined) translations.add(group([partner, lang]));
  else if (home.items.some((item) => valueOf(item) === lang)) return undefined;
  else home.add(doc.createNode(lang));
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
