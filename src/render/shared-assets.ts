// Files every package of a build shares, produced once per build: CSS, the bundled learner
// runtime and scorm-again (loaded only when no LMS is found).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { readTemplate } from './templates.js';
import { bundleBrowserScript } from './browser-bundle.js';
import type { PackageFile } from './render-edition.js';

export interface SharedAssets {
  files: PackageFile[];
  /** Minified runtime size in bytes. */
  runtimeBytes: number;
}

export const RUNTIME_PATH = 'assets/runtime.js';
export const CSS_PATH = 'assets/course.css';
export const STANDALONE_LMS_PATH = 'assets/scorm12.min.js';
const RUNTIME_ENTRY = path.join(PACKAGE_ROOT, 'src', 'runtime', 'main.ts');

let pending: Promise<SharedAssets> | undefined;

/** Build the shared assets once per process. */
export function sharedAssets(): Promise<SharedAssets> {
  pending ??= buildSharedAssets();
  return pending;
}

async function buildSharedAssets(): Promise<SharedAssets> {
  const [runtime, standaloneLms] = await Promise.all([bundleRuntime(), readStandaloneLms()]);
  return {
    runtimeBytes: runtime.length,
    files: [
      { path: CSS_PATH, data: Buffer.from(readTemplate('course.css'), 'utf8') },
      { path: RUNTIME_PATH, data: runtime },
      { path: STANDALONE_LMS_PATH, data: standaloneLms },
    ],
  };
}

export function bundleRuntime(): Promise<Buffer> {
  return bundleBrowserScript(RUNTIME_ENTRY, 'runtime');
}

async function readStandaloneLms(): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  // The IIFE build: it defines window.Scorm12API when loaded by a <script> element.
  return fs.readFile(require.resolve('scorm-again/scorm12/min'));
}
