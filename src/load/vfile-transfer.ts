// VFiles cross worker boundaries as plain data (path, text, messages) and are rebuilt on arrival.
import { VFile } from 'vfile';
import type { EditionContent } from './load-edition.js';
import { relatedMessage, relatedOf, type RelatedPlace } from '../model/messages.js';

export interface TransferredMessage {
  reason: string;
  place: VFile['messages'][number]['place'];
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
  /** The other place the message names (its cause), if any. */
  related: RelatedPlace | undefined;
}

export interface TransferredFile {
  path: string;
  value: string;
  messages: TransferredMessage[];
}

export function toTransfer(file: VFile): TransferredFile {
  return {
    path: file.path,
    value: String(file.value),
    messages: file.messages.map((message) => ({ reason: message.reason, place: message.place, ruleId: message.ruleId, source: message.source, fatal: message.fatal, related: relatedOf(message) })),
  };
}

export function fromTransfer(data: TransferredFile): VFile {
  const file = new VFile({ path: data.path, cwd: process.cwd(), value: data.value });
  for (const message of data.messages) {
    const cause = message.related === undefined ? undefined : relatedMessage(message.related, message.ruleId);
    const rebuilt = file.message(message.reason, { place: message.place ?? undefined, ruleId: message.ruleId, source: message.source, cause });
    rebuilt.fatal = message.fatal;
  }
  return file;
}

/** An edition as a loading worker read it (its strings were resolved on the main thread). */
export type TransferredEdition = Omit<EditionContent, 'file' | 'lessons'> & {
  file: TransferredFile;
  lessons: Array<Omit<EditionContent['lessons'][number], 'file'> & { file: TransferredFile }>;
};

export function editionToTransfer(edition: EditionContent): TransferredEdition {
  return { ...edition, file: toTransfer(edition.file), lessons: edition.lessons.map((lesson) => ({ ...lesson, file: toTransfer(lesson.file) })) };
}

export function editionFromTransfer(data: TransferredEdition): EditionContent {
  return { ...data, file: fromTransfer(data.file), lessons: data.lessons.map((lesson) => ({ ...lesson, file: fromTransfer(lesson.file) })) };
}
