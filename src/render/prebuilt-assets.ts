// The browser files made when the tool is compiled (`npm run compile` runs
// scripts/bundle-browser.mjs): the learner runtimes (SCORM 1.2 and SCORM 2004), the later screens'
// script (both targets) and the emulator
// page's script, bundled and minified, and the minified course stylesheet, in out/browser/ with a
// manifest of what each was made from. A build and the preview only read them, so an installed
// tool needs neither the TypeScript sources nor esbuild. In a source checkout a file older than
// its sources is refused rather than shipped.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../tool/install-paths.js';

export interface PrebuiltAsset {
  /** File name in out/browser/. */
  name: string;
  /** What it is, for messages. */
  what: string;
  /** Package-relative path of the entry (a script) or of the stylesheet it is minified from. */
  source: string;
  kind: 'script' | 'css';
}

export const LEARNER_RUNTIME: PrebuiltAsset = { name: 'runtime.js', what: 'learner runtime', source: 'src/runtime/main.ts', kind: 'script' };
export const LEARNER_RUNTIME_2004: PrebuiltAsset = { name: 'runtime-scorm2004.js', what: 'SCORM 2004 learner runtime', source: 'src/runtime/main-scorm2004.ts', kind: 'script' };
export const LATER_SCREENS_SCRIPT: PrebuiltAsset = { name: 'screens.js', what: "later screens' script", source: 'src/runtime/screens.ts', kind: 'script' };
export const EMULATOR_CLIENT: PrebuiltAsset = { name: 'emulator.js', what: "preview emulator page's script", source: 'src/preview/client/main.ts', kind: 'script' };
export const COURSE_CSS: PrebuiltAsset = { name: 'course.css', what: 'minified course stylesheet', source: 'templates/course.css', kind: 'css' };
export const SCREENS_CSS: PrebuiltAsset = { name: 'screens.css', what: 'minified stylesheet of the later screens', source: 'templates/screens.css', kind: 'css' };
/** A prebuilt file is missing or older than its sources; the message says what to run. */
export class PrebuiltAssetError extends Error {
  override name = 'PrebuiltAssetError';
}

export const PREBUILT_ASSETS: readonly PrebuiltAsset[] = [LEARNER_RUNTIME, LEARNER_RUNTIME_2004, LATER_SCREENS_SCRIPT, EMULATOR_CLIENT, COURSE_CSS, SCREENS_CSS];

/** Package-relative folder of the prebuilt files. */
export const PREBUILT_DIR = 'out/browser';
export const PREBUILT_MANIFEST = 'manifest.json';

/** out/browser/manifest.json: per file its SHA-256 and those of the files it was made from. */
export interface PrebuiltManifest {
  files: Record<string, { sha256: string; inputs: Record<string, string> }>;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Package-relative, with forward slashes, as in the manifest. */
export function packagePath(absolute: string): string {
  return path.relative(PACKAGE_ROOT, absolute).split(path.sep).join('/');
}

const reads = new Map<string, Promise<Buffer>>();

/**
 * A prebuilt file's bytes, read and checked once per process; rejects (saying to run npm run
 * compile) if it is missing or stale, and then tries again on the next call.
 */
export function readPrebuilt(asset: PrebuiltAsset): Promise<Buffer> {
  let read = reads.get(asset.name);
  if (read === undefined) {
    read = readChecked(asset);
    read.catch(() => reads.delete(asset.name));
    reads.set(asset.name, read);
  }
  return read;
}

async function readChecked(asset: PrebuiltAsset): Promise<Buffer> {
  const file = `${PREBUILT_DIR}/${asset.name}`;
  const refuse = (why: string) => new PrebuiltAssetError(`The ${asset.what} (${file}) ${why}: run npm run compile`);
  const entry = (await readManifest())?.files[asset.name];
  const data = await fs.readFile(path.join(PACKAGE_ROOT, file)).catch(() => undefined);
  if (entry === undefined || data === undefined) throw refuse('is missing');
  if (sha256(data) !== entry.sha256) throw refuse('does not match its manifest');
  // An installed package has no src/: its files are what was packed. Only the inputs it ships
  // (templates/) can be compared there; a dependency's files may be elsewhere in node_modules.
  const sourceCheckout = existsSync(path.join(PACKAGE_ROOT, 'src'));
  for (const [input, hash] of Object.entries(entry.inputs)) {
    if (!sourceCheckout && input.startsWith('node_modules/')) continue;
    const current = await fs.readFile(path.join(PACKAGE_ROOT, input)).catch(() => undefined);
    if (current === undefined && !sourceCheckout) continue;
    if (current === undefined || sha256(current) !== hash) throw refuse(`is stale: ${input} changed since it was made`);
  }
  return data;
}

async function readManifest(): Promise<PrebuiltManifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(PACKAGE_ROOT, PREBUILT_DIR, PREBUILT_MANIFEST), 'utf8')) as PrebuiltManifest;
  } catch {
    return undefined;
  }
}
