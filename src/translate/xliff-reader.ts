// Reads an XLIFF 2.x or 1.2 file back into units: ids, source and target content with their
// inline codes, and the place of each, whatever segmentation the CAT tool added. Every problem is
// a positioned message on the file.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { firstAt, quote } from '../model/messages.js';
import { text, type InlineContent, type InlinePart } from './inline-content.js';
import { XLIFF_1_2_NAMESPACE, XLIFF_2_NAMESPACE, type ReadDocument, type ReadUnit, type XliffVersion } from './xliff-document.js';
import { xliffProblem } from './xliff-problems.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** One step of inline content before codes are paired. */
type Token =
  | { kind: 'text'; value: string }
  | { kind: 'open'; id: string; place: Point }
  | { kind: 'close'; id: string; place: Point }
  | { kind: 'point'; id: string };

interface Reader {
  file: VFile;
  version: XliffVersion;
  namespace: string;
}

/** The units of an XLIFF file (its text in `file.value`); undefined when it is not one. */
export function readXliff(file: VFile): ReadDocument | undefined {
  const root = parseXml(file);
  if (root === undefined) return undefined;
  const version = versionOf(file, root);
  if (version === undefined) return undefined;
  const reader: Reader = { file, version, namespace: version === '2.0' ? XLIFF_2_NAMESPACE : XLIFF_1_2_NAMESPACE };
  const read = version === '2.0' ? readVersion2(reader, root) : readVersion12(reader, root);
  if (read === undefined) return undefined;
  const seen = new Map<string, ReadUnit>();
  for (const unit of read.units) {
    const first = seen.get(unit.id);
    if (first !== undefined) {
      xliffProblem(file, `Unexpected second unit ${quote(unit.id)} (the first is at ${first.place.line}:${first.place.column}), expected each unit once`, unit.place, 'xliff-unit-duplicate', firstAt(file, first.place));
    } else {
      seen.set(unit.id, unit);
    }
  }
  return { version, place: placeOf(root), ...read, units: [...seen.values()] };
}

function parseXml(file: VFile): Element | undefined {
  const source = String(file.value);
  let reported = false;
  const onError = (level: 'warning' | 'error' | 'fatalError', message: string, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) => {
    if (level === 'warning') return;
    reported = true;
    const place = context?.locator?.lineNumber ? { line: context.locator.lineNumber, column: context.locator.columnNumber ?? 1 } : { line: 1, column: 1 };
    xliffProblem(file, `Unexpected XML: ${message.split('\n')[0]}, expected a well-formed XLIFF file`, place, 'xliff-invalid');
  };
  try {
    const doc = new DOMParser({ onError }).parseFromString(source.startsWith('\uFEFF') ? source.slice(1) : source, 'text/xml');
    return reported ? undefined : doc.documentElement ?? undefined;
  } catch {
    // onError has reported the fatal error with its place.
    if (!reported) xliffProblem(file, 'Unexpected text that is not XML, expected an XLIFF file', { line: 1, column: 1 }, 'xliff-invalid');
    return undefined;
  }
}

function placeOf(node: Node): Point {
  return { line: node.lineNumber ?? 1, column: node.columnNumber ?? 1 };
}

function versionOf(file: VFile, root: Element): XliffVersion | undefined {
  const version = root.getAttribute('version') ?? '';
  if (root.localName === 'xliff' && root.namespaceURI === XLIFF_2_NAMESPACE && /^2\.\d+$/.test(version)) return '2.0';
  if (root.localName === 'xliff' && root.namespaceURI === XLIFF_1_2_NAMESPACE && version === '1.2') return '1.2';
  const what = root.localName === 'xliff' ? `<xliff> with namespace ${quote(root.namespaceURI ?? 'none')} and version ${quote(version)}` : `root element <${root.tagName}>`;
  xliffProblem(file, `Unexpected ${what}, expected XLIFF 2.0 (version="2.0", namespace ${XLIFF_2_NAMESPACE}) or 1.2 (version="1.2", namespace ${XLIFF_1_2_NAMESPACE})`, placeOf(root), 'xliff-invalid');
  return undefined;
}

function children(reader: Reader, element: Element, name?: string): Element[] {
  return Array.from(element.childNodes).filter((node): node is Element => node.nodeType === ELEMENT_NODE && (node as Element).namespaceURI === reader.namespace && (name === undefined || (node as Element).localName === name));
}

