// The output folder (`--out`, default dist/): made ready before a build (created, checked to be a
// writable folder, cleared of the temporary files of builds that died), and what went wrong
// writing to it, as an OutputError that the command line reports without a stack trace.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import { removeStaleTemporaryFiles } from './write-output.js';

/** Writing to the output folder failed for a reason outside the course (permissions, a file in the way…). */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    /** The file or folder that could not be written. */
    readonly target: string,
    /** The system's error code (EACCES, EROFS, ENOTDIR, ENOSPC…). */
    readonly code: string,
    /** What it means, in words. */
    readonly reason: string,
  ) {
    super(`${reason} (${code})`);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a file stands where a folder is needed',
  EEXIST: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
  ENOTEMPTY: 'a folder stands where a file is needed',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'the disk reported an input/output error',
};

/** The error as an OutputError about `target` when it is a file-system error; otherwise unchanged. */
export function asOutputError(error: unknown, target: string): unknown {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new OutputError((error as NodeJS.ErrnoException).path ?? target, code, REASONS[code] ?? 'the system refused the write');
}

/** Create `outDir` if needed, make sure it is a writable folder, and remove stale temporary files. */
export async function prepareOutputFolder(outDir: string): Promise<string[]> {
  try {
    const existing = await fs.stat(outDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing !== undefined && !existing.isDirectory()) throw new OutputError(outDir, 'ENOTDIR', 'it is a file, not a folder');
    if (existing === undefined) await fs.mkdir(outDir, { recursive: true });
    await fs.access(outDir, constants.W_OK);
    return await removeStaleTemporaryFiles(outDir);
  } catch (error) {
    throw asOutputError(error, outDir);
  }
}
