// Files every package of a build shares, produced once per build: the CSS (minified: it is on the
// way to the first lesson), the bundled learner runtime and scorm-again (loaded only when no LMS
// is found).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { transform } from 'esbuild';
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
  const [runtime, standaloneLms, css] = await Promise.all([bundleRuntime(), readStandaloneLms(), minifiedCss()]);
  return {
    runtimeBytes: runtime.length,
    files: [
      { path: CSS_PATH, data: Buffer.from(css, 'utf8') },
      { path: RUNTIME_PATH, data: runtime },
      { path: STANDALONE_LMS_PATH, data: standaloneLms },
    ],
  };
}

export function bundleRuntime(): Promise<Buffer> {
  return bundleBrowserScript(RUNTIME_ENTRY, 'runtime');
}

/** templates/course.css without comments and spaces; nothing else changes (no target lowering). */
async function minifiedCss(): Promise<string> {
  const result = await transform(readTemplate('course.css'), { loader: 'css', minify: true, legalComments: 'none', logLevel: 'silent' });
  return result.code;
}

async function readStandaloneLms(): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  // The IIFE build: it defines window.Scorm12API when loaded by a <script> element.
  return fs.readFile(require.resolve('scorm-again/scorm12/min'));
}
