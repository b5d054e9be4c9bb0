// Reads a `theme:` mapping (course.yaml's, or an edition.yaml's that changes it for its edition)
// once its values passed the schema (schema/course.schema.json `theme`): colours in one notation,
// the places of the keys for later messages, and the logo and font files found and checked: in the
// course folder, named as a package path may be, what their names say (file signatures, SVG
// safety), and small enough for a header and a phone.
import fs from 'node:fs';
import path from 'node:path';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { ThemeFile, ThemeKey, ThemeSettings } from '../model/course.js';
import { quote, report } from '../model/messages.js';
import { yamlNodesAt, type YamlMapping } from './yaml-fields.js';
import type { SchemaResult } from './schema-validation.js';
import { locate, realCourseRoot, shownPath } from './files/course-root.js';
import { checkMediaContent } from './files/media-content.js';
import { pixelSize } from './files/image-size.js';
import { normalHex } from './theme-colours.js';

export const THEME_KEYS: readonly ThemeKey[] = ['logo', 'logoAlt', 'accent', 'text', 'background', 'font', 'fontFile'];

/** Pictures a logo may be (an <img> in the header), and fonts a theme may ship. */
export const LOGO_TYPES: readonly string[] = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'];
export const FONT_TYPES: readonly string[] = ['woff2', 'woff'];
/** A logo is shown at most 40 CSS px high and 12rem (192 px) wide: these limits are sharp on any screen and fast on a phone. */
export const LOGO_MAX_BYTES = 50 * 1024;
export const LOGO_MAX_WIDTH = 960;
export const LOGO_MAX_HEIGHT = 240;
/** A font file is fetched before the text can show in it: at most this on a slow phone network. */
export const FONT_MAX_BYTES = 150 * 1024;

const PACKAGE_NAME = /^[A-Za-z0-9_./-]+$/;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The theme of `mapping` (undefined without a `theme:` key); `schema` says which of its values
 * the schema accepted (the others were reported). Files are relative to `baseDir`, the folder of
 * the YAML file, and must be inside `courseDir`.
 */
export function readThemeSettings(mapping: YamlMapping, schema: SchemaResult, baseDir: string, courseDir: string): ThemeSettings | undefined {
  const written = mapping.value.theme;
  if (written === undefined || written === null || typeof written !== 'object' || Array.isArray(written)) return undefined;
  const values = written as Record<string, unknown>;
  const settings: ThemeSettings = { places: {} };
  const courseRoot = realCourseRoot(courseDir);
  for (const key of THEME_KEYS) {
    const value = values[key];
    if (typeof value !== 'string' || !schema.accepts('theme', key)) continue;
    const node = yamlNodesAt(mapping, ['theme', key])?.value;
    const place = mapping.toPosition(node?.range);
    settings.places[key] = place;
    switch (key) {
      case 'accent':
      case 'text':
      case 'background':
        settings[key] = normalHex(value);
        break;
      case 'font':
      case 'logoAlt':
        settings[key] = value.trim();
        break;
      case 'logo':
      case 'fontFile': {
        const file = checkThemeFile(mapping.file, place, value, key, baseDir, courseDir, courseRoot);
        if (file !== undefined) settings[key] = file;
        break;
      }
    }
  }
  return settings;
}

/** The logo or font file `written` (relative to `baseDir`), or undefined after reporting why it cannot be used. */
function checkThemeFile(file: VFile, place: Position, written: string, key: 'logo' | 'fontFile', baseDir: string, courseDir: string, courseRoot: string): ThemeFile | undefined {
  const what = key === 'logo' ? 'logo' : 'font file';
  const absolute = path.resolve(baseDir, written);
  const relative = path.relative(courseDir, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    report(file, `Unexpected ${what} outside the course folder ${quote(written)}, expected a file inside the course folder (paths are relative to this file)`, place, 'theme-file-missing');
    return undefined;
  }
  const where = locate(courseRoot, absolute);
  if (where.kind === 'outside') {
    report(file, `Unexpected ${what} ${quote(written)} that leads outside the course folder through a symbolic link (to ${shownPath(where.real)}), expected a file inside the course folder`, place, 'theme-file-missing');
    return undefined;
  }
  if (where.kind !== 'file') {
    const missing = where.kind === 'broken-link' ? `a broken symbolic link (to ${quote(where.target)})` : where.kind === 'not-file' ? 'a folder' : where.kind === 'unreadable' ? `an unreadable file (${where.detail})` : 'no file there';
    report(file, `Unexpected ${what} ${quote(written)}: ${missing}, expected an existing file (paths are relative to this file)`, place, 'theme-file-missing');
    return undefined;
  }
  const coursePath = relative.split(path.sep).join('/');
  if (!PACKAGE_NAME.test(coursePath)) {
    report(file, `Unexpected file name ${quote(coursePath)}, expected ASCII letters, digits, \`_\`, \`.\`, \`-\` and no spaces (LMSes reject other names)`, place, 'media-name');
    return undefined;
  }
  const extension = path.extname(coursePath).slice(1).toLowerCase();
  const allowed = key === 'logo' ? LOGO_TYPES : FONT_TYPES;
  if (!allowed.includes(extension)) {
    report(file, `Unexpected ${what} type ${quote(`.${extension}`)}, expected one of ${allowed.map((type) => `.${type}`).join(', ')}`, place, 'theme-file-type');
    return undefined;
  }
  const content = checkMediaContent(where.real, extension);
  if (content !== undefined) {
    report(file, `Unexpected ${content.reason(quote(written))}`, place, content.ruleId);
    return undefined;
  }
  const bytes = fs.statSync(where.real).size;
  if (key === 'fontFile') {
    if (bytes > FONT_MAX_BYTES) {
      report(file, `Unexpected font file of ${kb(bytes)} ${quote(written)}, expected at most ${kb(FONT_MAX_BYTES)} (learners wait for it on a phone): keep only the characters and weights the course uses`, place, 'theme-font-too-large');
      return undefined;
    }
    return { path: coursePath, bytes };
  }
  if (bytes > LOGO_MAX_BYTES) {
    report(file, `Unexpected logo of ${kb(bytes)} ${quote(written)}, expected at most ${kb(LOGO_MAX_BYTES)} (it is shown at most 40 pixels high): export it smaller, or as SVG`, place, 'theme-logo-too-large');
    return undefined;
  }
  const size = pixelSize(fs.readFileSync(where.real), extension);
  if (size === undefined) {
    const expected = extension === 'svg' ? 'an SVG with a `viewBox` (or a width and height in pixels), so that it scales to the header' : `a ${extension.toUpperCase()} picture whose header gives its size`;
    report(file, `Unexpected logo ${quote(written)} of no size that can be read, expected ${expected}`, place, 'theme-file-type');
    return undefined;
  }
  if (extension !== 'svg' && (size.width > LOGO_MAX_WIDTH || size.height > LOGO_MAX_HEIGHT)) {
    report(file, `Unexpected logo of ${size.width} × ${size.height} pixels ${quote(written)}, expected at most ${LOGO_MAX_WIDTH} × ${LOGO_MAX_HEIGHT} (it is shown at most 192 × 40 pixels; that is sharp on every screen): scale it down`, place, 'theme-logo-too-large');
    return undefined;
  }
  return { path: coursePath, bytes, width: size.width, height: size.height };
}
