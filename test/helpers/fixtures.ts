// Fixture folders: test/fixtures/<kind>/<case>/ with an input and an expected output file.
// `UPDATE_FIXTURES=1` rewrites the expected files from what the code produces now.
import fs from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { relatedOf } from '../../src/model/messages.js';

type VFileMessage = VFile['messages'][number];

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '..', 'fixtures');
export const UPDATE_FIXTURES = process.env.UPDATE_FIXTURES === '1';

/** The one lesson of a course built around an `input.md`. */
export const FIXTURE_LESSON = path.join('en', '01-lesson.md');
/** Files of a case folder that are not copied beside the lesson. */
const CASE_FILES = new Set(['input.md', 'expected.txt', 'expected.html']);

/** Case folder names under test/fixtures/<kind>/, sorted. */
export function listCases(kind: string): string[] {
  const dir = path.join(FIXTURES_DIR, kind);
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

export function caseDir(kind: string, name: string): string {
  return path.join(FIXTURES_DIR, kind, name);
}

/**
 * The course folder of a case: its own `course/` folder, or a temporary course around its
 * `input.md` (course.yaml with `id: fixture` and `languages: [en]`, en/edition.yaml with a title,
 * the lesson as en/01-lesson.md). Other files of the case folder are copied into `en/`, so a
 * lesson can refer to an image beside it.
 */
export async function courseForCase(dir: string): Promise<{ courseDir: string; dispose: () => Promise<void> }> {
  const ownCourse = path.join(dir, 'course');
  if (existsSync(ownCourse)) return { courseDir: ownCourse, dispose: async () => {} };
  const courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-fixture-'));
  await fs.mkdir(path.join(courseDir, 'en'));
  await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: fixture\nlanguages: [en]\n');
  await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Fixture course\n');
  await fs.copyFile(path.join(dir, 'input.md'), path.join(courseDir, FIXTURE_LESSON));
  for (const name of await fs.readdir(dir)) {
    if (!CASE_FILES.has(name)) await fs.cp(path.join(dir, name), path.join(courseDir, 'en', name), { recursive: true });
  }
  return { courseDir, dispose: () => fs.rm(courseDir, { recursive: true, force: true }) };
}

function placeText(message: VFileMessage): string {
  if (message.line === undefined || message.column === undefined) return '?:?';
  const start = `${message.line}:${message.column}`;
  const end = message.place !== undefined && 'start' in message.place ? message.place.end : undefined;
  return end === undefined ? start : `${start}-${end.line}:${end.column}`;
}

/** The other place a message names, as the terminal shows it: `\n  first at en/01-lesson.md:3:1`. */
function relatedText(message: VFileMessage, courseDir: string): string {
  const related = relatedOf(message);
  if (related === undefined) return '';
  const point = 'start' in related.place ? related.place.start : related.place;
  return `\n  ${related.label} at ${coursePath(courseDir, related.file)}:${point.line}:${point.column}`;
}

function coursePath(courseDir: string, filePath: string): string {
  return path.relative(courseDir, filePath).split(path.sep).join('/');
}

/**
 * One line per message: `path:line:column-line:column rule-id severity reason`, the path relative
 * to the course folder with `/` separators, a point (`line:column`) when the message has no
 * range, sorted by file and then position. A message naming another place (the first of a
 * duplicate) has it on an indented second line, `  first at path:line:column`.
 */
export function formatFixtureMessages(files: readonly VFile[], courseDir: string): string {
  const rows = files.flatMap((file) =>
    file.messages.map((message) => ({
      file: coursePath(courseDir, file.path),
      line: message.line ?? 0,
      column: message.column ?? 0,
      text: `${placeText(message)} ${message.ruleId ?? '?'} ${message.fatal === true ? 'error' : 'warning'} ${message.reason}${relatedText(message, courseDir)}`,
    })),
  );
  rows.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.text, b.text));
  return rows.map((row) => `${row.file}:${row.text}\n`).join('');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compare `actual` with the expected file, or rewrite the expected file when UPDATE_FIXTURES=1.
 * Returns the expected text to compare against.
 */
export async function expectedText(expectedPath: string, actual: string): Promise<string> {
  if (UPDATE_FIXTURES) {
    await fs.writeFile(expectedPath, actual);
    return actual;
  }
  return fs.readFile(expectedPath, 'utf8');
}
