// Lesson syntax trees back to Markdown: remark-stringify with the syntax the lesson pipeline reads
// (front matter, GFM tables and task lists, directives), so a written tree parses to the same tree.
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';

/** Directive attributes written as authors write them: `{#id type=single}`, quoted only when needed. */
function remarkDirectiveWriting(this: Processor) {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push(directiveToMarkdown({ preferUnquoted: true }));
}

let writer: Processor<undefined, undefined, undefined, Root, string> | undefined;

/** The Markdown text of a lesson tree. */
export function writeMarkdown(tree: Root): string {
  writer ??= unified()
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirectiveWriting)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fence: '`', fences: true, listItemIndent: 'one' }) as unknown as Processor<undefined, undefined, undefined, Root, string>;
  return writer.stringify(tree);
}
