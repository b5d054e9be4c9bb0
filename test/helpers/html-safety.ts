// Parses rendered pages and lists everything executable in them: script elements, on* handlers,
// javascript:/vbscript:/data: URLs, and elements that can run code or load documents.
//
// The parser is parse5, the WHATWG HTML parser: pages are read exactly as a browser reads them,
// so nothing hidden by markup a lenient reader would misjudge can pass. Parse errors fail the test.
import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** Elements that run code, embed other documents or restyle the page. */
export const FORBIDDEN_ELEMENTS = new Set(['svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'portal', 'fencedframe']);
const DANGEROUS_SCHEME = /^(javascript|vbscript|data):/;

export interface AllowedScript {
  /** `src` of an external script, or undefined for an inline one. */
  src?: string;
  type?: string;
  id?: string;
  /** The exact text of an inline script; when given, the script's text must be this. */
  text?: string;
}

type Parse5Node = DefaultTreeAdapterMap['node'];

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

/** A parse5 node seen through the small DOM-like shape the checks use. */
function wrap(node: Parse5Node): DomNode {
  const children = 'childNodes' in node ? node.childNodes : [];
  const content = node.nodeName === 'template' && 'content' in node ? [node.content as Parse5Node] : [];
  const childNodes = [...children, ...content].map(wrap);
  if (!('tagName' in node)) return { nodeType: node.nodeName === '#text' ? 3 : 9, childNodes };
  const attributes = node.attrs.map((attribute) => ({ name: attribute.name, value: attribute.value }));
  const element: DomElement = {
    nodeType: 1,
    localName: node.tagName,
    attributes,
    childNodes,
    getAttribute: (name) => attributes.find((attribute) => attribute.name === name)?.value ?? null,
    textContent: children.map((child) => ('value' in child ? String(child.value) : '')).join(''),
  };
  return element;
}

/** Parse a complete page as a browser does; parse errors throw. */
export function parsePage(html: string, name: string): DomNode {
  const document = parse(html, {
    onParseError: (error) => {
      throw new Error(`${name}: HTML parse error ${error.code} at ${error.startLine}:${error.startCol}`);
    },
  });
  return wrap(document as unknown as Parse5Node);
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

/**
 * Everything executable in `root`, as readable sentences (empty when the page is clean). Each
 * allowed script and each allowed style element (given by its exact text) may appear once; a
 * second copy is reported.
 */
export function executableContent(root: DomNode, allowedScripts: readonly AllowedScript[] = [], allowedStyles: readonly string[] = []): string[] {
  const problems: string[] = [];
  const scriptsLeft = [...allowedScripts];
  const stylesLeft = [...allowedStyles];
  for (const element of elements(root)) {
    const name = (element.localName ?? '').toLowerCase();
    if (name === 'script') {
      const script = { src: element.getAttribute('src') ?? undefined, type: element.getAttribute('type') ?? undefined, id: element.getAttribute('id') ?? undefined };
      const index = scriptsLeft.findIndex((known) => known.src === script.src && known.type === script.type && known.id === script.id && (known.text === undefined || known.text === element.textContent));
      if (index === -1) problems.push(`<script> ${JSON.stringify(script)}${script.src === undefined ? ` ${JSON.stringify((element.textContent ?? '').slice(0, 80))}` : ''}`);
      else scriptsLeft.splice(index, 1);
    }
    const allowedStyle = name === 'style' ? stylesLeft.indexOf(element.textContent ?? '') : -1;
    if (allowedStyle !== -1) stylesLeft.splice(allowedStyle, 1);
    else if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`<${name}>`);
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
