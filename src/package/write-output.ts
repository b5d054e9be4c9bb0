// Atomic output: a package is written under a temporary name and renamed into place, so a failed
// build never leaves a broken zip or half a preview folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from '../render/render-edition.js';
import { writeZip } from './zip.js';

/** Small files are written this many at a time (the I/O thread pool does the rest). */
const WRITE_CONCURRENCY = 32;

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
}

export async function writeZipAtomically(files: readonly PackageFile[], zipPath: string): Promise<void> {
  const temporary = temporaryName(zipPath);
  try {
    await writeZip(files, temporary);
    await fs.rename(temporary, zipPath);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Replace `dir` with a folder holding exactly `files`. */
export async function writeFolderAtomically(files: readonly PackageFile[], dir: string): Promise<void> {
  const temporary = temporaryName(dir);
  const old = `${temporary}.old`;
  await fs.rm(temporary, { recursive: true, force: true });
  try {
    const targets = files.map((file) => ({ target: path.join(temporary, ...file.path.split('/')), data: file.data }));
    for (const dirName of new Set(targets.map(({ target }) => path.dirname(target)))) await fs.mkdir(dirName, { recursive: true });
    await inBatches(targets, WRITE_CONCURRENCY, ({ target, data }) => fs.writeFile(target, data));
    await fs.rm(old, { recursive: true, force: true });
    const hadOld = await fs.rename(dir, old).then(() => true, () => false);
    await fs.rename(temporary, dir);
    if (hadOld) await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
