// Reads a zip for the package tests: file contents through fflate, and the central directory
// (entry order, dates, modes, host system) read here, since those are what reproducibility and
// LMS compatibility depend on.
import { unzipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** DOS date and time fields as stored. */
  dosDate: number;
  dosTime: number;
  /** Unix mode bits (upper 16 bits of the external attributes). */
  unixMode: number;
  /** Host system in "version made by" (3 = Unix, 0 = MS-DOS). */
  host: number;
  /** Compression method (0 stored, 8 deflate). */
  method: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** The entries of the central directory, in the order they are stored. */
export function centralDirectory(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory record: not a zip');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`bad central directory entry ${index}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('latin1', offset + 46, offset + 46 + nameLength),
      host: zip.readUInt8(offset + 5),
      method: zip.readUInt16LE(offset + 10),
      dosTime: zip.readUInt16LE(offset + 12),
      dosDate: zip.readUInt16LE(offset + 14),
      unixMode: zip.readUInt32LE(offset + 38) >>> 16,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every file of the zip, by entry name. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength));
  return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data)]));
}
