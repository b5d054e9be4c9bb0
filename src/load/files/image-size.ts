// The pixel size of a picture from its header, for the checks of a course's logo: PNG (IHDR),
// GIF (logical screen), JPEG (the first start-of-frame segment), WebP (VP8, VP8L or VP8X chunk)
// and SVG (its width and height in px, else its viewBox). Read here rather than with a library:
// each format says its size in a few fixed bytes, and the whole reader is smaller than any
// dependency would be. A file whose header says no size gives undefined.
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface PixelSize {
  width: number;
  height: number;
}

function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u24le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  return bytes.length >= at + text.length && [...text].every((character, index) => bytes[at + index] === character.charCodeAt(0));
}

function sized(width: number, height: number): PixelSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** PNG: the IHDR chunk comes first, width and height big-endian after its type. */
function png(bytes: Uint8Array): PixelSize | undefined {
  return bytes.length >= 24 && ascii(bytes, 12, 'IHDR') ? sized(u32be(bytes, 16), u32be(bytes, 20)) : undefined;
}

/** GIF: the logical screen's width and height, little-endian, after the 6-byte signature. */
function gif(bytes: Uint8Array): PixelSize | undefined {
  return bytes.length >= 10 ? sized(u16le(bytes, 6), u16le(bytes, 8)) : undefined;
}

/** JPEG: walk the segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpeg(bytes: Uint8Array): PixelSize | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes, and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return sized(u16be(bytes, at + 7), u16be(bytes, at + 5));
    at += 2 + u16be(bytes, at + 2);
  }
  return undefined;
}

/** WebP: a RIFF file whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webp(bytes: Uint8Array): PixelSize | undefined {
  if (ascii(bytes, 12, 'VP8 ') && bytes.length >= 30) return sized(u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
  if (ascii(bytes, 12, 'VP8L') && bytes.length >= 25) {
    const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(bytes, 12, 'VP8X') && bytes.length >= 30) return sized(u24le(bytes, 24) + 1, u24le(bytes, 27) + 1);
  return undefined;
}

/** A length of an SVG root attribute in px (`120`, `120px`), undefined for other units and percentages. */
function svgLength(value: string | null): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(value ?? '');
  return match === null ? undefined : Number(match[1]);
}

/** SVG: the root's width and height in px, else its viewBox (the size it is drawn at by default). */
function svg(bytes: Uint8Array): PixelSize | undefined {
  let text = new TextDecoder().decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let root: Element | null;
  try {
    root = new DOMParser({ onError: () => undefined }).parseFromString(text, 'image/svg+xml').documentElement;
  } catch {
    return undefined;
  }
  if (root === null || root.localName !== 'svg') return undefined;
  const width = svgLength(root.getAttribute('width'));
  const height = svgLength(root.getAttribute('height'));
  if (width !== undefined && height !== undefined) return sized(width, height);
  const box = (root.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  return box.length === 4 && box.every(Number.isFinite) ? sized(box[2]!, box[3]!) : undefined;
}

/** The size of a picture of the given kind (its extension, lower case, no dot) from its bytes. */
export function pixelSize(bytes: Uint8Array, extension: string): PixelSize | undefined {
  switch (extension) {
    case 'png':
      return png(bytes);
    case 'gif':
      return gif(bytes);
    case 'jpg':
    case 'jpeg':
      return jpeg(bytes);
    case 'webp':
      return webp(bytes);
    case 'svg':
      return svg(bytes);
    default:
      return undefined;
  }
}
