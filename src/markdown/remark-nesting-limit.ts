// Keeps nesting within what the parser and every later step can take without overflowing the
// stack: at most MAX_NESTING levels of block quotes, list items, directives, emphasis and links
// inside one another. Deeper content is reported (`nesting-too-deep`, at its place) and cut off,
// so a lesson of 5,000 nested list items is an error message instead of a crash.
//   - Before parsing, a line whose start opens more than MAX_NESTING block quotes or list items
//     (`> > > …`, `- - - …`) has the markers past the limit blanked out, keeping every column.
//   - After parsing, the tree is walked without recursion and cut below the limit.
//   - Should the parser still overflow, the lesson is reported and only its front matter is read.
import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { report, START_OF_FILE } from '../model/messages.js';

/** Levels of nesting a lesson may have. */
export const MAX_NESTING = 100;

/** Node types that nest without bound; each one is a level. */
const LEVEL_TYPES: ReadonlySet<string> = new Set([
  'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective', 'leafDirective', 'textDirective',
  'emphasis', 'strong', 'delete', 'link', 'linkReference',
]);

/** One container marker at the start of a line (sticky): up to 3 spaces, then `>` or a list marker. */
const CONTAINER_MARKER = / {0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t\r\n]|$))[ \t]?/y;

const reason = (what: string) => `Unexpected ${what} nested more than ${MAX_NESTING} levels deep, expected at most ${MAX_NESTING} levels of block quotes, lists, directives, emphasis and links inside one another`;

export function remarkNestingLimit(this: Processor) {
  const parse = this.parser;
  if (parse !== undefined) {
    this.parser = (document, file) => {
      const bounded = limitLinePrefixes(document, file);
      try {
        return parse(bounded, file);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        report(file, reason('content'), START_OF_FILE, 'nesting-too-deep');
        return parse(frontMatterOnly(bounded), file);
      }
    };
  }
  return (tree: Root, file: VFile) => cutDeepNodes(tree, file);
}

/** The document with container markers past the limit at the start of a line blanked out. */
function limitLinePrefixes(document: string, file: VFile): string {
  const pieces: string[] = [];
  let copied = 0;
  let line = 1;
  for (let lineStart = 0; lineStart <= document.length; line++) {
    let position = lineStart;
    let markers = 0;
    let cutFrom = -1;
    CONTAINER_MARKER.lastIndex = position;
    for (let match = CONTAINER_MARKER.exec(document); match !== null; match = CONTAINER_MARKER.exec(document)) {
      markers++;
      if (markers === MAX_NESTING + 1) cutFrom = position;
      position += match[0].length;
      CONTAINER_MARKER.lastIndex = position;
    }
    if (cutFrom >= 0) {
      report(file, reason('block quote or list item'), { line, column: cutFrom - lineStart + 1 }, 'nesting-too-deep');
      pieces.push(document.slice(copied, cutFrom), ' '.repeat(position - cutFrom));
      copied = position;
    }
    const lineEnd = document.indexOf('\n', position);
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  if (pieces.length === 0) return document;
  pieces.push(document.slice(copied));
  return pieces.join('');
}

/** The front matter block alone (or nothing), for a lesson the parser could not read. */
function frontMatterOnly(document: string): string {
  return /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(document)?.[0] ?? '';
}

/** Report and empty every node more than MAX_NESTING levels deep (once per parent). */
function cutDeepNodes(tree: Root, file: VFile): void {
  const stack: Array<{ node: Nodes; level: number }> = [{ node: tree, level: 0 }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, level } = entry;
    if (!('children' in node)) continue;
    let reported = false;
    for (const child of node.children) {
      const childLevel = level + (LEVEL_TYPES.has(child.type) ? 1 : 0);
      if (childLevel <= MAX_NESTING) {
        stack.push({ node: child, level: childLevel });
        continue;
      }
      if (!reported) report(file, reason(describe(child.type)), child.position, 'nesting-too-deep');
      reported = true;
      if ('children' in child) child.children = [];
    }
  }
}

function describe(type: string): string {
  const names: Record<string, string> = {
    blockquote: 'block quote', listItem: 'list item', footnoteDefinition: 'footnote', containerDirective: 'directive', leafDirective: 'directive',
    textDirective: 'directive', emphasis: 'emphasis', strong: 'bold text', delete: 'struck-through text', link: 'link', linkReference: 'link',
  };
  return names[type] ?? 'content';
}
