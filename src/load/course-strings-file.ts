// Reads and checks one of a course's own UI strings files, `strings/<lang>.json` in the course
// folder: JSON text (with the place of a syntax error), keys that the English strings have, text
// values, and the same `{placeholders}` as the English text of each key. Problems are messages on
// the file; what is usable is returned.
import path from 'node:path';
import { VFile } from 'vfile';
import { parse, type MemberNode, type StringNode, type ValueNode } from '@humanwhocodes/momoa';
import type { Point, Position } from 'unist';
import { firstAt, quote, report, START_OF_FILE } from '../model/messages.js';
import { placeholders, type UiStrings } from '../model/strings.js';
import { notUtf8Reason, readTextFile } from './text-file.js';

/** The folder of a course that holds its strings files. */
export const COURSE_STRINGS_FOLDER = 'strings';

/**
 * A key the scaffold writes with a note for the translator. It is no UI string; while it is in
 * the file, check warns that the values may still be the English ones.
 */
export const TRANSLATION_NOTE_KEY = '$comment';

export interface CourseStringsFile {
  file: VFile;
  /** The usable entries: known keys with text values whose placeholders match English. */
  strings: Record<string, string>;
  /** Where each key of `strings` is first written. */
  places: Map<string, Point>;
  /** Where the object starts (messages about the whole file). */
  place: Position | undefined;
}

/** `strings/<lang>.json` in the course folder. */
export function courseStringsPath(courseDir: string, lang: string): string {
  return path.join(courseDir, COURSE_STRINGS_FOLDER, `${lang}.json`);
}

/** Read and check the course's strings file for `lang`; undefined when the course has none. */
export async function readCourseStringsFile(courseDir: string, lang: string, english: UiStrings): Promise<CourseStringsFile | undefined> {
  const filePath = courseStringsPath(courseDir, lang);
  const read = await readTextFile(filePath);
  if (read.kind === 'missing') return undefined;
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: read.kind === 'text' ? read.text : '' });
  const shown = `${COURSE_STRINGS_FOLDER}/${lang}.json`;
  if (read.kind === 'unreadable') {
    report(file, `Unexpected strings file ${quote(shown)} that cannot be read (${read.code}), expected a readable JSON file`, START_OF_FILE, 'strings-unreadable');
    return { file, strings: {}, places: new Map(), place: undefined };
  }
  if (read.kind === 'not-utf8') {
    report(file, notUtf8Reason(read), read.place, 'encoding-invalid');
    return { file, strings: {}, places: new Map(), place: undefined };
  }
  const body = parseJson(file, read.text);
  if (body === undefined) return { file, strings: {}, places: new Map(), place: undefined };
  if (body.type !== 'Object') {
    report(file, `Unexpected JSON ${body.type.toLowerCase()} in a strings file, expected an object of \`"key": "text"\` pairs`, placeOf(body), 'strings-json-invalid');
    return { file, strings: {}, places: new Map(), place: placeOf(body) };
  }
  const strings: Record<string, string> = {};
  const seen = new Map<string, Point>();
  for (const member of body.members) {
    const key = member.name.type === 'String' ? member.name.value : member.name.name;
    if (seen.has(key)) {
      report(file, `Unexpected second ${quote(key)} in the strings file, expected each key once (the last one counts)`, placeOf(member.name), 'strings-duplicate-key', firstAt(file, seen.get(key)));
    } else {
      seen.set(key, placeOf(member.name).start);
    }
    if (key === TRANSLATION_NOTE_KEY) {
      report(file, `Unexpected translation note ${quote(key)} still in the strings file, expected it removed once every value is translated (until then learners may see English text)`, placeOf(member), 'strings-untranslated');
      continue;
    }
    const englishText = english[key];
    if (englishText === undefined) {
      report(file, `Unexpected key ${quote(key)}, expected one of the keys of the English UI strings (it is ignored)`, placeOf(member.name), 'strings-unknown-key');
      continue;
    }
    const text = textValue(file, member, key);
    if (text === undefined) continue;
    const expected = placeholders(englishText);
    const actual = placeholders(text);
    if (expected.join('\u0000') !== actual.join('\u0000')) {
      report(file, `Unexpected ${describePlaceholders(actual)} in ${quote(key)}, expected ${describePlaceholders(expected)} as in the English text ${JSON.stringify(englishText)}`, placeOf(member.value), 'strings-placeholder-mismatch');
      continue;
    }
    strings[key] = text;
  }
  const places = new Map(Object.keys(strings).map((key) => [key, seen.get(key)!]));
  return { file, strings, places, place: placeOf(body) };
}

