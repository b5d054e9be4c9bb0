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
