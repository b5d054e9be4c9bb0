// The emulator's UI text, read from the page (templates/preview/strings.json, embedded by the server).

/** A UI string by key, with `{name}` filled in; `has` says whether there is one (for optional variants). */
export type EmulatorText = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

export function readEmulatorText(document: Document): EmulatorText {
  const strings = JSON.parse(document.getElementById('emulator-strings')?.textContent ?? '{}') as Record<string, string>;
  const text = (key: string, values: Record<string, string | number> = {}): string => {
    const template = strings[key];
    if (template === undefined) throw new Error(`Missing emulator string "${key}"`);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
  return Object.assign(text, { has: (key: string) => strings[key] !== undefined });
}
