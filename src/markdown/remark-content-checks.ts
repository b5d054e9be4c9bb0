// Lesson-wide content checks: raw HTML, links and images, empty lessons. Local media are recorded
// in file.data.media and their URLs rewritten to their place in the package. A linked file must be
// inside the course folder by its real path (symbolic links resolved), be what its name says, and
// fit in a package that unpacks everywhere.
import path from 'node:path';
import fs from 'node:fs';
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { quote, report } from '../model/messages.js';
import { locate, realCourseRoot, shownPath } from '../load/files/course-root.js';
import { checkMediaContent } from '../load/files/media-content.js';
import { clashingCoursePath, mediaPackagePath } from '../contract/package-layout.js';
import { MAX_PACKAGE_PATH_LENGTH, reservedNameOf } from '../load/files/name-limits.js';
import './types.js';

export interface ContentCheckOptions {
  /** Absolute path of the course folder: local links must stay inside it. */
  courseDir: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
/** Files an image may show (an SVG in <img> cannot run scripts). */
const IMAGE_TYPES = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg']);
/** Files a link may open: nothing a browser would run as a page or a script. */
const DOCUMENT_TYPES = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'pdf', 'txt', 'csv', 'mp3', 'm4a', 'ogg', 'wav', 'mp4', 'webm', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);
const PACKAGE_NAME = /^[A-Za-z0-9_./-]+$/;

export function remarkContentChecks(options: ContentCheckOptions) {
  const courseRoot = realCourseRoot(options.courseDir);
  /** Whether the course-relative file can take its package path; reports why not. */
  const checkPackagePath = (file: VFile, coursePath: string, place: Position | undefined): boolean => {
    const packagePath = mediaPackagePath(coursePath);
    const reserved = coursePath.split('/').map(reservedNameOf).find((name) => name !== undefined);
    if (reserved !== undefined) {
      report(file, `Unexpected file name ${quote(coursePath)} with the Windows device name ${quote(reserved)}, expected another name (such files cannot be unpacked on Windows)`, place, 'file-name-reserved');
      return false;
    }
    if (packagePath.length > MAX_PACKAGE_PATH_LENGTH) {
      report(file, `Unexpected package path of ${packagePath.length} characters for ${quote(coursePath)}, expected at most ${MAX_PACKAGE_PATH_LENGTH} (unpacked on Windows, longer paths fail): use shorter folder and file names`, place, 'path-too-long');
      return false;
    }
    const other = clashingCoursePath(coursePath);
    if (fs.statSync(path.join(options.courseDir, ...other.split('/')), { throwIfNoEntry: false })?.isFile() === true) {
      report(file, `Unexpected file ${quote(coursePath)} that would share its package path ${quote(packagePath)} with ${quote(other)}, expected one file per package path: rename or move one of them`, place, 'media-path-clash');
      return false;
    }
    return true;
  };
  return (tree: Root, file: VFile) => {
    const media = new Set<string>();
    const body = tree.children.filter((node) => node.type !== 'yaml');
    if (body.length === 0) {
      report(file, 'Unexpected empty lesson, expected text or questions after the front matter', tree.position?.end ?? { line: 1, column: 1 }, 'lesson-empty');
    }
    visit(tree, (node) => {
      if (node.type === 'html') {
        report(file, `Unexpected raw HTML ${quote(node.value)}, expected Markdown (raw HTML is not allowed in lessons)`, node.position, 'no-raw-html');
        return;
      }
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const isImage = node.type === 'image';
      // Browsers drop tabs and newlines anywhere in a URL (`java&#9;script:` is `javascript:`).
      const url = node.url.replace(/[\t\n\r]/g, '').trim();
      const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
      if (url.startsWith('//') || scheme !== undefined) {
        if (isImage) {
          report(file, `Unexpected image from outside the course ${quote(url)}, expected an image file inside the course folder`, node.position, 'link-outside-course');
        } else if (url.startsWith('//') || !LINK_SCHEMES.has(scheme ?? '')) {
          report(file, `Unexpected link ${quote(url)}, expected an http(s) or mailto address or a file inside the course folder`, node.position, 'link-unsafe');
        }
        return;
      }
      if (url === '' || url.startsWith('#')) return;
      const what = isImage ? 'image' : 'link';
      const target = decodePath(url.split(/[?#]/)[0] ?? '');
      const absolute = path.resolve(path.dirname(file.path), target);
      const relative = path.relative(options.courseDir, absolute);
      if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) || target.startsWith('/')) {
        report(file, `Unexpected ${what} outside the course folder ${quote(url)}, expected a file inside the course folder`, node.position, 'link-outside-course');
        return;
      }
      const where = locate(courseRoot, absolute);
      if (where.kind === 'outside') {
        report(file, `Unexpected ${what} ${quote(url)} that leads outside the course folder through a symbolic link (to ${shownPath(where.real)}), expected a file inside the course folder (copy it in instead of linking it)`, node.position, 'link-outside-course');
        return;
      }
      if (where.kind !== 'file') {
        const missing = where.kind === 'broken-link' ? `a broken symbolic link ${quote(url)} (to ${quote(where.target)})` : where.kind === 'not-file' ? `a folder ${quote(url)}` : where.kind === 'unreadable' ? `an unreadable file ${quote(url)} (${where.detail})` : `a missing file ${quote(url)}`;
        report(file, `Unexpected ${what} to ${missing}, expected an existing file`, node.position, 'link-missing');
        return;
      }
      const coursePath = relative.split(path.sep).join('/');
      if (!PACKAGE_NAME.test(coursePath)) {
        report(file, `Unexpected file name ${quote(coursePath)}, expected ASCII letters, digits, \`_\`, \`.\`, \`-\` and no spaces (LMSes reject other names)`, node.position, 'media-name');
        return;
      }
      if (coursePath.toLowerCase().endsWith('.md')) {
        // A lesson of this edition (a file beside this one) is shown in the course (rehype-links.ts);
        // any other Markdown file is not in the package, so the link keeps its text only.
        if (path.dirname(absolute) !== path.dirname(file.path)) {
          report(file, `Unexpected link to a Markdown file that is no lesson of this edition ${quote(url)}, expected a lesson file beside this one or a document`, node.position, 'link-to-lesson');
        }
        return;
      }
      const extension = path.extname(coursePath).slice(1).toLowerCase();
      const allowed = isImage ? IMAGE_TYPES : DOCUMENT_TYPES;
      if (!allowed.has(extension)) {
        report(file, `Unexpected ${isImage ? 'image' : 'linked file'} type ${quote(`.${extension}`)}, expected one of ${[...allowed].map((type) => `.${type}`).join(', ')} (pages and scripts could run code in the LMS)`, node.position, 'media-type');
        return;
      }
      if (!checkPackagePath(file, coursePath, node.position)) return;
      const problem = checkMediaContent(where.real, extension);
      if (problem !== undefined) {
        report(file, `Unexpected ${problem.reason(quote(url))}`, node.position, problem.ruleId);
        return;
      }
      media.add(coursePath);
      node.url = mediaPackagePath(coursePath);
    });
    file.data.media = [...media].sort();
  };
}

/** Percent-decode a local URL path; a malformed escape (`%zz`) is kept as written, as browsers do. */
function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return urlPath;
  }
}
