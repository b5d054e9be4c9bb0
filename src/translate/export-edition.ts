// `translate export`: the units of a source edition (or, with --changed, those whose source changed
// since the target language was last updated) as one XLIFF 2.0 or 1.2 document.
import path from 'node:path';
import type { VFile } from 'vfile';
import { checkCourse } from '../pipeline/build-course.js';
import { LANG_PATTERN, LANG_PATTERN_TEXT } from '../model/ids.js';
import { readTranslationLock, type TranslationLock } from '../check/translation-lock.js';
import { readEditionFiles } from './edition-files.js';
import { sourceHasErrors } from './source-errors.js';
import { editionLessonUnits, editionUnits } from './edition-units.js';
import { changedEditionSlots, changedLessonSlots, type ChangeContext } from './changed-units.js';
import { readTranslationSources } from './translation-sources.js';
import { TranslationUsageError } from './translation-error.js';
import type { Slot } from './unit-slot.js';
import type { ExportDocument, ExportFile, XliffVersion } from './xliff-document.js';
import { writeXliff2 } from './xliff2-writer.js';
import { writeXliff12 } from './xliff12-writer.js';

export interface ExportOptions {
  courseDir: string;
  from: string;
  to: string;
  version?: XliffVersion;
  /** Only the units whose source changed since `to` was last updated. */
  changed?: boolean;
}

export interface ExportResult {
  /** False when the course or the source edition has errors (in `files`): nothing exported. */
  ok: boolean;
  /** The files read, with their messages. */
  files: VFile[];
  /** The XLIFF text; undefined when there is no unit to send. */
  xliff: string | undefined;
  document: ExportDocument;
  /** Units exported, and units the source edition has. */
  units: number;
  totalUnits: number;
  courseId: string;
}

export async function exportEdition(options: ExportOptions): Promise<ExportResult> {
  const courseDir = path.resolve(options.courseDir);
  const { from, to } = options;
  if (!LANG_PATTERN.test(to)) throw new TranslationUsageError(`Unexpected --to ${to}, expected ${LANG_PATTERN_TEXT}`);
  if (to === from) throw new TranslationUsageError(`Unexpected --to ${to}, the language of --from, expected the language to translate into`);
  const { course, files } = await checkCourse(courseDir, [from]);
  const document: ExportDocument = { srcLang: from, trgLang: to, files: [] };
  const failed = { ok: false, files, xliff: undefined, document, units: 0, totalUnits: 0, courseId: course?.config.id ?? '' };
  if (course === undefined) return failed;
  if (!course.config.languages.includes(from)) throw new TranslationUsageError(`Unexpected --from ${from}, expected a language of course.yaml (${course.config.languages.join(', ')})`);
  if (sourceHasErrors(course, from)) return failed;

  const source = (await readEditionFiles(courseDir, from))!;
  const context: ChangeContext | undefined = options.changed === true
    ? { from, to, target: await readEditionFiles(courseDir, to), sources: await readTranslationSources(courseDir), lock: lockOf(courseDir) }
    : undefined;
  const edition = editionUnits(source);
  const lessons = await editionLessonUnits(source);
  const pick = (slots: Slot[], choose: (slots: Slot[]) => Slot[]) => (context === undefined ? slots : choose(slots));
  const groups: Array<{ id: string; note: string; slots: Slot[] }> = [
    { id: edition.fileId, note: edition.note, slots: pick(edition.slots, (slots) => changedEditionSlots(slots, context!)) },
    ...lessons.map((lesson) => ({ id: lesson.fileId, note: lesson.note, slots: pick(lesson.slots, (slots) => changedLessonSlots(lesson.lesson, slots, context!)) })),
  ];
  document.files = groups.filter((group) => group.slots.length > 0).map((group): ExportFile => ({
    id: group.id,
    note: group.note,
    units: group.slots.map((slot) => ({ id: slot.id, note: slot.note, source: slot.content, codes: slot.codes })),
  }));
  const units = document.files.reduce((sum, file) => sum + file.units.length, 0);
  const totalUnits = edition.slots.length + lessons.reduce((sum, lesson) => sum + lesson.slots.length, 0);
  const xliff = units === 0 ? undefined : options.version === '1.2' ? writeXliff12(document) : writeXliff2(document);
  return { ok: true, files, xliff, document, units, totalUnits, courseId: course.config.id };
}

function lockOf(courseDir: string): TranslationLock | undefined {
  try {
    return readTranslationLock(courseDir);
  } catch {
    // An unreadable lock says nothing: every lesson without the import's record is sent whole.
    return undefined;
  }
}
