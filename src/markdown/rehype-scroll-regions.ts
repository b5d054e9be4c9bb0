// Wide content scrolls inside its own box instead of widening the page on a phone: each table is
// wrapped in a region, and each code block is one, that keyboard users can focus (to scroll it
// with the arrow keys) and screen readers name ("Table 2", "Code example 1").
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import type { UiStrings } from '../model/strings.js';
import { t } from '../model/strings.js';

export interface ScrollRegionOptions {
  /** UI strings of the edition's language (the region names). */
  strings: UiStrings;
}

/** Class of the scrolling box around a table. */
export const TABLE_REGION_CLASS = 'table-scroll';

export function rehypeScrollRegions(options: ScrollRegionOptions) {
  return (tree: Root) => {
    let tables = 0;
    let codeBlocks = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'table' && parent !== undefined && index !== undefined) {
        tables += 1;
        const region: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: [TABLE_REGION_CLASS], role: 'region', tabIndex: 0, ariaLabel: t(options.strings, 'table.label', { number: tables }) },
          children: [node],
        };
        parent.children[index] = region;
        return SKIP;
      }
      if (node.tagName === 'pre') {
        codeBlocks += 1;
        Object.assign(node.properties, { role: 'region', tabIndex: 0, ariaLabel: t(options.strings, 'code.label', { number: codeBlocks }) });
        return SKIP;
      }
      return undefined;
    });
  };
}
