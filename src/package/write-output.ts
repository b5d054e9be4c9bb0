// Atomic output: a package's zip and its unpacked folder are written under temporary names
// (`.<target>.tmp-<pid>`) and then swapped in together, one rename right after the other, so a
// failed or interrupted build never leaves a broken zip, half a folder, or a folder from one build
// beside a zip from another. The temporary files of this process are tracked, for removal on
// Ctrl-C; those of earlier processes that died are removed when the next build starts.
import { existsSync, renameSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from '../model/package-file.js';
import { writeZip } from './zip.js';

/** Small files are written this many at a time (the I/O thread pool does the rest). */
const WRITE_CONCURRENCY = 32;

/** `.<target>.tmp-<pid>`, with `.old` for the previous folder on its way out. */
const TEMPORARY_NAME = /^\..+\.tmp-(\d+)(?:\.old)?$/;

/** A temporary file of a live process older than this is taken for a leftover (its pid reused). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Temporary files and folders of this process that exist or are being written. */
const ownTemporaryPaths = new Set<string>();

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

export function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
}

/** Run `work` on a temporary path that is removed if it fails (and on Ctrl-C meanwhile). */
async function withTemporary<T>(temporary: string, recursive: boolean, work: () => Promise<T>): Promise<T> {
  ownTemporaryPaths.add(temporary);
  try {
    return await work();
  } catch (error) {
    await fs.rm(temporary, { recursive, force: true });
    throw error;
  } finally {
    ownTemporaryPaths.delete(temporary);
  }
}

/**
 * Write the zip at `zipPath` and the same files unpacked in `dir`. Both are written under
 * temporary names first; then the old folder is moved aside, the new folder and the new zip are
 * renamed into place with no await between them, and the old folder is removed.
 */
export async function writePackageAtomically(files: readonly PackageFile[], zipPath: string, dir: string): Promise<void> {
  const temporaryZip = temporaryName(zipPath);
  const temporaryDir = temporaryName(dir);
  const old = `${temporaryDir}.old`;
  ownTemporaryPaths.add(temporaryZip);
  ownTemporaryPaths.add(temporaryDir);
  ownTemporaryPaths.add(old);
  try {
    await fs.rm(temporaryDir, { recursive: true, force: true });
    // Both writes end (or fail) before anything is removed, so no write recreates a removed file.
    const written = await Promise.allSettled([writeZip(files, temporaryZip), writeFolder(files, temporaryDir)]);
    for (const outcome of written) if (outcome.status === 'rejected') throw outcome.reason;
    await fs.rm(old, { recursive: true, force: true });
    // The swap: synchronous, so no signal handler or other work runs between the renames.
    let movedAside = false;
    let placed = false;
    try {
      renameSync(dir, old);
      movedAside = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    try {
      renameSync(temporaryDir, dir);
      placed = true;
      renameSync(temporaryZip, zipPath);
    } catch (error) {
      // The new pair could not both be renamed: the previous folder goes back beside its zip.
      if (placed) rmSync(dir, { recursive: true, force: true });
      if (movedAside) renameSync(old, dir);
      throw error;
    }
    if (movedAside) await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await Promise.all([temporaryZip, temporaryDir].map((temporary) => fs.rm(temporary, { recursive: true, force: true })));
    throw error;
  } finally {
    for (const temporary of [temporaryZip, temporaryDir, old]) ownTemporaryPaths.delete(temporary);
  }
}

async function writeFolder(files: readonly PackageFile[], dir: string): Promise<void> {
  const targets = files.map((file) => ({ target: path.join(dir, ...file.path.split('/')), data: file.data }));
  for (const dirName of new Set(targets.map(({ target }) => path.dirname(target)))) await fs.mkdir(dirName, { recursive: true });
  await inBatches(targets, WRITE_CONCURRENCY, ({ target, data }) => fs.writeFile(target, data));
}

/** Replace the file `target` with `data` (written under a temporary name, then renamed). */
export async function writeFileAtomically(target: string, data: string | Buffer): Promise<void> {
  const temporary = temporaryName(target);
  await withTemporary(temporary, false, async () => {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, target);
  });
}

/** Remove this process's temporary files now (from a signal handler: synchronous). Returns how many. */
export function removeOwnTemporaryFilesSync(): number {
  let removed = 0;
  for (const temporary of ownTemporaryPaths) {
    try {
      if (!existsSync(temporary)) continue;
      rmSync(temporary, { recursive: true, force: true, maxRetries: 3 });
      removed++;
    } catch {
      // Nothing more can be done while exiting; the next build removes it.
    }
  }
  ownTemporaryPaths.clear();
  return removed;
}

/**
 * Remove the temporary files that earlier builds left in `outDir` (killed, powered off): those
 * of processes that no longer run, and those older than an hour (their pid since reused).
 * Returns the names removed.
 */
export async function removeStaleTemporaryFiles(outDir: string): Promise<string[]> {
  const names = await fs.readdir(outDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMPORARY_NAME.exec(name)?.[1]);
    const full = path.join(outDir, name);
    if (!Number.isInteger(pid) || pid <= 0 || ownTemporaryPaths.has(full)) continue;
    const stat = await fs.lstat(full).catch(() => undefined);
    if (stat === undefined) continue;
    if (pid !== process.pid && isRunning(pid) && Date.now() - stat.mtimeMs < STALE_AFTER_MS) continue;
    await fs.rm(full, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
