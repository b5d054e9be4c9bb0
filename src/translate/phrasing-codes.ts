// Markdown inline content (mdast phrasing nodes) to unit content with inline codes, and back: a
// code keeps the node it stands for, so what a translator cannot see (URLs, code) comes back as it was.
import type { Image, ImageReference, Link, LinkReference, Parent, PhrasingContent } from 'mdast';
import { type CodeRole, type InlineCode, type InlineContent, type InlinePart, text } from './inline-content.js';

export interface PhrasingReading {
  content: InlineContent;
  codes: InlineCode[];
  /** Code id → the node it stands for. */
  nodes: Map<string, PhrasingContent>;
}

const PAIRS: Partial<Record<PhrasingContent['type'], CodeRole>> = { strong: 'strong', emphasis: 'emphasis', delete: 'delete', link: 'link', linkReference: 'link' };

/** The children of a paragraph, heading or table cell as unit content. */
export function readPhrasing(children: readonly PhrasingContent[]): PhrasingReading {
  const codes: InlineCode[] = [];
  const nodes = new Map<string, PhrasingContent>();
  const read = (list: readonly PhrasingContent[]): InlineContent => list.flatMap((node): InlinePart[] => {
    if (node.type === 'text') return [text(node.value)];
    const id = String(codes.length + 1);
    nodes.set(id, node);
    const role = PAIRS[node.type];
    if (role !== undefined && 'children' in node && !isAutolink(node)) {
      const [start, end] = pairMarkdown(node);
      codes.push({ id, kind: 'pair', role, start, end });
      return [{ type: 'pair', id, children: read(node.children as PhrasingContent[]) }];
    }
    codes.push({ id, kind: 'point', role: pointRole(node), start: pointMarkdown(node) });
    return [{ type: 'point', id }];
  });
  const content = read(children);
  return { content, codes, nodes };
}

/** Phrasing nodes for `content`, each code rebuilt from the node it stands for. */
export function buildPhrasing(content: readonly InlinePart[], nodes: ReadonlyMap<string, PhrasingContent>): PhrasingContent[] {
  return content.flatMap((part): PhrasingContent[] => {
    if (part.type === 'text') return part.value === '' ? [] : [{ type: 'text', value: part.value }];
    const node = nodes.get(part.id);
    if (node === undefined) throw new Error(`No inline code ${part.id} in the source`);
    if (part.type === 'point') return [withoutPosition(structuredClone(node))];
    const { children: _children, ...rest } = node as Parent & PhrasingContent;
    return [{ ...withoutPosition(structuredClone(rest)), children: buildPhrasing(part.children, nodes) } as PhrasingContent];
  });
}

function withoutPosition<T extends object>(node: T): T {
  const copy = { ...node } as T & { position?: unknown };
  delete copy.position;
  return copy;
}

/** `<https://example.org>` or a bare address: its text is the address, so it is not translated. */
function isAutolink(node: PhrasingContent): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const [only] = node.children;
  return only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url);
}

/** A web or mail address is shown to translators; a path in the course folder is not. */
function shownUrl(url: string): string {
  return /^(https?:|mailto:)/i.test(url) ? url : '…';
}

function pairMarkdown(node: PhrasingContent): [string, string] {
  switch (node.type) {
    case 'strong':
      return ['**', '**'];
    case 'emphasis':
      return ['*', '*'];
    case 'delete':
      return ['~~', '~~'];
    case 'link':
      return ['[', `](${shownUrl((node as Link).url)})`];
    case 'linkReference':
      return ['[', (node as LinkReference).referenceType === 'full' ? `][${(node as LinkReference).label ?? (node as LinkReference).identifier}]` : ']'];
    default:
      return ['', ''];
  }
}

function pointRole(node: PhrasingContent): CodeRole {
  switch (node.type) {
    case 'inlineCode':
      return 'code';
    case 'image':
    case 'imageReference':
      return 'image';
    case 'break':
      return 'break';
    case 'footnoteReference':
      return 'footnote';
    case 'link':
      return 'link';
    default:
      return 'other';
  }
}

function pointMarkdown(node: PhrasingContent): string {
  switch (node.type) {
    case 'inlineCode':
      return `\`${node.value}\``;
    case 'image':
      return `![…](${shownUrl((node as Image).url)})`;
    case 'imageReference':
      return `![…][${(node as ImageReference).label ?? (node as ImageReference).identifier}]`;
    case 'break':
      return '\\\n';
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    case 'link':
      return `<${node.url}>`;
    default:
      return node.type;
  }
}
