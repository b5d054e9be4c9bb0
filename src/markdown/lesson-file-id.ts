// The lesson id written in a lesson file's front matter, read without reporting anything: a
// link from one lesson to another needs the id of its target (the target's own problems are
// reported when that file is loaded).
import fs from 'node:fs';
import { parse } from 'yaml';
import { ID_PATTERN } from '../model/ids.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The `id` of the lesson file at `filePath`, or undefined when it has none that is valid. */
export function lessonFileId(filePath: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
  const yamlText = FRONT_MATTER.exec(text)?.[1];
  if (yamlText === undefined) return undefined;
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const id: unknown = (data as Record<string, unknown>).id;
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
}