/** The JSON value of the file, or undefined after reporting where it stops being JSON. */
function parseJson(file: VFile, text: string): ValueNode | undefined {
  let body: ValueNode;
  try {
    body = parse(text, { mode: 'json', ranges: true }).body;
  } catch (error) {
    const { line, column } = error as { line?: unknown; column?: unknown };
    const place = typeof line === 'number' && typeof column === 'number' ? { line, column } : START_OF_FILE;
    const what = error instanceof RangeError ? 'values nested too deeply to be read' : describeSyntaxError((error as Error).message);
    report(file, `Unexpected ${what} in a strings file, expected JSON text (\`{ "key": "text", … }\`: double quotes, no trailing comma, no comment)`, place, 'strings-json-invalid');
    return undefined;
  }
  // The parser lets control characters (a tab, a line break) through inside strings; JSON does not.
  for (const node of stringNodes(body)) {
    const raw = text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
    const index = raw.search(/[\u0000-\u001f]/);
    if (index >= 0) {
      const before = text.slice(0, (node.range?.[0] ?? 0) + index);
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      report(file, `Unexpected control character (a line break or tab) inside a JSON string, expected \`\\n\` or \`\\t\` written out`, { line, column }, 'strings-json-invalid');
      return undefined;
    }
  }
  return body;
}

/** The keys and text values of a top-level object (nested values are reported as not text anyway). */
function* stringNodes(node: ValueNode): Generator<StringNode> {
  if (node.type !== 'Object') return;
  for (const member of node.members) {
    if (member.name.type === 'String') yield member.name;
    if (member.value.type === 'String') yield member.value;
  }
}

function textValue(file: VFile, member: MemberNode, key: string): string | undefined {
  if (member.value.type === 'String') return member.value.value;
  report(file, `Unexpected ${member.value.type.toLowerCase()} as the value of ${quote(key)}, expected text in double quotes`, placeOf(member.value), 'strings-value-invalid');
  return undefined;
}

/** The parser's "Unexpected token RBrace found. (1:7)" as "`}`". */
function describeSyntaxError(message: string): string {
  const what = /^Unexpected (.+?)(?: found)?\.?(?: \(\d+:\d+\))?$/.exec(message)?.[1];
  if (what === undefined) return 'text that is not JSON';
  const token = /^token (\w+)$/.exec(what)?.[1];
  if (token === undefined) return what.replace(/^character '(.*)'$/, 'character `$1`');
  const names: Record<string, string> = { RBrace: '`}`', LBrace: '`{`', RBracket: '`]`', LBracket: '`[`', Comma: '`,`', Colon: '`:`', String: 'text in quotes', Number: 'number', Boolean: '`true` or `false`', Null: '`null`' };
  return names[token] ?? `\`${token}\``;
}

function describePlaceholders(names: readonly string[]): string {
  if (names.length === 0) return 'no placeholder';
  return `${names.length === 1 ? 'placeholder' : 'placeholders'} ${names.map((name) => `\`{${name}}\``).join(', ')}`;
}

function placeOf(node: { loc: { start: { line: number; column: number }; end: { line: number; column: number } } }): Position {
  return { start: { line: node.loc.start.line, column: node.loc.start.column }, end: { line: node.loc.end.line, column: node.loc.end.column } };
}
