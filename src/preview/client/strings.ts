// The emulator's UI text, read from the page (templates/preview/strings.json, embedded by the server).

export type EmulatorText = (key: string, values?: Record<string, string | number>) => string;

export function readEmulatorText(document: Document): EmulatorText {
  const strings = JSON.parse(document.getElementById('emulator-strings')?.textContent ?? '{}') as Record<string, string>;
  return (key, values = {}) => {
    const template = strings[key];
    if (template === undefined) throw new Error(`Missing emulator string "${key}"`);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
