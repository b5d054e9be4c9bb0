// The emulator's pages: templates/preview/emulator.html (the LMS emulator) and player.html (the
// window of the `popup-framed` LMS profile), filled with the UI text of templates/preview/strings.json
// (the emulator's script reads the same strings from the page).
import fs from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from '../tool/install-paths.js';
import { escapeHtml, scriptSafeJson } from '../render/templates.js';
import { ROUTES } from './protocol.js';

export const PREVIEW_TEMPLATES_DIR = path.join(TEMPLATES_DIR, 'preview');

export type EmulatorStrings = Record<string, string>;

export async function readEmulatorStrings(): Promise<EmulatorStrings> {
  return JSON.parse(await fs.readFile(path.join(PREVIEW_TEMPLATES_DIR, 'strings.json'), 'utf8')) as EmulatorStrings;
}

export async function readEmulatorStyles(): Promise<Buffer> {
  return fs.readFile(path.join(PREVIEW_TEMPLATES_DIR, 'emulator.css'));
}

/** `{{key}}` → escaped UI string `key`; `{{{stringsJson}}}`, `{{{script}}}`, `{{{styles}}}` → page wiring. */
export async function renderEmulatorPage(strings: EmulatorStrings): Promise<string> {
  const template = await readPreviewTemplate('emulator.html');
  return fill('emulator.html', template, strings, { stringsJson: scriptSafeJson(strings), script: ROUTES.script, styles: ROUTES.styles });
}

/** The player page, read once: a function giving the page that frames one course page. */
export async function readPlayerPage(strings: EmulatorStrings): Promise<(courseSrc: string) => string> {
  const template = await readPreviewTemplate('player.html');
  return (courseSrc) => fill('player.html', template, strings, { styles: ROUTES.styles, courseSrc: escapeHtml(courseSrc) });
}

function readPreviewTemplate(name: string): Promise<string> {
  return fs.readFile(path.join(PREVIEW_TEMPLATES_DIR, name), 'utf8');
}

/** `{{key}}` → escaped UI string; `{{{key}}}` → a wiring value, inserted as it is. */
function fill(name: string, template: string, strings: EmulatorStrings, wiring: Record<string, string>): string {
  return template.replace(/\{\{(\{?)([\w.-]+)\}?\}\}/g, (_whole, raw: string, key: string) => {
    const value = raw === '{' ? wiring[key] : strings[key];
    if (value === undefined) throw new Error(`templates/preview/${name} needs a value for "${key}"`);
    return raw === '{' ? value : escapeHtml(value);
  });
}
