// Where a file of the course really is. Symbolic links (of files or of folders on the way) are
// resolved, so that nothing outside the course folder reaches a package through a link inside it.
import fs from 'node:fs';
import path from 'node:path';

export type Whereabouts =
  /** A regular file whose real path is inside the course folder. */
  | { kind: 'file'; real: string }
  /** Something other than a regular file (a folder, a device…) inside the course folder. */
  | { kind: 'not-file'; real: string }
  /** The real path is outside the course folder. */
  | { kind: 'outside'; real: string }
  /** A symbolic link on the way points nowhere. */
  | { kind: 'broken-link'; target: string }
  /** Nothing there. */
  | { kind: 'missing' }
  /** There, but unreadable (permissions). */
  | { kind: 'unreadable'; detail: string };

/** The course folder's own real path (the folder may itself be reached through a link). */
export function realCourseRoot(courseDir: string): string {
  try {
    return fs.realpathSync.native(courseDir);
  } catch {
    return path.resolve(courseDir);
  }
}

/** Whether `real` is `root` or below it. */
export function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** Where the file at `absolute` really is, relative to the course folder's real path `root`. */
export function locate(root: string, absolute: string): Whereabouts {
  let real: string;
  try {
    real = fs.realpathSync.native(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const target = brokenLinkTarget(absolute);
      return target === undefined ? { kind: 'missing' } : { kind: 'broken-link', target };
    }
    if (code === 'ELOOP') return { kind: 'broken-link', target: 'itself (a loop of links)' };
    return { kind: 'unreadable', detail: code ?? String(error) };
  }
  if (!isInside(root, real)) return { kind: 'outside', real };
  try {
    return fs.statSync(real).isFile() ? { kind: 'file', real } : { kind: 'not-file', real };
  } catch (error) {
    return { kind: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** The target of the first dangling link on the way to `absolute`, if a link is what is missing. */
function brokenLinkTarget(absolute: string): string | undefined {
  let current = absolute;
  for (;;) {
    const stats = fs.lstatSync(current, { throwIfNoEntry: false });
    if (stats !== undefined) {
      // The nearest thing that exists: a link that leads nowhere, or a real folder the rest is missing from.
      return stats.isSymbolicLink() && fs.statSync(current, { throwIfNoEntry: false }) === undefined ? fs.readlinkSync(current) : undefined;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A path in a message, in full (quote() shortens long values, and a path cut short helps nobody). */
export function shownPath(location: string): string {
  return `\`${location}\``;
}
