// A place in a lesson or edition.yaml that holds one translation unit: its id, the translator's
// note, its content there, and how to put translated content in its place.
import type { InlineCode, InlineContent } from './inline-content.js';

export interface Slot {
  /** Stable unit id (`reliability:3`, `reliability:question:reliability-roadside:option.2`). */
  id: string;
  /** Context for the translator (where the text stands, what to keep in mind). */
  note: string;
  /** Its content in the tree or document it was read from. */
  content: InlineContent;
  /** The inline codes of that content, by id. */
  codes: InlineCode[];
  /** Headings, table cells, options, answers, titles: line breaks in a translation become spaces. */
  oneLine: boolean;
  /**
   * An attribute (an image's alt text, a link's title): written before the text slots, whose
   * rebuilt codes copy the nodes these attributes are on.
   */
  attribute: boolean;
  /** Put `content` in place of the slot's content. */
  write(content: InlineContent): void;
}

/** Write each slot that has content in `contents`: attributes first, then texts. */
export function writeSlots(slots: readonly Slot[], contents: ReadonlyMap<string, InlineContent>): void {
  for (const slot of [...slots.filter((candidate) => candidate.attribute), ...slots.filter((candidate) => !candidate.attribute)]) {
    const content = contents.get(slot.id);
    if (content !== undefined) slot.write(content);
  }
}
