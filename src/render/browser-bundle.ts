// Browser code (the learner runtime, the preview's emulator page) bundled by esbuild into one
// minified script, in memory.
import { build } from 'esbuild';

/** Every browser an LMS still supports runs ES2020; older targets only add down-levelling code. */
const BROWSER_TARGET = 'es2020';

export async function bundleBrowserScript(entry: string, what: string): Promise<Buffer> {
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
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no ${what} bundle`);
  return Buffer.from(output.contents);
}
