// Whether a linked or embedded file is what its name says: its bytes against its extension, and an
// SVG against what could run code. Results are kept per file version (path, size, modification
// time), so a picture shown in many lessons is read once.
import fs from 'node:fs';
import { describeContent, expectedContent, sniff, SNIFF_BYTES, type ContentKind } from './file-signature.js';
import { checkSvg } from './svg-safety.js';

export interface ContentProblem {
  /** The message after "Unexpected ", naming the file as `name`. */
  reason: (name: string) => string;
  ruleId: 'media-content' | 'svg-unsafe';
}

const SVG_PROMISE = 'a plain SVG picture (no scripts, event attributes, `javascript:` links, foreignObject or external references)';

const EXPECTED_LABELS: Partial<Record<string, string>> = {
  svg: 'an SVG image',
  docx: 'an Office document (a zip archive)',
  xlsx: 'an Office document (a zip archive)',
  pptx: 'an Office document (a zip archive)',
};

function expectedLabel(extension: string, kinds: readonly ContentKind[]): string {
  return EXPECTED_LABELS[extension] ?? describeContent(kinds[0]!);
}

const cache = new Map<string, ContentProblem | undefined>();

/** The problem with the file at real path `real` (extension lower case, no dot), if any. */
export function checkMediaContent(real: string, extension: string): ContentProblem | undefined {
  const kinds = expectedContent(extension);
  if (kinds === undefined) return undefined;
  let key: string;
  try {
    const stats = fs.statSync(real);
    key = `${real}\u0000${stats.size}\u0000${stats.mtimeMs}`;
  } catch {
    return undefined;
  }
  if (cache.has(key)) return cache.get(key);
  const problem = inspect(real, extension, kinds);
  cache.set(key, problem);
  return problem;
}

function inspect(real: string, extension: string, kinds: readonly ContentKind[]): ContentProblem | undefined {
  const head = readHead(real);
  const found = sniff(head);
  if (!kinds.includes(found)) {
    return {
      reason: (name) => `content in ${name} (its bytes are ${describeContent(found)}), expected ${expectedLabel(extension, kinds)} as its name says: export or save it again in that format, or give it the extension of what it is`,
      ruleId: 'media-content',
    };
  }
  if (extension !== 'svg') return undefined;
  const verdict = checkSvg(fs.readFileSync(real, 'utf8'));
  if (verdict.kind === 'not-svg') {
    return { reason: (name) => `content in ${name} (its bytes are ${verdict.detail}), expected an SVG image`, ruleId: 'media-content' };
  }
  if (verdict.kind === 'unsafe') {
    const where = [verdict.line === undefined ? '' : `line ${verdict.line}`, verdict.count > 1 ? `and ${verdict.count - 1} more` : ''].filter(Boolean).join(', ');
    return {
      reason: (name) => `${verdict.problem} in ${name}${where === '' ? '' : ` (${where})`}, expected ${SVG_PROMISE}: remove it, or export the picture as PNG`,
      ruleId: 'svg-unsafe',
    };
  }
  return undefined;
}

function readHead(real: string): Uint8Array {
  const handle = fs.openSync(real, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(handle, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(handle);
  }
}
