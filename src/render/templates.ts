// Page templates from templates/, read once per process. `{{name}}` inserts escaped text,
// `{{{name}}}` inserts trusted HTML produced by our own renderers.
import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { TEMPLATES_DIR } from '../tool/install-paths.js';

export type TemplateName = 'shell.html' | 'lesson.html' | 'lesson-body.html' | 'toc-item.html' | 'lesson.js' | 'course.css' | 'logo.html' | 'theme.css' | 'theme-font.css';

const cache = new Map<TemplateName, string>();

export function readTemplate(name: TemplateName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return toHtml({ type: 'text', value: text }, { characterReferences: { useNamedReferences: false } }).replace(/"/g, '&#x22;');
}

/** JSON that is safe inside a `<script>` element or a .js file (no `</script>`, no U+2028). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Fill a template; every placeholder must have a value. */
export function fillTemplate(name: TemplateName, values: Record<string, string | number>): string {
  return readTemplate(name).replace(/\{\{(\{?)([\w.]+)\}?\}\}/g, (_whole, raw: string, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`Template ${name} needs a value for "${key}"`);
    return raw === '{' ? String(value) : escapeHtml(String(value));
  });
}
