// Writes units as an XLIFF 1.2 document, for CAT tools that still want it: a <file> per lesson
// (and one for the edition), a <trans-unit> per piece with its <note>, inline codes as <g>/<x>.
import { create } from 'xmlbuilder2';
import type { InlineCode, InlinePart } from './inline-content.js';
import { XLIFF_1_2_NAMESPACE, type ExportDocument, type ExportUnit } from './xliff-document.js';
import { childElement, closeElement, NOT_XML_CHARACTER, type XmlElement } from './xml-layout.js';

/** 1.2 `ctype` of each code role: the spec's values where it has one, `x-` names otherwise. */
const CTYPES: Record<InlineCode['role'], string> = {
  strong: 'bold',
  emphasis: 'italic',
  delete: 'x-strikethrough',
  link: 'link',
  code: 'x-code',
  image: 'image',
  break: 'lb',
  footnote: 'x-footnote',
  other: 'x-other',
};

/** Thrown when the text cannot be written in XLIFF 1.2. */
export class Xliff12Error extends Error {}

export function writeXliff12(document: ExportDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(XLIFF_1_2_NAMESPACE, 'xliff', { version: '1.2' });
  for (const file of document.files) {
    // `original` is required: the file's id stands in for a file name.
    const fileElement = childElement(root, 1, 'file', { original: file.id, 'source-language': document.srcLang, 'target-language': document.trgLang, datatype: 'x-markdown' });
    const header = childElement(fileElement, 2, 'header');
    childElement(header, 3, 'note').txt(file.note);
    closeElement(header, 2);
    const body = childElement(fileElement, 2, 'body');
    for (const unit of file.units) writeUnit(body, 3, unit);
    closeElement(body, 2);
    closeElement(fileElement, 1);
  }
  closeElement(root, 0);
  // The declaration on a line of its own, as editors and CAT tools show it.
  return `${root.end({ prettyPrint: false }).replace(/^(<\?xml[^>]*\?>)/, '$1\n')}\n`;
}

function writeUnit(parent: XmlElement, depth: number, unit: ExportUnit): void {
  const element = childElement(parent, depth, 'trans-unit', { id: unit.id, 'xml:space': 'preserve' });
  writeContent(childElement(element, depth + 1, 'source'), unit, unit.source, new Map(unit.codes.map((code) => [code.id, code])));
  childElement(element, depth + 1, 'note').txt(unit.note);
  closeElement(element, depth);
}

function writeContent(parent: XmlElement, unit: ExportUnit, content: readonly InlinePart[], codes: ReadonlyMap<string, InlineCode>): void {
  for (const part of content) {
    if (part.type === 'text') {
      const bad = part.value.match(NOT_XML_CHARACTER);
      if (bad !== null) throw new Xliff12Error(`Unexpected character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in unit ${unit.id}, expected text XLIFF 1.2 can hold (export XLIFF 2.0, which writes it as <cp>, or remove the character)`);
      parent.txt(part.value);
      continue;
    }
    const ctype = CTYPES[codes.get(part.id)?.role ?? 'other'];
    // `link` is a ctype of pairs only; an address written as its own text is a point.
    if (part.type === 'point') parent.ele('x', { id: part.id, ctype: ctype === 'link' ? 'x-link' : ctype });
    else writeContent(parent.ele('g', { id: part.id, ctype }), unit, part.children, codes);
  }
}
