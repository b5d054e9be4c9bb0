// The units of a whole edition, grouped as the XLIFF files group them: one group for edition.yaml,
// one per lesson (each lesson parsed afresh, so that writing its slots changes only its own tree).
import crypto from 'node:crypto';
import type { Root } from 'mdast';
import type { Document } from 'yaml';
import { canonical } from './inline-content.js';
import { editionDocument, parseLesson, type EditionFiles, type LessonFile } from './edition-files.js';
import { EDITION_FILE_ID, editionSlots } from './edition-slots.js';
import { lessonSlots } from './lesson-slots.js';
import type { Slot } from './unit-slot.js';

export interface LessonUnits {
  lesson: LessonFile;
  /** `lesson:<id>`: the id of its XLIFF file. */
  fileId: string;
  /** Says which lesson the file is, for the translator. */
  note: string;
  tree: Root;
  slots: Slot[];
}

export interface EditionUnits {
  fileId: string;
  note: string;
  doc: Document;
  slots: Slot[];
}

export function lessonFileId(lessonId: string): string {
  return `lesson:${lessonId}`;
}

export function editionUnits(edition: EditionFiles): EditionUnits {
  const doc = editionDocument(edition.editionText);
  const slots = editionSlots(doc);
  const title = slots.find((slot) => slot.id === `${EDITION_FILE_ID}.title`);
  return {
    fileId: EDITION_FILE_ID,
    note: `The course${title === undefined ? '' : ` “${title.content.map((part) => (part.type === 'text' ? part.value : '')).join('')}”`}: its title and description`,
    doc,
    slots,
  };
}

export async function lessonUnits(lesson: LessonFile, position: number, count: number): Promise<LessonUnits> {
  const tree = await parseLesson(lesson.text, lesson.path);
  const context = { id: lesson.id, title: lesson.title, position, count, assessment: lesson.assessment };
  return {
    lesson,
    fileId: lessonFileId(lesson.id),
    note: lesson.assessment
      ? `Final assessment “${lesson.title}”: learners are scored on its questions`
      : `Lesson ${position} of ${count} “${lesson.title}”`,
    tree,
    slots: lessonSlots(tree, context),
  };
}

/** Every lesson's units, in the edition's order. */
export async function editionLessonUnits(edition: EditionFiles): Promise<LessonUnits[]> {
  return Promise.all(edition.lessons.map((lesson, index) => lessonUnits(lesson, index + 1, edition.lessons.length)));
}

/** A hash of a unit's source (its text and what its codes stand for): what `--changed` compares. */
export function unitHash(slot: Pick<Slot, 'content' | 'codes'>): string {
  const codes = slot.codes.map((code) => `${code.id}:${code.kind}:${code.role}`).join(',');
  return crypto.createHash('sha256').update(`${canonical(slot.content)}\u0000${codes}`, 'utf8').digest('hex').slice(0, 16);
}
