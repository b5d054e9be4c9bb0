// Sizes for people: bytes, kB below a megabyte, MB above (binary multiples, one decimal).
const KB = 1024;
const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / KB).toFixed(1)} kB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}
