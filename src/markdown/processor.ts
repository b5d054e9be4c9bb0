// The one place the Markdown pipeline (plugin order) is defined.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { UiStrings } from '../model/strings.js';
import { HEADING_ID_PREFIX } from '../model/ids.js';
import { remarkLessonFrontMatter } from './remark-lesson-frontmatter.js';
import { remarkCourseDirectives } from './remark-course-directives.js';
import { remarkContentChecks } from './remark-content-checks.js';
import { remarkNestingLimit } from './remark-nesting-limit.js';
import './micromark-linear-edits.js';
import { createQuestionHandlers } from './question-to-hast.js';
import { rehypeLinks } from './rehype-links.js';
import { rehypeScrollRegions } from './rehype-scroll-regions.js';
import { sanitizeSchema } from './sanitize-schema.js';

export interface MarkdownProcessorOptions {
  /** UI strings of the edition's language (question labels, key points title). */
  strings: UiStrings;
  /** Absolute path of the course folder (links must stay inside). */
  courseDir: string;
}

export type MarkdownProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;

/**
 * Markdown lesson → sanitised HTML fragment. Problems are reported as messages on the file;
 * `file.data` receives the lesson front matter, its questions and its media, which
 * lessonFromMarkdown (lesson-from-markdown.ts) turns into the model's Lesson.
 */
export function createMarkdownProcessor(options: MarkdownProcessorOptions): MarkdownProcessor {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkNestingLimit)
    .use(remarkLessonFrontMatter)
    // Content checks run before questions become typed nodes: options and explanations are not
    // children of a question node, so links, images and raw HTML in them would go unchecked.
    .use(remarkContentChecks, { courseDir: options.courseDir })
    .use(remarkCourseDirectives)
    .use(remarkRehype, { handlers: createQuestionHandlers(options.strings) as never })
    // Each author heading gets the id of its GitHub-style anchor (github-slugger: every script,
    // repeats numbered), behind a prefix that no id of the launch page or of a question has;
    // before the links, so that a heading's text has no new-window hint in it yet, and so that
    // rehype-links can point `#anchor` links at these ids.
    .use(rehypeSlug, { prefix: HEADING_ID_PREFIX })
    // Page-safe links and scrolling boxes are made before the sanitiser, which then checks
    // them like everything else (sanitize-schema.ts allows exactly the attributes they add).
    .use(rehypeLinks, { strings: options.strings })
    .use(rehypeScrollRegions, { strings: options.strings })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeStringify) as unknown as MarkdownProcessor;
}
