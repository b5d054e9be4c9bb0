// Links in a lesson never end the SCORM session. Web pages and course documents (files copied
// into the package's media folder) open in a new window, with a translated hint for screen
// readers and a class for the visible marker. A link to another lesson of the same edition
// (`02-reliability.md#part`) points at that lesson's own page (lessons/<id>.html, for lesson
// pages opened on their own) and names the lesson in data-lesson-link, which the shell's runtime
// shows in place. A link to a Markdown file that is no lesson of this edition keeps its text
// only: the file is not in the package, and following it would leave the course.
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import type { UiStrings } from '../model/strings.js';
import { t } from '../model/strings.js';
import { lessonPagePath } from '../contract/package-layout.js';
import { lessonFileId } from './lesson-file-id.js';

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

type LinkKind = { kind: 'new-window' } | { kind: 'lesson'; lessonId: string; fragment: string } | { kind: 'dead' } | { kind: 'keep' };

export function rehypeLinks(options: LinkOptions) {
  const hint = t(options.strings, 'link.newWindow');
  return (tree: Root, file: VFile) => {
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
        case 'lesson':
          node.properties.href = `${lessonPagePath(link.lessonId)}${link.fragment}`;
          node.properties.dataLessonLink = link.lessonId;
          addClass(node, LESSON_LINK_CLASS);
          return SKIP;
        case 'dead':
          if (parent === undefined || index === undefined) return;
          parent.children.splice(index, 1, ...(node.children as ElementContent[]));
          return index;
        default:
          return;
      }
    });
  };
}

function classify(href: string, file: VFile): LinkKind {
  if (WEB.test(href)) return { kind: 'new-window' };
  if (SCHEME.test(href) || href.startsWith('#') || href.startsWith('//')) return { kind: 'keep' };
  const cut = href.search(/[?#]/);
  const filePart = cut === -1 ? href : href.slice(0, cut);
  // Every other file a lesson links to is a course document, already pointed at its copy in the
  // package by the content checks.
  if (!filePart.toLowerCase().endsWith('.md')) return { kind: 'new-window' };
  const fragment = cut === -1 ? '' : href.slice(cut).replace(/^\?[^#]*/, '');
  const lessonDir = path.dirname(file.path);
  const target = path.resolve(lessonDir, decodePath(filePart));
  if (path.dirname(target) !== lessonDir) return { kind: 'dead' };
  const lessonId = lessonFileId(target);
  return lessonId === undefined ? { kind: 'dead' } : { kind: 'lesson', lessonId, fragment };
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
