// The emulator page: templates/preview/emulator.html filled with the UI text of
// templates/preview/strings.json (the page's script reads the same strings from the page).
import fs from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from '../paths.js';
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
  const template = await fs.readFile(path.join(PREVIEW_TEMPLATES_DIR, 'emulator.html'), 'utf8');
  const wiring: Record<string, string> = { stringsJson: scriptSafeJson(strings), script: ROUTES.script, styles: ROUTES.styles };
  return template.replace(/\{\{(\{?)([\w.-]+)\}?\}\}/g, (_whole, raw: string, key: string) => {
    const value = raw === '{' ? wiring[key] : strings[key];
    if (value === undefined) throw new Error(`templates/preview/emulator.html needs a value for "${key}"`);
    return raw === '{' ? value : escapeHtml(value);
  });
}
