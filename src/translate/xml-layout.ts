// Indentation written by hand around structural elements, so that the inline content of
// `<source>` and `<target>` keeps exactly its own whitespace (a pretty printer would indent it).
import type { create } from 'xmlbuilder2';

export type XmlElement = ReturnType<typeof create>;

const INDENT = '  ';

/** `name` as the next child of `parent`, on its own line at `depth`. */
export function childElement(parent: XmlElement, depth: number, name: string, attributes: Record<string, string> = {}): XmlElement {
  parent.txt(`\n${INDENT.repeat(depth)}`);
  return parent.ele(name, attributes);
}

/** The end tag of an element with element children, on its own line at `depth`. */
export function closeElement(element: XmlElement, depth: number): void {
  element.txt(`\n${INDENT.repeat(depth)}`);
}

/** Characters XML 1.0 cannot hold (most control characters, unpaired surrogates, U+FFFE, U+FFFF). */
export const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
