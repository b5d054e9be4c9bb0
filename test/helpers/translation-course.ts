// Shared set-up of the translation tests: course copies in temporary folders, XLIFF files with
// their targets filled in as a translator's CAT tool would, syntax trees without positions.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import type { Root } from 'mdast';
import { REPO_ROOT, SHIPPED_COURSE } from './shipped-course.js';
import { parseLesson } from '../../src/translate/edition-files.js';

export { SHIPPED_COURSE };
export const RICH_COURSE = path.join(REPO_ROOT, 'test', 'fixtures', 'translate', 'rich');

const XLIFF_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const XLIFF_1_2 = 'urn:oasis:names:tc:xliff:document:1.2';
const TEXT_NODE = 3;

/** A copy of a course folder in a new temporary folder (removed by the returned function). */
export async function copyCourse(courseDir: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-translate-'));
  const dir = path.join(root, 'course');
  await fs.cp(courseDir, dir, { recursive: true });
  return { dir, remove: () => fs.rm(root, { recursive: true, force: true }) };
}

/** How a test translator turns a unit's source text into the target text. */
export type Translate = (text: string, unitId: string) => string;

/**
 * The XLIFF text with a target in every segment (2.0) or trans-unit (1.2): the source's content
 * with its inline codes, each text run passed through `translate`; `wrap` adds text at the start
 * and the end of the whole target (a pseudo-translation's markers).
 */
export function fillTargets(xliff: string, translate: Translate = (text) => text, wrap?: { start: string; end: string }, only?: (unitId: string) => boolean): string {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml');
  const root = doc.documentElement!;
  const version2 = root.namespaceURI === XLIFF_2;
  const namespace = version2 ? XLIFF_2 : XLIFF_1_2;
  const units = Array.from(doc.getElementsByTagNameNS(namespace, version2 ? 'unit' : 'trans-unit'));
  for (const unit of units) {
    const id = unit.getAttribute('id')!;
    if (only !== undefined && !only(id)) continue;
    const holders = version2 ? Array.from(unit.getElementsByTagNameNS(namespace, 'segment')) : [unit];
    for (const holder of holders) {
      const source = holder.getElementsByTagNameNS(namespace, 'source')[0]!;
      const target = doc.createElementNS(namespace, 'target');
      for (const child of Array.from(source.childNodes)) target.appendChild(translated(child.cloneNode(true), translate, id));
      if (wrap !== undefined) {
        target.insertBefore(doc.createTextNode(wrap.start), target.firstChild);
        target.appendChild(doc.createTextNode(wrap.end));
      }
      holder.insertBefore(target, source.nextSibling);
    }
  }
  return new XMLSerializer().serializeToString(doc);
}

function translated(node: Node, translate: Translate, unitId: string): Node {
  if (node.nodeType === TEXT_NODE) node.nodeValue = translate(node.nodeValue ?? '', unitId);
  else for (const child of Array.from(node.childNodes)) translated(child, translate, unitId);
  return node;
}

/** Every unit id of an XLIFF text, in order. */
export function unitIds(xliff: string): string[] {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml');
  const root = doc.documentElement!;
  const version2 = root.namespaceURI === XLIFF_2;
  return Array.from(doc.getElementsByTagNameNS(version2 ? XLIFF_2 : XLIFF_1_2, version2 ? 'unit' : 'trans-unit')).map((unit: Element) => unit.getAttribute('id')!);
}

/** The syntax tree of a lesson file, without positions (what two lessons' equality means). */
export async function lessonTree(filePath: string): Promise<Root> {
  return withoutPositions(await parseLesson(await fs.readFile(filePath, 'utf8'), filePath)) as Root;
}

export function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'position').map(([key, entry]) => [key, withoutPositions(entry)]));
}

/** Every file under `dir` with its text (what "nothing changed" compares). */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  return new Map(await Promise.all(files.map(async (file) => [path.relative(dir, file), await fs.readFile(file, 'utf8')] as const)));
}
