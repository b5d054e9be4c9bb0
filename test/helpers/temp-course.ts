// A private copy of a course folder in a temporary directory, as <tmp>/course.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SHIPPED_COURSE } from './shipped-course.js';

export interface TempCourse {
  /** The temporary folder holding `course/` (use it as the cwd for relative message paths). */
  root: string;
  /** The course folder. */
  dir: string;
  /** Absolute path of a file inside the course. */
  file: (...parts: string[]) => string;
  dispose: () => Promise<void>;
}

export async function copyCourse(source: string = SHIPPED_COURSE): Promise<TempCourse> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-preview-')));
  const dir = path.join(root, 'course');
  await fs.cp(source, dir, { recursive: true });
  return {
    root,
    dir,
    file: (...parts) => path.join(dir, ...parts),
    dispose: () => fs.rm(root, { recursive: true, force: true }),
  };
}
