// Which units `translate export --changed` sends: those whose source changed since the target
// language was last updated. The import's record says so unit by unit while the target file is as
// the import wrote it; otherwise translations.lock decides for the whole lesson, as the
// translation-outdated check does.
import { lessonContentHash, type TranslationLock } from '../check/translation-lock.js';
import type { EditionFiles, LessonFile } from './edition-files.js';
import { unitHash } from './edition-units.js';
import type { FileSources, TranslationSources } from './translation-sources.js';
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
  const text = context.target?.editionText;
  if (text === undefined) return [...slots];
  const record = recordOf(context, (sources) => sources.edition, text);
  // Without a record of the import, nothing says what the edition.yaml was translated from.
  return record === undefined ? [...slots] : slots.filter((slot) => record.units[slot.id] !== unitHash(slot));
}

/** The units of one source lesson to send. */
export function changedLessonSlots(source: LessonFile, slots: readonly Slot[], context: ChangeContext): Slot[] {
  const target = context.target?.lessons.find((lesson) => lesson.id === source.id);
  if (target === undefined) return [...slots];
  const record = recordOf(context, (sources) => sources.lessons[source.id], target.text);
  if (record !== undefined) return slots.filter((slot) => record.units[slot.id] !== unitHash(slot));
  const locked = context.lock?.lessons[source.id];
  const sourceHash = locked?.[context.from];
  const targetHash = locked?.[context.to];
  // Not in the lock (a lesson added since): nothing says the translation is current.
  if (sourceHash === undefined || targetHash === undefined) return [...slots];
  if (lessonContentHash(source.text) === sourceHash) return [];
  // The source changed since the lock: outdated while the target did not (translation-outdated).
  return lessonContentHash(target.text) === targetHash ? [...slots] : [];
}

/** The import's record of a file, while the file is still as the import wrote it. */
function recordOf(context: ChangeContext, pick: (sources: NonNullable<TranslationSources['editions'][string]>) => FileSources | undefined, text: string): FileSources | undefined {
  const sources = context.sources.editions[context.to];
  if (sources === undefined || sources.from !== context.from) return undefined;
  const record = pick(sources);
  return record !== undefined && record.file === lessonContentHash(text) ? record : undefined;
}