function requiredAttribute(reader: Reader, element: Element, name: string): string | undefined {
  const value = element.getAttribute(name);
  if (value !== null && value !== '') return value;
  xliffProblem(reader.file, `Unexpected <${element.localName}> without ${name}, expected ${name}="…"`, placeOf(element), 'xliff-invalid');
  return undefined;
}

function readVersion2(reader: Reader, root: Element): Omit<ReadDocument, 'version' | 'place'> | undefined {
  const srcLang = requiredAttribute(reader, root, 'srcLang');
  const trgLang = requiredAttribute(reader, root, 'trgLang');
  if (srcLang === undefined || trgLang === undefined) return undefined;
  const units: ReadUnit[] = [];
  for (const fileElement of children(reader, root, 'file')) {
    const fileId = fileElement.getAttribute('id') ?? '';
    const walk = (parent: Element): void => {
      for (const child of children(reader, parent)) {
        if (child.localName === 'group') walk(child);
        else if (child.localName === 'unit') {
          const unit = readUnit2(reader, child, fileId);
          if (unit !== undefined) units.push(unit);
        }
      }
    };
    walk(fileElement);
  }
  return { srcLang, trgLang, units };
}

/** A 2.0 unit: its segments (and the ignorable whitespace between them) joined. */
function readUnit2(reader: Reader, element: Element, fileId: string): ReadUnit | undefined {
  const id = requiredAttribute(reader, element, 'id');
  if (id === undefined) return undefined;
  const sources: Token[] = [];
  const targets: Token[] = [];
  let complete = true;
  let targetPlace: Point | undefined;
  for (const part of children(reader, element).filter((child) => child.localName === 'segment' || child.localName === 'ignorable')) {
    const source = children(reader, part, 'source')[0];
    const target = children(reader, part, 'target')[0];
    const sourceTokens = source === undefined ? [] : tokens(reader, source);
    sources.push(...sourceTokens);
    if (target !== undefined) {
      targetPlace ??= placeOf(target);
      targets.push(...tokens(reader, target));
    } else if (part.localName === 'ignorable') {
      targets.push(...sourceTokens);
    } else {
      complete = false;
    }
  }
  const target = complete && targetPlace !== undefined ? paired(reader, targets) : undefined;
  return {
    fileId,
    id,
    place: placeOf(element),
    source: paired(reader, sources) ?? [],
    target,
    targetPlace: targetPlace ?? placeOf(element),
    invalid: complete && targetPlace !== undefined && target === undefined,
  };
}

function readVersion12(reader: Reader, root: Element): Omit<ReadDocument, 'version' | 'place'> | undefined {
  const files = children(reader, root, 'file');
  let srcLang: string | undefined;
  let trgLang: string | undefined;
  const units: ReadUnit[] = [];
  for (const fileElement of files) {
    const source = requiredAttribute(reader, fileElement, 'source-language');
    const target = requiredAttribute(reader, fileElement, 'target-language');
    if (source === undefined || target === undefined) return undefined;
    if ((srcLang !== undefined && source !== srcLang) || (trgLang !== undefined && target !== trgLang)) {
      xliffProblem(reader.file, `Unexpected <file> from ${source} to ${target}, expected every <file> from ${srcLang} to ${trgLang}`, placeOf(fileElement), 'xliff-language');
      return undefined;
    }
    srcLang = source;
    trgLang = target;
    const fileId = fileElement.getAttribute('original') ?? '';
    const walk = (parent: Element): void => {
      for (const child of children(reader, parent)) {
        if (child.localName === 'group' || child.localName === 'body') walk(child);
        else if (child.localName === 'trans-unit') {
          const unit = readUnit12(reader, child, fileId);
          if (unit !== undefined) units.push(unit);
        }
      }
    };
    walk(fileElement);
  }
  if (srcLang === undefined || trgLang === undefined) {
    xliffProblem(reader.file, 'Unexpected XLIFF 1.2 file without a <file>, expected the files of an export', placeOf(root), 'xliff-invalid');
    return undefined;
  }
  return { srcLang, trgLang, units };
}

