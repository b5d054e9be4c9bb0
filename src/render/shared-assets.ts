// What every package of a build shares, read once per build: the CSS (minified; inlined into
// index.html and a file for the lesson pages), the bundled learner runtime (inlined into
// index.html) and scorm-again (loaded only when no LMS is found). With the CSS and the runtime in
// the launch page, the first lesson needs one request, which is what counts on a slow phone link.
// The runtime and the CSS were bundled and minified when the tool was compiled (prebuilt-assets.ts).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { COURSE_CSS, LEARNER_RUNTIME, readPrebuilt } from './prebuilt-assets.js';
import type { PackageFile } from '../model/package-file.js';
import { CSS_PATH, STANDALONE_LMS_PATH } from '../contract/package-layout.js';

export interface SharedAssets {
  files: PackageFile[];
  /** The minified learner runtime, safe as the text of an inline `<script>` element. */
  inlineRuntime: string;
  /** The minified course stylesheet, safe as the text of an inline `<style>` element. */
  inlineCss: string;
}

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
    inlineCss: inlineStyleText(css),
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

/**
 * A stylesheet as the text of an inline `<style>` element: nothing in it may end the element
 * (`</style`) or open a comment the HTML parser would see, so any `</` or `<!--` is refused.
 */
export function inlineStyleText(css: string): string {
  if (css.includes('</') || css.includes('<!--')) throw new Error('templates/course.css contains "</" or "<!--" and cannot be inlined into index.html');
  return css;
}

/** The bundled, minified learner runtime (src/runtime/main.ts), as compiled with the tool. */
export function bundleRuntime(): Promise<Buffer> {
  return readPrebuilt(LEARNER_RUNTIME);
}

/** templates/course.css without comments and spaces, as minified when the tool was compiled. */
async function minifiedCss(): Promise<string> {
  return (await readPrebuilt(COURSE_CSS)).toString('utf8');
}

async function readStandaloneLms(): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  // The IIFE build: it defines window.Scorm12API when loaded by a <script> element.
  return fs.readFile(require.resolve('scorm-again/scorm12/min'));
}
