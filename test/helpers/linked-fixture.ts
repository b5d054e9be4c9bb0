// Check fixtures that need symbolic links, which git cannot keep portably: such a case folder holds
// `course/`, optionally `outside/` (files beside the course, where links may lead), and `links.txt`
// with one `path/in/course -> target` line per link. The case is copied to a temporary folder and
// the links made there; the temporary folder's real path is shown as `<tmp>` in messages.
import fs from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { courseForCase } from './fixtures.js';

export const LINKS_FILE = 'links.txt';

export interface PreparedCase {
  courseDir: string;
  /** Replaces the temporary folder's path in a text by `<tmp>`. */
  anonymise: (text: string) => string;
  dispose: () => Promise<void>;
}

/** One link of `links.txt`: `en/02-x.md -> ../../outside/notes.md`. */
function parseLinks(text: string): { link: string; target: string }[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')).map((line) => {
    const [link, target] = line.split(' -> ');
    if (link === undefined || target === undefined) throw new Error(`Unreadable line in ${LINKS_FILE}: ${line}`);
    return { link, target };
  });
}

/** The course of a case folder, with its symbolic links when it has a `links.txt`. */
export async function prepareCase(dir: string): Promise<PreparedCase> {
  const linksPath = path.join(dir, LINKS_FILE);
  if (!existsSync(linksPath)) {
    const { courseDir, dispose } = await courseForCase(dir);
    return { courseDir, dispose, anonymise: (text) => text };
  }
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-links-'));
  const courseDir = path.join(root, 'course');
  await fs.cp(path.join(dir, 'course'), courseDir, { recursive: true });
  if (existsSync(path.join(dir, 'outside'))) await fs.cp(path.join(dir, 'outside'), path.join(root, 'outside'), { recursive: true });
  for (const { link, target } of parseLinks(await fs.readFile(linksPath, 'utf8'))) {
    const linkPath = path.join(courseDir, ...link.split('/'));
    await fs.mkdir(path.dirname(linkPath), { recursive: true });
    await fs.symlink(target, linkPath);
  }
  const realRoot = realpathSync(root);
  return {
    courseDir,
    anonymise: (text) => text.split(realRoot).join('<tmp>').split(root).join('<tmp>'),
    dispose: () => fs.rm(root, { recursive: true, force: true }),
  };
}
