// Browser code (the learner runtime, the preview's emulator page) bundled by esbuild into one
// minified script, in memory; and the course stylesheet minified. Used when the tool is compiled
// (scripts/bundle-browser.mjs writes out/browser/) and by tests for their own pages; never by a
// build: esbuild is a development dependency, not installed with the tool.
import path from 'node:path';
import { build, transform } from 'esbuild';

/** Every browser an LMS still supports runs ES2020; older targets only add down-levelling code. */
const BROWSER_TARGET = 'es2020';

export interface BrowserBundle {
  code: Buffer;
  /** Absolute paths of the files esbuild read for the bundle. */
  inputs: string[];
}

export async function bundleBrowserScript(entry: string, what: string): Promise<Buffer> {
  return (await bundleBrowserScriptWithInputs(entry, what)).code;
}

export async function bundleBrowserScriptWithInputs(entry: string, what: string): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: [BROWSER_TARGET],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no ${what} bundle`);
  // Metafile paths are relative to esbuild's working folder; a namespace prefix marks a module
  // that is not a file.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !/^[a-z-]+:/.test(input))
    .map((input) => path.resolve(input));
  return { code: Buffer.from(output.contents), inputs };
}

/** A stylesheet without comments and spaces; nothing else changes (no target lowering). */
export async function minifyCss(css: string): Promise<string> {
  const result = await transform(css, { loader: 'css', minify: true, legalComments: 'none', logLevel: 'silent' });
  return result.code;
}
