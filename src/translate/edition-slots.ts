// The translation units of an edition.yaml: the course title and description, kept in the
// author's YAML document (comments and quoting stay as they were).
import { isScalar, type Document } from 'yaml';
import { plainText, text, type InlineContent } from './inline-content.js';
import type { Slot } from './unit-slot.js';

export const EDITION_FILE_ID = 'edition';

const NOTES = {
  title: 'Course title: the course name in the LMS catalogue and at the top of every page (one line, at most 200 characters)',
  description: 'Course description, shown in the LMS catalogue',
} as const;

/** `edition.title` and, when there is one, `edition.description`. */
export function editionSlots(doc: Document): Slot[] {
  return (['title', 'description'] as const).flatMap((key): Slot[] => {
    const node = doc.get(key, true);
    const value = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    if (value === undefined || value.trim() === '') return [];
    return [{
      id: `${EDITION_FILE_ID}.${key}`,
      note: NOTES[key],
      content: [text(value)],
      codes: [],
      oneLine: key === 'title',
      attribute: false,
      write(content) {
        const current = doc.get(key, true);
        if (isScalar(current)) current.value = plainText(content);
        else doc.set(key, plainText(content));
      },
    }];
  });
}

/** Set the edition.yaml texts of `contents` (by unit id) in `doc`, another edition's document. */
export function writeEditionTexts(doc: Document, contents: ReadonlyMap<string, InlineContent>): void {
  for (const key of ['title', 'description'] as const) {
    const content = contents.get(`${EDITION_FILE_ID}.${key}`);
    if (content === undefined) continue;
    const current = doc.get(key, true);
    if (isScalar(current)) current.value = plainText(content);
    else doc.set(key, plainText(content));
  }
}
