// What every package of a target shares, read once per build: the CSS (minified; the first
// screen's part, templates/course.css, inlined into index.html and a file for the lesson pages;
// the later screens' part, templates/screens.css, a file both load after the first screen), the
// bundled learner runtime of the target (inlined into index.html), the later screens' code
// (assets/screens.js, the same for both targets, loaded by the runtime after the first screen) and scorm-again's LMS of the
// target (loaded only when no LMS is found). With the first screen's CSS and the runtime in the
// launch page, the first lesson needs one request, which is what counts on a slow phone link. The
// runtimes and the CSS were bundled and minified when the tool was compiled (prebuilt-assets.ts).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { COURSE_CSS, LATER_SCREENS_SCRIPT, LEARNER_RUNTIME, LEARNER_RUNTIME_2004, readPrebuilt, SCREENS_CSS, type PrebuiltAsset } from './prebuilt-assets.js';
import type { Target } from '../model/course.js';
import type { PackageFile } from '../model/package-file.js';
import { CSS_PATH, SCREENS_CSS_PATH, SCREENS_SCRIPT_PATH, STANDALONE_LMS_2004_PATH, STANDALONE_LMS_PATH } from '../contract/package-layout.js';

/** Per target: its learner runtime, and scorm-again's standalone LMS (the IIFE build, which defines window.Scorm12API or window.Scorm2004API) and where the package has it. */
const TARGET_ASSETS: Readonly<Record<Target, { runtime: PrebuiltAsset; standaloneLms: string; standaloneLmsPath: string }>> = {
  scorm12: { runtime: LEARNER_RUNTIME, standaloneLms: 'scorm-again/scorm12/min', standaloneLmsPath: STANDALONE_LMS_PATH },
  scorm2004: { runtime: LEARNER_RUNTIME_2004, standaloneLms: 'scorm-again/scorm2004/min', standaloneLmsPath: STANDALONE_LMS_2004_PATH },
};

export interface SharedAssets {
  /** The target these assets are for: the course data of a package names it too. */
  target: Target;
  files: PackageFile[];
  /** The minified learner runtime, safe as the text of an inline `<script>` element. */
  inlineRuntime: string;
  /** The first screen's part of the course stylesheet, minified, safe as the text of an inline `<style>` element. */
  inlineCss: string;
}

const pending = new Map<Target, Promise<SharedAssets>>();

/** Build the shared assets of `target` once per process. */
export function sharedAssets(target: Target = 'scorm12'): Promise<SharedAssets> {
  let assets = pending.get(target);
  if (assets === undefined) {
    assets = buildSharedAssets(target);
    // A refused prebuilt runtime (npm run compile not run) is tried again on the next call.
    assets.catch(() => pending.delete(target));
    pending.set(target, assets);
  }
  return assets;
}

async function buildSharedAssets(target: Target): Promise<SharedAssets> {
  const { standaloneLmsPath } = TARGET_ASSETS[target];
  const [runtime, screensScript, standaloneLms, css, screensCss] = await Promise.all([bundleRuntime(target), readPrebuilt(LATER_SCREENS_SCRIPT), readStandaloneLms(target), minifiedCss(COURSE_CSS), minifiedCss(SCREENS_CSS)]);
  return {
    target,
    inlineRuntime: inlineScriptText(runtime.toString('utf8')),
    inlineCss: inlineStyleText(css),
    files: [
      // The launch page has the first screen's part inline; lesson pages read it from this file. Both load the rest.
      { path: CSS_PATH, data: Buffer.from(css, 'utf8') },
      { path: SCREENS_CSS_PATH, data: Buffer.from(screensCss, 'utf8') },
      // The assessment's and the results screen's code, which the runtime loads after the first screen.
      { path: SCREENS_SCRIPT_PATH, data: screensScript },
      { path: standaloneLmsPath, data: standaloneLms },
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
 * (`</style`) or open a comment the HTML parser would see, so any `</` or `<!--` is refused;
 * `what` names the stylesheet in the error.
 */
export function inlineStyleText(css: string, what = 'templates/course.css'): string {
  if (css.includes('</') || css.includes('<!--')) throw new Error(`${what} contains "</" or "<!--" and cannot be inlined into index.html`);
  return css;
}

/** The bundled, minified learner runtime of `target` (src/runtime/main.ts, main-scorm2004.ts), as compiled with the tool. */
export function bundleRuntime(target: Target = 'scorm12'): Promise<Buffer> {
  return readPrebuilt(TARGET_ASSETS[target].runtime);
}

/** A stylesheet of templates/ (course.css, screens.css) without comments and spaces, as minified when the tool was compiled. */
async function minifiedCss(asset: PrebuiltAsset): Promise<string> {
  return (await readPrebuilt(asset)).toString('utf8');
}

async function readStandaloneLms(target: Target): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  // The `require` condition of scorm-again's exports is the IIFE build (dist/scorm12.min.js,
  // dist/scorm2004.min.js), which defines its API on window when loaded by a <script> element.
  return fs.readFile(require.resolve(TARGET_ASSETS[target].standaloneLms));
}
