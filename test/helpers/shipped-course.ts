// Builds the shipped course once per test worker into a temporary folder.
import fs from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCourse, type BuildResult } from '../../src/index.js';
import { PACKAGE_ROOT } from '../../src/tool/install-paths.js';

/** The repository: the same folder whether the helpers run from test/ or compiled into out/test/ (bench/gallery.ts). */
export const REPO_ROOT = PACKAGE_ROOT;
export const SHIPPED_COURSE = path.join(REPO_ROOT, 'course');

let pending: Promise<{ outDir: string; result: BuildResult }> | undefined;

/** Build `course/` into a fresh temporary dist folder (memoised per worker). */
export function buildShippedCourse(): Promise<{ outDir: string; result: BuildResult }> {
  pending ??= (async () => {
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-shipped-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const result = await buildCourse({ courseDir: SHIPPED_COURSE, outDir });
    if (!result.ok) throw new Error(`The shipped course did not build: ${JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))}`);
    return { outDir, result };
  })();
  return pending;
}
