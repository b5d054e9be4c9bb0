// Reads an author's text file (course.yaml, edition.yaml, a lesson, a strings file) as strict
// UTF-8: a file saved in another encoding (Windows-1252, Latin-1, UTF-16) or a binary file is
// named with the line and column of its first byte that is not UTF-8, instead of being read as
// replacement characters.
import fs from 'node:fs/promises';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../model/messages.js';

export type TextFileRead =
  | { kind: 'text'; text: string }
  /** The first byte that is not UTF-8, where it stands, and whether the file starts as UTF-16 does. */
  | { kind: 'not-utf8'; byte: number; place: Point; utf16: boolean }
  /** The file is not there (it may have been removed since its folder was listed). */
  | { kind: 'missing' }
  /** There but not readable: a folder, no permission…; `code` is the system's error code. */
  | { kind: 'unreadable'; code: string };

/** Read `filePath` as UTF-8 text (a leading byte order mark is dropped). */
export async function readTextFile(filePath: string): Promise<TextFileRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
  return decodeUtf8(bytes);
}

/** Decode `bytes` as strict UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Extract<TextFileRead, { kind: 'text' | 'not-utf8' }> {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return firstBadByte(bytes);
  }
}

/**
 * Where decoding fails. A prefix that decodes in streaming mode (an incomplete sequence at its end
 * is held back, not an error) stays decodable when shortened, so the longest such prefix is found
 * by bisection; the bad sequence starts after the last whole character of that prefix.
 */
function firstBadByte(bytes: Uint8Array): Extract<TextFileRead, { kind: 'not-utf8' }> {
  const decodesAsStream = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length + 1;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodesAsStream(middle)) good = middle;
    else bad = middle;
  }
  // The byte order mark is kept here so that the byte count is right; it takes no column.
  const before = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, good), { stream: true });
  const start = Math.min(Buffer.byteLength(before, 'utf8'), bytes.length - 1);
  const lineStart = before.lastIndexOf('\n') + 1;
  const bom = lineStart === 0 && before.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  for (let index = before.indexOf('\n'); index >= 0; index = before.indexOf('\n', index + 1)) line++;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return { kind: 'not-utf8', byte: bytes[start] ?? 0, place: { line, column: before.length - lineStart - bom + 1 }, utf16 };
}

/** The message for a file that is not UTF-8: "Unexpected …, expected …". */
export function notUtf8Reason(read: Extract<TextFileRead, { kind: 'not-utf8' }>): string {
  const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  if (read.utf16) return 'Unexpected UTF-16 text (the file starts with a UTF-16 byte order mark), expected the file saved as UTF-8 (in the editor: save with the encoding UTF-8)';
  return `Unexpected byte ${hex(read.byte)} that is not UTF-8 text, expected the file saved as UTF-8 (in the editor: save with the encoding UTF-8)`;
}

/**
 * The text of `filePath`, the file that `file` stands for; when it is not UTF-8 that is reported on
 * `file` (rule `encoding-invalid`) and the result is undefined. Throws when it is missing or unreadable.
 */
export async function readReportingEncoding(file: VFile, filePath: string): Promise<string | undefined> {
  const read = await readTextFile(filePath);
  if (read.kind === 'text') return read.text;
  if (read.kind === 'not-utf8') {
    report(file, notUtf8Reason(read), read.place, 'encoding-invalid');
    return undefined;
  }
  throw Object.assign(new Error(`${filePath} cannot be read`), { code: read.kind === 'missing' ? 'ENOENT' : read.code });
}
