// Files that editors and operating systems leave beside the author's files: never lessons, never
// reported. Emacs lock links (`.#x.md`), hidden files (`.draft.md`), macOS resource forks
// (`._x.md`) and `.DS_Store`, Windows `Thumbs.db` and `desktop.ini`, Vim swap files, `~` backups,
// Office lock files (`~$x.docx`) and Emacs auto-saves (`#x.md#`).

const OS_FILES = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini']);
const DEBRIS_ENDINGS = ['~', '.swp', '.swo', '.swx', '.tmp', '.bak', '.orig'];

/** Whether a file name (no folder) is editor or operating-system debris. */
export function isDebris(name: string): boolean {
  const lower = name.toLowerCase();
  if (name.startsWith('.') || name.startsWith('~') || name.startsWith('#')) return true;
  if (OS_FILES.has(lower)) return true;
  return DEBRIS_ENDINGS.some((ending) => lower.endsWith(ending));
}

/** Whether a file name is a lesson: `.md` in any letter case, and not debris. */
export function isLessonFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !isDebris(name);
}
