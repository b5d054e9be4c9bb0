// Whether a translation keeps the inline codes of its source: each code once, a pair as a pair
// around some text, no link inside a link. What is wrong is said in the "Unexpected X" wording.
import { codesOf, hasText, type InlineCode, type InlinePart } from './inline-content.js';

function shown(code: InlineCode): string {
  return code.kind === 'pair' ? `${code.id} (${code.start}…${code.end ?? ''})` : `${code.id} (${code.start.replace(/\n/g, '')})`;
}

/** Undefined when `target` keeps exactly the codes of the source; otherwise what is wrong. */
export function targetCodeProblem(target: readonly InlinePart[], codes: readonly InlineCode[]): string | undefined {
  const known = new Map(codes.map((code) => [code.id, code]));
  const seen = new Set<string>();
  for (const code of codesOf(target)) {
    const source = known.get(code.id);
    if (source === undefined) return `inline code ${code.id}, which the source does not have`;
    if (source.kind !== code.kind) return `inline code ${shown(source)} as ${code.kind === 'pair' ? 'a pair around text' : 'a single tag'}`;
    if (seen.has(code.id)) return `inline code ${shown(source)} twice`;
    seen.add(code.id);
  }
  const missing = codes.filter((code) => !seen.has(code.id));
  if (missing.length > 0) return `target without inline code${missing.length === 1 ? '' : 's'} ${missing.map(shown).join(', ')}`;
  return structureProblem(target, known, false);
}

function structureProblem(content: readonly InlinePart[], known: ReadonlyMap<string, InlineCode>, inLink: boolean): string | undefined {
  for (const part of content) {
    if (part.type !== 'pair') continue;
    const code = known.get(part.id)!;
    if (!hasText(part.children) && !part.children.some((child) => child.type !== 'text')) return `empty inline code ${shown(code)}`;
    if (code.role === 'link' && inLink) return `link ${shown(code)} inside another link`;
    const inner = structureProblem(part.children, known, inLink || code.role === 'link');
    if (inner !== undefined) return inner;
  }
  return undefined;
}
