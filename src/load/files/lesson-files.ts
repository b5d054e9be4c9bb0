// The lesson files of a language folder: every `.md` file (any letter case: `01-intro.MD` is read
// too), editor and OS debris left out, and each one checked to be a readable file whose real path
// is inside the course folder. A lesson that cannot be read carries its reason instead.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isLessonFileName } from './debris.js';
import { locate, shownPath } from './course-root.js';
import { quote } from '../../model/messages.js';

export interface LessonFileProblem {
  /** "Unexpected …, expected …". */
  reason: string;
  ruleId: 'link-outside-course' | 'lesson-unreadable';
}

export interface LessonFileEntry {
  name: string;
  path: string;
  /** Set when the file must not or cannot be read. */
  problem?: LessonFileProblem;
}

/** Lesson file names of `editionDir` (unsorted); cheap, for counting. A folder that cannot be listed has none (reported as an edition without lessons). */
export async function lessonFileNames(editionDir: string): Promise<string[]> {
  return (await fs.readdir(editionDir).catch(() => [])).filter(isLessonFileName);
}

/** The lesson files of `editionDir`, each located against the course folder's real path `courseRoot`. */
export async function listLessonFiles(editionDir: string, courseRoot: string): Promise<LessonFileEntry[]> {
  const names = await lessonFileNames(editionDir);
  return names.flatMap((name): LessonFileEntry[] => {
    const filePath = path.join(editionDir, name);
    const where = locate(courseRoot, filePath);
    switch (where.kind) {
      case 'file':
        return [{ name, path: filePath }];
      case 'missing':
        // Removed while the folder was read.
        return [];
      case 'outside':
        return [{ name, path: filePath, problem: { reason: `Unexpected lesson file that is a symbolic link to ${shownPath(where.real)} outside the course folder, expected the lesson itself inside the course folder (copy it in)`, ruleId: 'link-outside-course' } }];
      case 'broken-link':
        return [{ name, path: filePath, problem: { reason: `Unexpected lesson file that is a broken symbolic link (to ${quote(where.target)}), expected a readable lesson file (remove the link or restore its target)`, ruleId: 'lesson-unreadable' } }];
      case 'not-file':
        return [{ name, path: filePath, problem: { reason: `Unexpected folder ${quote(name)} named like a lesson, expected a \`.md\` lesson file (rename the folder)`, ruleId: 'lesson-unreadable' } }];
      case 'unreadable':
        return [{ name, path: filePath, problem: { reason: `Unexpected lesson file that cannot be read (${where.detail}), expected a readable lesson file (check its permissions)`, ruleId: 'lesson-unreadable' } }];
    }
  });
}
