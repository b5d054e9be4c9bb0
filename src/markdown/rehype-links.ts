// Links in a lesson never end the SCORM session. Web pages and course documents (files copied
// into the package's media folder) open in a new window, with a translated hint for screen
// readers and a class for the visible marker. A link to another lesson of the same edition
// (`02-reliability.md#part`) points at that lesson's own page (lessons/<id>.html, for lesson
// pages opened on their own) and names the lesson in data-lesson-link, which the shell's runtime
// shows in place. A link to a Markdown file that is no lesson of this edition keeps its text
// only: the file is not in the package, and following it would leave the course.
//
// A fragment is what GitHub would take it for: `#promises` is the anchor of the heading
// `## Promises`, whose id here is `h-promises` (rehype-slug, HEADING_ID_PREFIX), and `#q-<id>`
// names a question; `#top` (or none) is the top of the lesson. A link within the lesson (`#…`)
// points at the lesson's own page too, since lesson pages have `<base href="../">`, and names the
// lesson in data-lesson-link, so the shell moves focus to the part it names. Links to headings and
// questions are kept on file.data for the course-wide check (check/section-links.ts), with the
// ids of this lesson's headings.
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import type { UiStrings } from '../model/strings.js';
import { t } from '../model/strings.js';
import type { SectionLink } from '../model/course.js';
import { HEADING_ID_PREFIX, ID_PATTERN } from '../model/ids.js';
import { lessonPagePath } from '../contract/package-layout.js';
import { lessonFileId } from './lesson-file-id.js';
import { QUESTION_ID_PREFIX } from './question-to-hast.js';

export interface LinkOptions {
  /** UI strings of the edition's language (the new-window hint). */
  strings: UiStrings;
}

/** Class of links that open in a new window (web pages and documents). */
export const NEW_WINDOW_CLASS = 'link-new-window';
/** Class of links to another lesson of the course. */
export const LESSON_LINK_CLASS = 'link-lesson';
const WEB = /^https?:/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `fragment`: what follows `#` in the href, as written (percent-encoded); '' without one. */
type LinkKind = { kind: 'new-window' } | { kind: 'lesson'; lessonId: string; fragment: string } | { kind: 'in-lesson'; fragment: string } | { kind: 'dead' } | { kind: 'keep' };

const HEADING = /^h[1-6]$/;

export function rehypeLinks(options: LinkOptions) {
  const hint = t(options.strings, 'link.newWindow');
  return (tree: Root, file: VFile) => {
    const ownId = file.data.lesson?.id ?? '';
    const ids = new Set<string>();
    const headingIds: string[] = [];
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      ids.add(id);
      if (HEADING.test(node.tagName) && id.startsWith(HEADING_ID_PREFIX)) headingIds.push(id);
    });
    const sectionLinks: SectionLink[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const link = classify(node.properties.href, file);
      switch (link.kind) {
        case 'new-window':
          node.properties.target = '_blank';
          node.properties.rel = ['noopener', 'noreferrer'];
          addClass(node, NEW_WINDOW_CLASS);
          node.children.push(hintElement(hint));
          return SKIP;
        case 'lesson': {
          const target = fragmentTarget(link.fragment, undefined);
          if (target.names !== undefined) sectionLinks.push({ lessonId: link.lessonId, fragment: target.fragment, names: target.names, place: node.position });
          pointAtLesson(node, link.lessonId, target.href);
          return SKIP;
        }
        case 'in-lesson': {
          // An id the lesson has (a question, a footnote) is kept as it is; the link names the lesson itself.
          const target = fragmentTarget(link.fragment, ids);
          if (target.names !== undefined) sectionLinks.push({ fragment: target.fragment, names: target.names, place: node.position });
          if (ID_PATTERN.test(ownId)) pointAtLesson(node, ownId, target.href);
          else node.properties.href = target.href;
          return SKIP;
        }
        case 'dead':
          if (parent === undefined || index === undefined) return;
          parent.children.splice(index, 1, ...(node.children as ElementContent[]));
          return index;
        default:
          return;
      }
    });
    file.data.headingIds = headingIds;
    file.data.sectionLinks = sectionLinks;
  };
}

function classify(href: string, file: VFile): LinkKind {
  if (WEB.test(href)) return { kind: 'new-window' };
  if (href.startsWith('#')) return { kind: 'in-lesson', fragment: href.slice(1) };
  if (SCHEME.test(href) || href.startsWith('//')) return { kind: 'keep' };
  const cut = href.search(/[?#]/);
  const filePart = cut === -1 ? href : href.slice(0, cut);
  // Every other file a lesson links to is a course document, already pointed at its copy in the
  // package by the content checks.
  if (!filePart.toLowerCase().endsWith('.md')) return { kind: 'new-window' };
  const hash = cut === -1 ? -1 : href.indexOf('#', cut);
  const fragment = hash === -1 ? '' : href.slice(hash + 1);
  const lessonDir = path.dirname(file.path);
  const target = path.resolve(lessonDir, decodePath(filePart));
  if (path.dirname(target) !== lessonDir) return { kind: 'dead' };
  const lessonId = lessonFileId(target);
  return lessonId === undefined ? { kind: 'dead' } : { kind: 'lesson', lessonId, fragment };
}

interface FragmentTarget {
  /** The href's fragment part: `#` and the id it names, percent-encoded as written; '' for none. */
  href: string;
  /** The fragment decoded. */
  fragment: string;
  /** The heading or question it names, for the check; none for the top of the lesson or an id kept as it is. */
  names?: SectionLink['names'];
}

/**
 * What the fragment `raw` (percent-encoded, as written) names: nothing (the top of the lesson),
 * an id the lesson already has (`ids`, for a link within it: a question, a footnote, whose id may
 * be written encoded), a question (`q-<id>`), or else the heading whose anchor it is.
 */
function fragmentTarget(raw: string, ids: ReadonlySet<string> | undefined): FragmentTarget {
  const fragment = decodePath(raw);
  if (raw === '' || fragment.toLowerCase() === 'top' || ids?.has(fragment) === true || ids?.has(raw) === true) return { href: raw === '' ? '' : `#${raw}`, fragment };
  if (fragment.startsWith(QUESTION_ID_PREFIX)) return { href: `#${raw}`, fragment, names: { kind: 'question', questionId: fragment.slice(QUESTION_ID_PREFIX.length) } };
  return { href: `#${HEADING_ID_PREFIX}${raw}`, fragment, names: { kind: 'heading', id: `${HEADING_ID_PREFIX}${fragment}` } };
}

/** The link shows lesson `lessonId` (its own page, or in place in the shell), at `fragment`. */
function pointAtLesson(node: Element, lessonId: string, fragment: string): void {
  node.properties.href = `${lessonPagePath(lessonId)}${fragment}`;
  node.properties.dataLessonLink = lessonId;
  addClass(node, LESSON_LINK_CLASS);
}

function addClass(node: Element, name: string): void {
  const current: unknown = node.properties.className;
  const list: string[] = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [];
  node.properties.className = [...list.filter((entry) => entry !== ''), name];
}

/** " (opens in a new window)", read by screen readers and hidden on screen. */
function hintElement(text: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ` ${text}` }] };
}

function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return urlPath;
  }
}
