// Second half of `npm run compile` (after tsc): writes the browser files a build and the preview
// read (see src/render/prebuilt-assets.ts) into out/browser/, with a manifest of the SHA-256 of
// each file and of every file it was made from. The same sources give the same bytes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../out/src/tool/install-paths.js';
import { PREBUILT_ASSETS, PREBUILT_DIR, PREBUILT_MANIFEST, packagePath, sha256 } from '../out/src/render/prebuilt-assets.js';
import { bundleBrowserScriptWithInputs, minifyCss } from '../out/src/render/browser-bundle.js';

const dir = path.join(PACKAGE_ROOT, PREBUILT_DIR);
const manifestPath = path.join(dir, PREBUILT_MANIFEST);
await fs.mkdir(dir, { recursive: true });
// Without a manifest nothing here is used: a half-finished run leaves no file that looks current.
await fs.rm(manifestPath, { force: true });

/** Write through a temporary file, so a reader never sees half a file. */
async function writeFile(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, data);
  await fs.rename(temporary, file);
}

async function make(asset) {
  const source = path.join(PACKAGE_ROOT, asset.source);
  if (asset.kind === 'css') {
    const text = await fs.readFile(source);
    return { code: Buffer.from(await minifyCss(text.toString('utf8')), 'utf8'), inputs: { [asset.source]: sha256(text) } };
  }
  const bundle = await bundleBrowserScriptWithInputs(source, asset.what);
  const inputs = {};
  for (const input of bundle.inputs.sort()) inputs[packagePath(input)] = sha256(await fs.readFile(input));
  return { code: bundle.code, inputs };
}

const files = {};
for (const [asset, made] of await Promise.all(PREBUILT_ASSETS.map(async (asset) => [asset, await make(asset)]))) {
  await writeFile(path.join(dir, asset.name), made.code);
  files[asset.name] = { sha256: sha256(made.code), inputs: made.inputs };
}
await writeFile(manifestPath, `${JSON.stringify({ files }, null, 2)}\n`);
