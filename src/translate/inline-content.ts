// The translatable content of one unit: text, and inline codes standing for the Markdown around it.

export interface TextPart {
  type: 'text';
  value: string;
}

/** A code around content (emphasis, a link): XLIFF 2.0 `<pc>`, 1.2 `<g>`. */
export interface PairPart {
  type: 'pair';
  id: string;
  children: InlinePart[];
}

/** A code standing alone (inline code, an image, a line break): XLIFF 2.0 `<ph>`, 1.2 `<x>`. */
export interface PointPart {
  type: 'point';
  id: string;
}

export type InlinePart = TextPart | PairPart | PointPart;
export type InlineContent = InlinePart[];

/** What an inline code stands for, so that writers can name it to CAT tools. */
export type CodeRole = 'strong' | 'emphasis' | 'delete' | 'link' | 'code' | 'image' | 'break' | 'footnote' | 'other';

/** One inline code of a unit's source. */
export interface InlineCode {
  /** `1`, `2`… in the order the codes open in the source. */
  id: string;
  kind: 'pair' | 'point';
  role: CodeRole;
  /** The Markdown it stands for (a pair: before its content), shown to translators, never read back. */
  start: string;
  /** A pair: the Markdown after its content. */
  end?: string;
}

export function text(value: string): TextPart {
  return { type: 'text', value };
}

/** The content's text without its codes. */
export function plainText(content: readonly InlinePart[]): string {
  return content.map((part) => (part.type === 'text' ? part.value : part.type === 'pair' ? plainText(part.children) : '')).join('');
}

/** Whether a translator has anything to translate in it. */
export function hasText(content: readonly InlinePart[]): boolean {
  return plainText(content).trim() !== '';
}

/** Every code of the content, in the order it opens. */
export function codesOf(content: readonly InlinePart[]): Array<{ id: string; kind: 'pair' | 'point' }> {
  return content.flatMap((part) => {
    if (part.type === 'text') return [];
    if (part.type === 'point') return [{ id: part.id, kind: 'point' as const }];
    return [{ id: part.id, kind: 'pair' as const }, ...codesOf(part.children)];
  });
}

/** Adjacent texts joined, empty ones dropped: two contents that read the same compare equal. */
export function normalized(content: readonly InlinePart[]): InlineContent {
  const result: InlineContent = [];
  for (const part of content) {
    const next: InlinePart = part.type === 'pair' ? { ...part, children: normalized(part.children) } : part;
    const last = result.at(-1);
    if (next.type === 'text' && next.value === '') continue;
    if (next.type === 'text' && last?.type === 'text') result[result.length - 1] = text(last.value + next.value);
    else result.push(next);
  }
  return result;
}

/** Whitespace at either end of the whole content removed (a CAT tool may add some). */
export function trimmed(content: readonly InlinePart[]): InlineContent {
  const parts = normalized(content);
  const trim = (list: InlineContent, end: 'start' | 'end'): InlineContent => {
    const index = end === 'start' ? 0 : list.length - 1;
    const part = list[index];
    if (part === undefined) return list;
    let replaced: InlinePart;
    if (part.type === 'text') replaced = text(end === 'start' ? part.value.trimStart() : part.value.trimEnd());
    else if (part.type === 'pair') replaced = { ...part, children: trim(part.children, end) };
    else return list;
    const copy = [...list];
    copy[index] = replaced;
    return normalized(copy);
  };
  return trim(trim(parts, 'start'), 'end');
}

/** Line endings replaced by spaces, for pieces that must stay on one line (headings, cells, answers). */
export function oneLine(content: readonly InlinePart[]): InlineContent {
  return content.map((part) => {
    if (part.type === 'text') return text(part.value.replace(/[ \t]*(\r\n|\r|\n|\u2028|\u2029)[ \t]*/g, ' '));
    if (part.type === 'pair') return { ...part, children: oneLine(part.children) };
    return part;
  });
}

/** A stable text form of the content, for comparing and hashing. */
export function canonical(content: readonly InlinePart[]): string {
  return JSON.stringify(normalized(content).map(function form(part): unknown {
    if (part.type === 'text') return part.value;
    if (part.type === 'point') return { point: part.id };
    return { pair: part.id, children: part.children.map(form) };
  }));
}

/** The content as compared with another source: whitespace runs as one space, none at either end. */
export function comparable(content: readonly InlinePart[]): string {
  const collapse = (parts: readonly InlinePart[]): InlineContent => parts.map((part) => {
    if (part.type === 'text') return text(part.value.replace(/\s+/g, ' '));
    if (part.type === 'pair') return { ...part, children: collapse(part.children) };
    return part;
  });
  return canonical(trimmed(collapse(content)));
}
