// What every package of a build shares, produced once per build: the CSS (minified: it is on the
// way to the first lesson), the bundled learner runtime (inlined into index.html, so the first
// lesson needs no request for it) and scorm-again (loaded only when no LMS is found).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { PACKAGE_ROOT } from '../paths.js';
import { transform } from 'esbuild';
import { readTemplate } from './templates.js';
import { bundleBrowserScript } from './browser-bundle.js';
import type { PackageFile } from './render-edition.js';

export interface SharedAssets {
  files: PackageFile[];
  /** The minified learner runtime, safe as the text of an inline `<script>` element. */
  inlineRuntime: string;
}

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
    inlineRuntime: inlineScriptText(runtime.toString('utf8')),
    files: [
      { path: CSS_PATH, data: Buffer.from(css, 'utf8') },
      { path: STANDALONE_LMS_PATH, data: standaloneLms },
    ],
  };
}

/**
 * A script as the text of an inline `<script>` element: every `</` becomes `<\/`, so no `</script`
 * can end the element early. In strings, template literals, regular expressions and comments `\/`
 * means `/`; anywhere else the backslash would be a syntax error, so the result is compiled (not
 * run) to prove it is still the same program. `<!--` is refused: with a `<script` after it the
 * element's end tag would not end it.
 */
export function inlineScriptText(code: string): string {
  const escaped = code.replace(/<\//g, '<\\/');
  if (escaped.includes('<!--')) throw new Error('the learner runtime contains "<!--" and cannot be inlined into index.html');
  new vm.Script(escaped, { filename: 'runtime.js' });
  return escaped;
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
