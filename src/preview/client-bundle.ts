// Bundles the emulator page's code (src/preview/client/, with scorm-again) once per server start.
import path from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../paths.js';

export const CLIENT_ENTRY = path.join(PACKAGE_ROOT, 'src', 'preview', 'client', 'main.ts');

export async function bundleEmulatorClient(): Promise<Buffer> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no emulator bundle');
  return Buffer.from(output.contents);
}
