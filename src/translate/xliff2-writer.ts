// Writes units as an XLIFF 2.0 document: a <file> per lesson (and one for the edition), a <unit>
// per piece with its note, inline codes as <pc>/<ph> whose Markdown is in <originalData>.
import { create } from 'xmlbuilder2';
import type { InlineCode, InlinePart } from './inline-content.js';
import { XLIFF_2_NAMESPACE, type ExportDocument, type ExportUnit } from './xliff-document.js';
import { childElement, closeElement, NOT_XML_CHARACTER, type XmlElement } from './xml-layout.js';

/** XLIFF 2.0 `type`/`subType` of each code role (subType `xlf:b`, `xlf:i`, `xlf:lb` are the spec's). */
const CODE_TYPES: Record<InlineCode['role'], { type: string; subType?: string }> = {
  strong: { type: 'fmt', subType: 'xlf:b' },
  emphasis: { type: 'fmt', subType: 'xlf:i' },
  delete: { type: 'fmt' },
  link: { type: 'link' },
  code: { type: 'other' },
  image: { type: 'image' },
  break: { type: 'fmt', subType: 'xlf:lb' },
  footnote: { type: 'other' },
  other: { type: 'other' },
};

export function writeXliff2(document: ExportDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(XLIFF_2_NAMESPACE, 'xliff', { version: '2.0', srcLang: document.srcLang, trgLang: document.trgLang });
  for (const file of document.files) {
    const fileElement = childElement(root, 1, 'file', { id: file.id });
    writeNotes(fileElement, 2, file.note);
    for (const unit of file.units) writeUnit(fileElement, 2, unit);
    closeElement(fileElement, 1);
  }
  closeElement(root, 0);
  // The declaration on a line of its own, as editors and CAT tools show it.
  return `${root.end({ prettyPrint: false }).replace(/^(<\?xml[^>]*\?>)/, '$1\n')}\n`;
}

function writeNotes(parent: XmlElement, depth: number, note: string): void {
  const notes = childElement(parent, depth, 'notes');
  childElement(notes, depth + 1, 'note', { category: 'context' }).txt(note);
  closeElement(notes, depth);
}

function writeUnit(parent: XmlElement, depth: number, unit: ExportUnit): void {
  const element = childElement(parent, depth, 'unit', { id: unit.id });
  writeNotes(element, depth + 1, unit.note);
  if (unit.codes.length > 0) {
    const data = childElement(element, depth + 1, 'originalData');
    for (const code of unit.codes) {
      childElement(data, depth + 2, 'data', { id: `d${code.id}` }).txt(code.start);
      if (code.kind === 'pair') childElement(data, depth + 2, 'data', { id: `d${code.id}e` }).txt(code.end ?? '');
    }
    closeElement(data, depth + 1);
  }
  const segment = childElement(element, depth + 1, 'segment');
  const source = childElement(segment, depth + 2, 'source', { 'xml:space': 'preserve' });
  writeContent(source, unit.source, new Map(unit.codes.map((code) => [code.id, code])));
  closeElement(segment, depth + 1);
  closeElement(element, depth);
}

function writeContent(parent: XmlElement, content: readonly InlinePart[], codes: ReadonlyMap<string, InlineCode>): void {
  for (const part of content) {
    if (part.type === 'text') {
      writeText(parent, part.value);
      continue;
    }
    const code = codes.get(part.id);
    const types = CODE_TYPES[code?.role ?? 'other'];
    const kinds = { type: types.type, ...(types.subType === undefined ? {} : { subType: types.subType }) };
    if (part.type === 'point') {
      parent.ele('ph', { id: part.id, dataRef: `d${part.id}`, canCopy: 'no', canDelete: 'no', ...kinds });
    } else {
      writeContent(parent.ele('pc', { id: part.id, dataRefStart: `d${part.id}`, dataRefEnd: `d${part.id}e`, canCopy: 'no', canDelete: 'no', ...kinds }), part.children, codes);
    }
  }
}

/** Text, with characters XML cannot hold written as `<cp hex="…"/>`. */
function writeText(parent: XmlElement, value: string): void {
  let last = 0;
  for (const match of value.matchAll(NOT_XML_CHARACTER)) {
    if (match.index > last) parent.txt(value.slice(last, match.index));
    parent.ele('cp', { hex: match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') });
    last = match.index + match[0].length;
  }
  if (last < value.length) parent.txt(value.slice(last));
}
