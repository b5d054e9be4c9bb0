// What a file is by its first bytes (magic numbers from each format's specification), so that a
// file's content can be held against what its extension promises.

/** A kind of content that can be told from its first bytes. */
export type ContentKind =
  | 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'iso-media' | 'pdf' | 'zip' | 'opendocument'
  | 'mp3' | 'ogg' | 'wav' | 'webm' | 'woff' | 'woff2' | 'xml' | 'html' | 'script' | 'executable' | 'text' | 'binary' | 'empty';

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 512;

const LABELS: Record<ContentKind, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  avif: 'an AVIF image',
  'iso-media': 'an MP4/M4A media file',
  pdf: 'a PDF document',
  zip: 'a zip archive',
  opendocument: 'an OpenDocument file',
  mp3: 'an MP3 audio file',
  ogg: 'an Ogg media file',
  wav: 'a WAV audio file',
  webm: 'a WebM/Matroska media file',
  woff: 'a WOFF font',
  woff2: 'a WOFF2 font',
  xml: 'an XML document',
  html: 'an HTML page',
  script: 'a script',
  executable: 'a program',
  text: 'plain text',
  binary: 'binary data of no known format',
  empty: 'empty (0 bytes)',
};

/** "a PNG image", "an HTML page" … for messages. */
export function describeContent(kind: ContentKind): string {
  return LABELS[kind];
}

/** Extensions a lesson may embed or link (or a course theme name), and the content their bytes must have. */
const EXPECTED: Record<string, readonly ContentKind[]> = {
  png: ['png'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  avif: ['avif'],
  svg: ['xml'],
  pdf: ['pdf'],
  txt: ['text', 'empty'],
  csv: ['text', 'empty'],
  mp3: ['mp3'],
  m4a: ['iso-media'],
  mp4: ['iso-media'],
  ogg: ['ogg'],
  wav: ['wav'],
  webm: ['webm'],
  // Office Open XML documents are zip archives (ECMA-376 part 2).
  docx: ['zip'],
  xlsx: ['zip'],
  pptx: ['zip'],
  // OpenDocument files are zip archives starting with their `mimetype` entry (ODF 1.2 part 3, 3.3).
  odt: ['opendocument'],
  ods: ['opendocument'],
  odp: ['opendocument'],
  // Web fonts a course theme may ship (WOFF 1.0 and WOFF 2.0 headers start with their signature).
  woff: ['woff'],
  woff2: ['woff2'],
};

/** The content kinds a file with this extension (lower case, no dot) must have; undefined if unknown. */
export function expectedContent(extension: string): readonly ContentKind[] | undefined {
  return EXPECTED[extension];
}

function ascii(bytes: Uint8Array, start: number, text: string): boolean {
  if (bytes.length < start + text.length) return false;
  for (let index = 0; index < text.length; index++) {
    if (bytes[start + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** ISO base media (ISO/IEC 14496-12): an `ftyp` box first; AVIF when a brand is `avif` or `avis`. */
function isoMedia(bytes: Uint8Array): ContentKind | undefined {
  if (!ascii(bytes, 4, 'ftyp')) return undefined;
  const size = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
  const end = Math.min(bytes.length, Math.max(16, size));
  for (let offset = 8; offset + 4 <= end; offset += 4) {
    // Offset 12 is the minor version, not a brand.
    if (offset !== 12 && (ascii(bytes, offset, 'avif') || ascii(bytes, offset, 'avis'))) return 'avif';
  }
  return 'iso-media';
}

/** Leading text without a byte-order mark and leading white space, lower-cased, for markup sniffing. */
function leadingText(bytes: Uint8Array): string {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return text.trimStart().slice(0, 256).toLowerCase();
}

function isText(bytes: Uint8Array): boolean {
  // UTF-16 text starts with its byte-order mark; any other text has no NUL bytes.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return !bytes.includes(0);
}

/** What `bytes` (the first SNIFF_BYTES of a file, or all of it) are. */
export function sniff(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  const iso = isoMedia(bytes);
  if (iso !== undefined) return iso;
  if (ascii(bytes, 0, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ascii(bytes, 30, 'mimetypeapplication/vnd.oasis.opendocument.') ? 'opendocument' : 'zip';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (ascii(bytes, 0, 'wOFF')) return 'woff';
  if (ascii(bytes, 0, 'wOF2')) return 'woff2';
  // An ID3v2 tag, or an MPEG audio frame header: 11 sync bits, a version other than the reserved
  // 01, and layer III or II (bits 01 or 10; 11 is layer I, and FF FE is UTF-16 text's byte-order mark).
  if (ascii(bytes, 0, 'ID3') || (bytes[0] === 0xff && bytes.length > 1 && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x18) !== 0x08 && ((bytes[1]! & 0x06) === 0x02 || (bytes[1]! & 0x06) === 0x04))) return 'mp3';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || ascii(bytes, 0, 'MZ') || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return 'executable';
  if (!isText(bytes)) return 'binary';
  const text = leadingText(bytes);
  if (text.startsWith('#!')) return 'script';
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<script[\s>]|^<iframe[\s>]/.test(text)) return 'html';
  if (/^<\?xml[\s?]|^<svg[\s>:/]|^<!doctype svg|^<!--/.test(text)) return 'xml';
  return 'text';
}
