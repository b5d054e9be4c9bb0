// Where the tool's own files live (templates, node_modules), whether run from src/ or out/src/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'scormdown') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the scormdown package root above ${start}`);
    dir = parent;
  }
}

/** The scormdown package folder. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
/** Page, shell and CSS templates and UI strings. */
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const STRINGS_DIR = path.join(TEMPLATES_DIR, 'strings');
