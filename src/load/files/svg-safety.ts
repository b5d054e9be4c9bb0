// Whether an SVG file is a plain picture. A browser parses a standalone SVG as XML and runs what it
// finds when the file is opened as a page (a learner opening the image, an LMS serving it), so the
// file is parsed here with a real XML parser (@xmldom/xmldom) and every way to run code or load
// something from elsewhere is reported: the file is rejected, never silently rewritten.
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Elements that run code, embed a document or register event listeners (any namespace). */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'handler', 'listener', 'iframe', 'embed', 'object']);
/** Animation elements can set any attribute, `href` and event attributes included. */
const ANIMATION_ELEMENTS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);
/** Attributes whose value is a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction']);
/** Embedded pictures (`data:` URLs) that cannot contain markup. */
const SAFE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/;
const INTERNAL_SUBSET = /<!DOCTYPE[^>[]*\[/i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

/** Node types of the DOM (xmldom does not export the constants as values on its type). */
const ELEMENT_NODE = 1;
const PROCESSING_INSTRUCTION_NODE = 7;

export type SvgVerdict =
  /** A plain picture. */
  | { kind: 'safe' }
  /** Not an SVG image at all (not well-formed XML, or another root element). */
  | { kind: 'not-svg'; detail: string }
  /** An SVG that could run code or load from elsewhere: the first problem, and how many in all. */
  | { kind: 'unsafe'; problem: string; line: number | undefined; count: number };

interface Problem {
  text: string;
  line: number | undefined;
}

/** Check the text of an SVG file. */
export function checkSvg(text: string): SvgVerdict {
  // Browsers expand entities declared in the file itself; the parser here does not, so such a
  // file is refused before parsing, whatever its entities hold.
  const subset = INTERNAL_SUBSET.exec(text);
  if (subset !== null) {
    return { kind: 'unsafe', problem: 'DOCTYPE with its own declarations (entities can hide markup)', line: text.slice(0, subset.index).split('\n').length, count: 1 };
  }
  const errors: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({ onError: (level, message) => errors.push(`${level === 'warning' ? 'warning' : 'error'}: ${message.split('\n')[0] ?? message}`) })
      .parseFromString(text.startsWith('\uFEFF') ? text.slice(1) : text, 'application/xml');
  } catch {
    return { kind: 'not-svg', detail: `not well-formed XML (${errors[0] ?? 'unreadable'})` };
  }
  // Browsers refuse a file with any XML error; so does this check, whatever xmldom recovered.
  if (errors.length > 0) return { kind: 'not-svg', detail: `not well-formed XML (${errors[0]})` };
  const root = doc.documentElement;
  if (root === null || root.localName !== 'svg' || root.namespaceURI !== SVG_NAMESPACE) {
    const name = root === null ? 'no element' : `<${root.tagName}>${root.localName === 'svg' ? ' without the SVG namespace' : ''}`;
    return { kind: 'not-svg', detail: `an XML document whose root is ${name}` };
  }
  const problems: Problem[] = [];
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType === PROCESSING_INSTRUCTION_NODE && node.nodeName.toLowerCase() === 'xml-stylesheet') {
      problems.push({ text: '`xml-stylesheet` instruction (an external style sheet)', line: lineOf(node) });
    }
  }
  checkElement(root, problems);
  const first = problems[0];
  return first === undefined ? { kind: 'safe' } : { kind: 'unsafe', problem: first.text, line: first.line, count: problems.length };
}

function lineOf(node: Node): number | undefined {
  return node.lineNumber;
}

function checkElement(element: Element, problems: Problem[]): void {
  const name = (element.localName ?? element.tagName).toLowerCase();
  const line = lineOf(element);
  if (element.namespaceURI === XHTML_NAMESPACE) problems.push({ text: `HTML element \`<${element.tagName}>\``, line });
  else if (ACTIVE_ELEMENTS.has(name)) problems.push({ text: `\`<${element.tagName}>\` element`, line });
  if (ANIMATION_ELEMENTS.has(name)) {
    const target = (element.getAttribute('attributeName') ?? '').replace(/^.*:/, '').toLowerCase();
    if (URL_ATTRIBUTES.has(target) || target.startsWith('on')) problems.push({ text: `\`<${element.tagName}>\` that changes \`${target}\``, line });
  }
  for (const attribute of Array.from(element.attributes)) {
    const attributeName = (attribute.localName ?? attribute.name).toLowerCase();
    const value = attribute.value;
    const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
    if (attributeName.startsWith('on')) {
      problems.push({ text: `event attribute \`${attribute.name}\``, line });
    } else if (/(?:java|vb)script:/.test(compact)) {
      problems.push({ text: `\`javascript:\` URL in \`${attribute.name}\``, line });
    } else if (URL_ATTRIBUTES.has(attributeName) && !isInternalReference(value)) {
      problems.push({ text: `external reference \`${attribute.name}="${shorten(value)}"\``, line });
    } else {
      const css = cssProblem(value, attributeName === 'style');
      if (css !== undefined) problems.push({ text: `${css} in \`${attribute.name}\``, line });
    }
  }
  if (name === 'style') {
    const css = cssProblem(element.textContent ?? '', true);
    if (css !== undefined) problems.push({ text: `${css} in a \`<style>\` element`, line });
  }
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === ELEMENT_NODE) checkElement(child as Element, problems);
  }
}

/** `#id` fragments and embedded raster pictures stay inside the file. */
function isInternalReference(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.startsWith('#') || SAFE_DATA_URL.test(trimmed.toLowerCase());
}

/** External `url(…)` references and `@import` in CSS (a style sheet, a style attribute or a presentation attribute). */
function cssProblem(css: string, isStyleSheet: boolean): string | undefined {
  if (isStyleSheet && css.includes('\\')) return 'CSS escape (it can hide a reference)';
  if (isStyleSheet && /@import/i.test(css)) return 'CSS `@import`';
  for (const match of css.matchAll(CSS_URL)) {
    const target = match[2] ?? '';
    if (!isInternalReference(target)) return `external reference \`url(${shorten(target)})\``;
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
