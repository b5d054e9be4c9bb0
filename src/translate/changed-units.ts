// Which units `translate export --changed` sends: those whose source changed since the target
// language was last updated. For a lesson an import wrote, its record says so unit by unit (a unit
// changed since the import is sent even if it was translated by hand since: more, never less);
// for any other, translations.lock decides for the whole lesson, as the translation-outdated
// check does.
import { lessonContentHash, type TranslationLock } from '../check/translation-lock.js';
import type { EditionFiles, LessonFile } from './edition-files.js';
import { unitHash } from './edition-units.js';
import type { TranslationSources, UnitSources } from './translation-sources.js';
import type { Slot } from './unit-slot.js';

export interface ChangeContext {
  from: string;
  to: string;
  /** The target edition as it is, undefined when it does not exist yet. */
  target: EditionFiles | undefined;
  sources: TranslationSources;
  lock: TranslationLock | undefined;
}

/** The units of the source's edition.yaml to send. */
export function changedEditionSlots(slots: readonly Slot[], context: ChangeContext): Slot[] {
  const record = context.target?.editionText === undefined ? undefined : recordOf(context)?.edition;
  // Without a record of an import, nothing says what the edition.yaml was translated from.
  return record === undefined ? [...slots] : slots.filter((slot) => record[slot.id] !== unitHash(slot));
}

/** The units of one source lesson to send. */
export function changedLessonSlots(source: LessonFile, slots: readonly Slot[], context: ChangeContext): Slot[] {
  const target = context.target?.lessons.find((lesson) => lesson.id === source.id);
  if (target === undefined) return [...slots];
  const record = recordOf(context)?.lessons[source.id];
  if (record !== undefined) return slots.filter((slot) => record[slot.id] !== unitHash(slot));
  const locked = context.lock?.lessons[source.id];
  const sourceHash = locked?.[context.from];
  const targetHash = locked?.[context.to];
  // Not in the lock (a lesson added since): nothing says the translation is current.
  if (sourceHash === undefined || targetHash === undefined) return [...slots];
  if (lessonContentHash(source.text) === sourceHash) return [];
  // The source changed since the lock: outdated while the target did not (translation-outdated).
  return lessonContentHash(target.text) === targetHash ? [...slots] : [];
}

/** What the imports into the target language recorded, when they were from this source language. */
function recordOf(context: ChangeContext): { edition?: UnitSources; lessons: Record<string, UnitSources> } | undefined {
  const sources = context.sources.editions[context.to];
  return sources?.from === context.from ? sources : undefined;
}
