// UI strings per language (the course's own strings files, then the shipped ones, then English)
// and how they are filled in.
export type UiStrings = Readonly<Record<string, string>>;

/** Replace `{name}` placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Look up a UI string; a missing key is a bug in the templates, so fail loudly. */
export function t(strings: UiStrings, key: string, values?: Record<string, string | number>): string {
  const template = strings[key];
  if (template === undefined) throw new Error(`Missing UI string "${key}"`);
  return values === undefined ? template : fill(template, values);
}

/** The `{name}` placeholders of a UI string, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}
