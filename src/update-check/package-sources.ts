// Finds the previous packages `check --against` compares with: a zip, an unpacked package folder,
// or a folder holding several of them (such as an old dist/), and reads files out of each.
import fs from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { MANIFEST_PATH } from '../package/manifest.js';
import { UpdateCheckError } from './update-check-error.js';

/** One package to read: files by their `/`-separated path inside the package. */
export interface PackageSource {
  /** The zip file or folder, as an absolute path. */
  location: string;
  kind: 'zip' | 'folder' | 'memory';
  /** The file's bytes, or undefined when the package has no such file. */
  read(entryPath: string): Promise<Buffer | undefined>;
}

/** No file of ours comes near this; a larger entry is refused rather than inflated into memory. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b]);

/** The packages at `location`, sorted by path. Throws UpdateCheckError with a plain message. */
export async function findPackageSources(location: string): Promise<PackageSource[]> {
  const stats = await fs.stat(location).catch(() => undefined);
  if (stats === undefined) throw new UpdateCheckError(`Cannot find ${location}: expected a package zip, an unpacked package folder, or a folder holding them (such as an old dist/)`);
  if (stats.isFile()) return [zipSource(location)];
  if (!stats.isDirectory()) throw new UpdateCheckError(`${location} is neither a file nor a folder`);
  if (await isFile(path.join(location, MANIFEST_PATH))) return [folderSource(location)];

  const names = (await fs.readdir(location).catch((error: unknown) => {
    throw new UpdateCheckError(`Cannot read the folder ${location}: ${(error as Error).message}`);
  })).sort();
  const sources: PackageSource[] = [];
  for (const name of names) {
    const entry = path.join(location, name);
    if (name.toLowerCase().endsWith('.zip') && (await isFile(entry))) sources.push(zipSource(entry));
    else if (await isFile(path.join(entry, MANIFEST_PATH))) sources.push(folderSource(entry));
  }
  if (sources.length === 0) throw new UpdateCheckError(`No package in ${location}: expected zips or unpacked package folders (with ${MANIFEST_PATH}) in it`);
  return sources;
}

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isFile() === true;
}

/** A zip, read when a file of it is first asked for (so that one bad zip in a folder of packages is skipped, not fatal). */
function zipSource(location: string): PackageSource {
  let bytes: Promise<Uint8Array> | undefined;
  const open = async (): Promise<Uint8Array> => {
    const data = await fs.readFile(location).catch((error: unknown) => {
      throw new UpdateCheckError(`Cannot read ${location}: ${(error as Error).message}`);
    });
    if (data.length < 22 || !data.subarray(0, 2).equals(ZIP_SIGNATURE)) throw new UpdateCheckError(`${location} is not a zip file`);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  };
  return {
    location,
    kind: 'zip',
    read: async (entryPath) => {
      bytes ??= open();
      const zip = await bytes;
      let found: Uint8Array | undefined;
      try {
        found = unzipSync(zip, { filter: (file) => file.name === entryPath && file.originalSize <= MAX_ENTRY_BYTES })[entryPath];
      } catch (error) {
        throw new UpdateCheckError(`Cannot read ${entryPath} in ${location}: the zip is damaged (${(error as Error).message})`);
      }
      return found === undefined ? undefined : Buffer.from(found.buffer, found.byteOffset, found.byteLength);
    },
  };
}

function folderSource(location: string): PackageSource {
  return {
    location,
    kind: 'folder',
    read: async (entryPath) => {
      const file = path.join(location, ...entryPath.split('/'));
      if (!file.startsWith(location + path.sep)) return undefined;
      try {
        return await fs.readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
        throw new UpdateCheckError(`Cannot read ${file}: ${(error as Error).message}`);
      }
    },
  };
}

/** A package that exists only in memory (the course as it would be packaged now). */
export function memorySource(location: string, files: ReadonlyArray<{ path: string; data: Buffer }>): PackageSource {
  const byPath = new Map(files.map((file) => [file.path, file.data]));
  return { location, kind: 'memory', read: async (entryPath) => byPath.get(entryPath) };
}