function readUnit12(reader: Reader, element: Element, fileId: string): ReadUnit | undefined {
  const id = requiredAttribute(reader, element, 'id');
  if (id === undefined) return undefined;
  const source = children(reader, element, 'source')[0];
  const target = children(reader, element, 'target')[0];
  const content = target === undefined ? undefined : paired(reader, tokens(reader, target));
  return {
    fileId,
    id,
    place: placeOf(element),
    source: source === undefined ? [] : paired(reader, tokens(reader, source)) ?? [],
    target: content,
    targetPlace: placeOf(target ?? element),
    invalid: target !== undefined && content === undefined,
  };
}

/** The inline content of a <source> or <target> as tokens; annotations (<mrk>, <sm>/<em>) are read through. */
function tokens(reader: Reader, element: Element): Token[] {
  const result: Token[] = [];
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      result.push({ kind: 'text', value: node.nodeValue ?? '' });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    const name = child.localName ?? '';
    const id = child.getAttribute('id') ?? '';
    const place = placeOf(child);
    if (child.namespaceURI !== reader.namespace) {
      unexpectedCode(reader, child);
    } else if (reader.version === '2.0' && name === 'pc') {
      result.push({ kind: 'open', id, place }, ...tokens(reader, child), { kind: 'close', id, place });
    } else if (reader.version === '2.0' && name === 'ph') {
      result.push({ kind: 'point', id });
    } else if (reader.version === '2.0' && name === 'sc') {
      result.push({ kind: 'open', id, place });
    } else if (reader.version === '2.0' && name === 'ec') {
      result.push({ kind: 'close', id: child.getAttribute('startRef') ?? id, place });
    } else if (reader.version === '2.0' && name === 'cp') {
      const code = Number.parseInt(child.getAttribute('hex') ?? '', 16);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) result.push({ kind: 'text', value: String.fromCodePoint(code) });
    } else if (reader.version === '2.0' && (name === 'sm' || name === 'em')) {
      // Annotation markers: nothing of the content.
    } else if (reader.version === '1.2' && name === 'g') {
      result.push({ kind: 'open', id, place }, ...tokens(reader, child), { kind: 'close', id, place });
    } else if (reader.version === '1.2' && name === 'x') {
      result.push({ kind: 'point', id });
    } else if (reader.version === '1.2' && name === 'bx') {
      result.push({ kind: 'open', id: child.getAttribute('rid') ?? id, place });
    } else if (reader.version === '1.2' && name === 'ex') {
      result.push({ kind: 'close', id: child.getAttribute('rid') ?? id, place });
    } else if (name === 'mrk') {
      result.push(...tokens(reader, child));
    } else {
      unexpectedCode(reader, child);
    }
  }
  return result;
}

function unexpectedCode(reader: Reader, element: Element): void {
  const codes = reader.version === '2.0' ? '<pc> and <ph>' : '<g> and <x>';
  xliffProblem(reader.file, `Unexpected <${element.tagName}> in the text, expected text and the inline codes of the export (${codes})`, placeOf(element), 'xliff-inline-code');
}

/** Tokens as nested content; undefined (reported) when a code is closed that is not the innermost open one. */
function paired(reader: Reader, list: readonly Token[]): InlineContent | undefined {
  const stack: Array<{ id: string; place: Point; children: InlinePart[] }> = [{ id: '', place: { line: 1, column: 1 }, children: [] }];
  for (const token of list) {
    const top = stack.at(-1)!;
    if (token.kind === 'text') top.children.push(text(token.value));
    else if (token.kind === 'point') top.children.push({ type: 'point', id: token.id });
    else if (token.kind === 'open') stack.push({ id: token.id, place: token.place, children: [] });
    else if (stack.length > 1 && top.id === token.id) {
      stack.pop();
      stack.at(-1)!.children.push({ type: 'pair', id: top.id, children: top.children });
    } else {
      xliffProblem(reader.file, `Unexpected end of inline code ${quote(token.id)}${stack.length > 1 ? ` inside code ${quote(top.id)}` : ' that was not opened'}, expected inline codes nested one inside the other (a CAT tool's tags: keep each pair around one piece of text)`, token.place, 'xliff-inline-code');
      return undefined;
    }
  }
  if (stack.length > 1) {
    const open = stack.at(-1)!;
    xliffProblem(reader.file, `Unexpected inline code ${quote(open.id)} that is not closed, expected its end in the same unit`, open.place, 'xliff-inline-code');
    return undefined;
  }
  return stack[0]!.children;
}
