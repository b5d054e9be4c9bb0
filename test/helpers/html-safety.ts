// Parses rendered pages and lists everything executable in them: script elements, on* handlers,
// javascript:/vbscript:/data: URLs, and elements that can run code or load documents.
//
// The parser is @xmldom/xmldom in its HTML mode (HTML entities, void, raw-text and RCDATA
// elements), a dependency the project already has. It is stricter than a browser: any error or
// warning fails the test, so markup whose meaning a browser would have to guess at cannot pass.
import { DOMParser } from '@xmldom/xmldom';

/** Elements that run code, embed other documents or restyle the page. */
export const FORBIDDEN_ELEMENTS = new Set(['svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'portal', 'fencedframe']);
const DANGEROUS_SCHEME = /^(javascript|vbscript|data):/;

export interface AllowedScript {
  /** `src` of an external script, or undefined for an inline one. */
  src?: string;
  type?: string;
  id?: string;
}

interface DomNode {
  nodeType: number;
  childNodes?: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  localName: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** Parse a complete page; parser errors and warnings throw. */
export function parsePage(html: string, name: string): DomNode {
  const parser = new DOMParser({
    onError: (level: string, message: string) => {
      throw new Error(`${name}: HTML parser ${level}: ${message}`);
    },
  });
  return parser.parseFromString(html, 'text/html') as unknown as DomNode;
}

/** Parse an HTML fragment (a lesson body) inside a wrapper element. */
export function parseFragment(html: string, name: string): DomNode {
  return parsePage(`<!doctype html><html><head><title>x</title></head><body>${html}</body></html>`, name);
}

export function elements(root: DomNode): DomElement[] {
  const found: DomElement[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 1) found.push(node as DomElement);
    for (const child of Array.from(node.childNodes ?? [])) walk(child);
  };
  walk(root);
  return found;
}

/** Browsers ignore ASCII whitespace and control characters inside a URL scheme. */
function normalizedUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

/** Everything executable in `root`, as readable sentences (empty when the page is clean). */
export function executableContent(root: DomNode, allowedScripts: readonly AllowedScript[] = []): string[] {
  const problems: string[] = [];
  for (const element of elements(root)) {
    const name = (element.localName ?? '').toLowerCase();
    if (name === 'script') {
      const script = { src: element.getAttribute('src') ?? undefined, type: element.getAttribute('type') ?? undefined, id: element.getAttribute('id') ?? undefined };
      const allowed = allowedScripts.some((known) => known.src === script.src && known.type === script.type && known.id === script.id);
      if (!allowed) problems.push(`<script> ${JSON.stringify(script)}`);
    }
    if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`<${name}>`);
    if (name === 'meta' && element.getAttribute('http-equiv') !== null) problems.push('<meta http-equiv>');
    for (const attribute of Array.from(element.attributes)) {
      const attributeName = attribute.name.toLowerCase();
      if (attributeName.startsWith('on')) problems.push(`<${name} ${attribute.name}>`);
      if (attributeName === 'srcdoc' || attributeName === 'formaction') problems.push(`<${name} ${attribute.name}>`);
      const candidates = attributeName === 'srcset' ? attribute.value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [attribute.value];
      for (const candidate of candidates) {
        if (DANGEROUS_SCHEME.test(normalizedUrl(candidate))) problems.push(`<${name} ${attribute.name}="${attribute.value}">`);
      }
      if (attributeName === 'style' && /url\s*\(|expression\s*\(/i.test(attribute.value)) problems.push(`<${name} style="${attribute.value}">`);
    }
  }
  return problems;
}
