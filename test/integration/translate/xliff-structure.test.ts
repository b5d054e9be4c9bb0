// The exported files follow their version's schema. No XLIFF schema ships in a package this
// project can install (none in node_modules, none among the registry packages we looked at), so
// the rules of the XLIFF 2.0 core schema (xliff_core_2.0.xsd, with the spec's constraints on
// inline codes) and of the 1.2 strict schema are checked here element by element, on the export
// and on the same file with every target filled in. Also: a person opening the file reads one
// unit per line group, each with its id and note, and never an answer key or a file name.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEdition } from '../../../src/translate/export-edition.js';
import type { XliffVersion } from '../../../src/translate/xliff-document.js';
import { readXliff } from '../../../src/translate/xliff-reader.js';
import { comparable } from '../../../src/translate/inline-content.js';
import { targetCodeProblem } from '../../../src/translate/target-codes.js';
import { REPO_ROOT } from '../../helpers/shipped-course.js';
import { fillTargets, RICH_COURSE, SHIPPED_COURSE } from '../../helpers/translation-course.js';

const XLIFF_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const XLIFF_1_2 = 'urn:oasis:names:tc:xliff:document:1.2';
const XML = 'http://www.w3.org/XML/1998/namespace';
const NMTOKEN = /^[\p{L}\p{N}._:\-\u00B7\u0300-\u036F\u203F-\u2040]+$/u;
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

function elements(element: Element): Element[] {
  return Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1);
}

/** Non-whitespace text directly in a structural element is not allowed by either schema. */
function expectNoText(element: Element, problems: string[]): void {
  for (const node of Array.from(element.childNodes)) {
    if ((node.nodeType === 3 || node.nodeType === 4) && (node.nodeValue ?? '').trim() !== '') problems.push(`text in <${element.localName}>`);
  }
}

/** Children's names in order match a content model written as a regular expression over `name,` lists. */
function expectSequence(element: Element, model: RegExp, problems: string[]): void {
  const names = elements(element).map((child) => `${child.namespaceURI === element.namespaceURI ? '' : '{other}'}${child.localName},`).join('');
  if (!model.test(names)) problems.push(`<${element.localName} ${element.getAttribute('id') ?? ''}> children ${names} against ${model}`);
}

function expectAttributes(element: Element, allowed: readonly string[], required: readonly string[], problems: string[]): void {
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.namespaceURI === XML ? `xml:${attribute.localName}` : attribute.name;
    if (name.startsWith('xmlns')) continue;
    if (!allowed.includes(name)) problems.push(`attribute ${name} on <${element.localName}>`);
  }
  for (const name of required) if (!element.hasAttribute(name)) problems.push(`<${element.localName}> without ${name}`);
}

/** XLIFF 2.0 core: xliff > file+ > (notes?, (unit|group)+); unit > notes?, originalData?, segment+. */
function check2(xml: string): string[] {
  const problems: string[] = [];
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  if (root.namespaceURI !== XLIFF_2 || root.localName !== 'xliff') problems.push('root is not xliff 2.0');
  expectAttributes(root, ['version', 'srcLang', 'trgLang'], ['version', 'srcLang'], problems);
  if (root.getAttribute('version') !== '2.0') problems.push('version is not 2.0');
  for (const name of ['srcLang', 'trgLang']) if (!LANGUAGE.test(root.getAttribute(name) ?? '')) problems.push(`${name} is not a language tag`);
  expectNoText(root, problems);
  expectSequence(root, /^(file,)+$/, problems);
  const fileIds = new Set<string>();
  for (const file of elements(root)) {
    expectAttributes(file, ['id', 'original'], ['id'], problems);
    const fileId = file.getAttribute('id') ?? '';
    if (!NMTOKEN.test(fileId) || fileIds.has(fileId)) problems.push(`file id ${fileId}`);
    fileIds.add(fileId);
    expectNoText(file, problems);
    expectSequence(file, /^(notes,)?(unit,)+$/, problems);
    const unitIds = new Set<string>();
    for (const child of elements(file)) {
      if (child.localName === 'notes') checkNotes2(child, problems);
      if (child.localName !== 'unit') continue;
      const unit = child;
      expectAttributes(unit, ['id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'xml:space'], ['id'], problems);
      const id = unit.getAttribute('id') ?? '';
      if (!NMTOKEN.test(id) || unitIds.has(id)) problems.push(`unit id ${id}`);
      unitIds.add(id);
      expectNoText(unit, problems);
      expectSequence(unit, /^(notes,)?(originalData,)?(segment,|ignorable,)+$/, problems);
      const data = new Set<string>();
      for (const part of elements(unit)) {
        if (part.localName === 'notes') checkNotes2(part, problems);
        if (part.localName === 'originalData') {
          expectSequence(part, /^(data,)+$/, problems);
          for (const entry of elements(part)) {
            expectAttributes(entry, ['id', 'dir', 'xml:space'], ['id'], problems);
            if (!NMTOKEN.test(entry.getAttribute('id') ?? '') || data.has(entry.getAttribute('id')!)) problems.push(`data id ${entry.getAttribute('id')}`);
            data.add(entry.getAttribute('id')!);
            expectSequence(entry, /^(cp,)*$/, problems);
          }
        }
      }
      for (const segment of elements(unit).filter((part) => part.localName === 'segment')) {
        expectAttributes(segment, ['id', 'canResegment', 'state', 'subState'], [], problems);
        expectNoText(segment, problems);
        expectSequence(segment, /^source,(target,)?$/, problems);
        const [source, target] = elements(segment);
        const sourceCodes = checkInline2(source!, data, problems);
        if (target !== undefined) {
          const targetCodes = checkInline2(target, data, problems);
          if ([...targetCodes].sort().join() !== [...sourceCodes].sort().join()) problems.push(`unit ${id}: target codes ${targetCodes} against ${sourceCodes}`);
        }
      }
    }
  }
  return problems;
}

function checkNotes2(notes: Element, problems: string[]): void {
  expectSequence(notes, /^(note,)+$/, problems);
  for (const note of elements(notes)) {
    expectAttributes(note, ['id', 'appliesTo', 'category', 'priority'], [], problems);
    if ((note.textContent ?? '').trim() === '') problems.push('empty note');
    if (elements(note).length > 0) problems.push('elements in a note');
  }
}

const TYPES_2 = ['fmt', 'ui', 'quote', 'link', 'image', 'other'];

/** Inline content of <source>/<target>: text, <cp>, <ph/>, <pc> (nested); the constraints on ids, dataRef and type/subType. */
function checkInline2(element: Element, data: ReadonlySet<string>, problems: string[]): string[] {
  expectAttributes(element, ['xml:lang', 'xml:space', 'order'], [], problems);
  const ids: string[] = [];
  const walk = (parent: Element): void => {
    for (const child of elements(parent)) {
      const name = child.localName;
      if (name === 'cp') {
        expectAttributes(child, ['hex'], ['hex'], problems);
        continue;
      }
      if (name !== 'pc' && name !== 'ph') {
        problems.push(`<${name}> in inline content`);
        continue;
      }
      const references = name === 'pc' ? ['dataRefStart', 'dataRefEnd'] : ['dataRef'];
      const common = ['id', 'canCopy', 'canDelete', 'canReorder', 'copyOf', 'type', 'subType', 'equiv', 'disp', 'subFlows'];
      expectAttributes(child, name === 'pc' ? [...common, 'canOverlap', 'dispStart', 'dispEnd', 'equivStart', 'equivEnd', 'subFlowsStart', 'subFlowsEnd', 'dir', ...references].filter((attribute) => !['equiv', 'disp', 'subFlows'].includes(attribute)) : [...common, ...references], ['id'], problems);
      const id = child.getAttribute('id') ?? '';
      if (!NMTOKEN.test(id) || ids.includes(id)) problems.push(`inline code id ${id}`);
      ids.push(id);
      for (const reference of references) if (child.hasAttribute(reference) && !data.has(child.getAttribute(reference)!)) problems.push(`${reference} ${child.getAttribute(reference)} not in originalData`);
      for (const flag of ['canCopy', 'canDelete']) if (child.hasAttribute(flag) && !['yes', 'no'].includes(child.getAttribute(flag)!)) problems.push(`${flag}=${child.getAttribute(flag)}`);
      const type = child.getAttribute('type');
      const subType = child.getAttribute('subType');
      if (type !== null && !TYPES_2.includes(type)) problems.push(`type=${type}`);
      if (subType !== null && (type === null || !/^[^\s:]+:[^\s:]+$/.test(subType))) problems.push(`subType=${subType} without a type or a prefix`);
      if (subType !== null && ['xlf:b', 'xlf:i', 'xlf:u', 'xlf:lb', 'xlf:pb'].includes(subType) && type !== 'fmt') problems.push(`subType=${subType} with type=${type}`);
      if (name === 'ph' && child.childNodes.length > 0) problems.push('<ph> with content');
      if (name === 'pc') walk(child);
    }
  };
  walk(element);
  return ids;
}

const CTYPES_G = ['bold', 'italic', 'underlined', 'link'];
const CTYPES_X = ['image', 'pb', 'lb'];
const DATATYPES = ['plaintext', 'html', 'xml', 'xhtml'];

/** XLIFF 1.2 strict: xliff > file+ > header?, body > trans-unit* > source, target?, note*. */
function check12(xml: string): string[] {
  const problems: string[] = [];
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  if (root.namespaceURI !== XLIFF_1_2 || root.localName !== 'xliff') problems.push('root is not xliff 1.2');
  expectAttributes(root, ['version', 'xml:lang'], ['version'], problems);
  if (root.getAttribute('version') !== '1.2') problems.push('version is not 1.2');
  expectNoText(root, problems);
  expectSequence(root, /^(file,)+$/, problems);
  const originals = new Set<string>();
  for (const file of elements(root)) {
    expectAttributes(file, ['original', 'source-language', 'target-language', 'datatype', 'tool-id', 'date', 'xml:space', 'category', 'product-name', 'product-version', 'build-num'], ['original', 'source-language', 'datatype'], problems);
    const datatype = file.getAttribute('datatype') ?? '';
    if (!DATATYPES.includes(datatype) && !/^x-\S+$/.test(datatype)) problems.push(`datatype=${datatype}`);
    for (const name of ['source-language', 'target-language']) if (!LANGUAGE.test(file.getAttribute(name) ?? '')) problems.push(`${name} is not a language tag`);
    if (originals.has(file.getAttribute('original')!)) problems.push(`two files ${file.getAttribute('original')}`);
    originals.add(file.getAttribute('original')!);
    expectNoText(file, problems);
    expectSequence(file, /^(header,)?body,$/, problems);
    for (const header of elements(file).filter((child) => child.localName === 'header')) expectSequence(header, /^(note,)*$/, problems);
    const body = elements(file).find((child) => child.localName === 'body')!;
    expectSequence(body, /^(trans-unit,)*$/, problems);
    const ids = new Set<string>();
    for (const unit of elements(body)) {
      expectAttributes(unit, ['id', 'approved', 'translate', 'reformat', 'resname', 'extradata', 'help-id', 'menu', 'menu-option', 'menu-name', 'coord', 'font', 'css-style', 'style', 'exstyle', 'extype', 'datatype', 'restype', 'size-unit', 'maxwidth', 'minwidth', 'maxheight', 'minheight', 'charclass', 'phase-name', 'xml:space'], ['id'], problems);
      const id = unit.getAttribute('id')!;
      if (ids.has(id)) problems.push(`two trans-units ${id}`);
      ids.add(id);
      if (!['default', 'preserve'].includes(unit.getAttributeNS(XML, 'space') ?? 'default')) problems.push('xml:space value');
      expectNoText(unit, problems);
      expectSequence(unit, /^source,(target,)?(note,)*$/, problems);
      const [source, second] = elements(unit);
      const sourceCodes = checkInline12(source!, problems);
      if (second?.localName === 'target' && checkInline12(second, problems).sort().join() !== sourceCodes.sort().join()) problems.push(`trans-unit ${id}: target codes differ`);
      for (const note of elements(unit).filter((child) => child.localName === 'note')) {
        expectAttributes(note, ['xml:lang', 'from', 'priority', 'annotates'], [], problems);
        if ((note.textContent ?? '').trim() === '') problems.push('empty note');
      }
    }
  }
  return problems;
}

function checkInline12(element: Element, problems: string[]): string[] {
  expectAttributes(element, ['xml:lang', 'ts', 'state', 'state-qualifier', 'phase-name', 'resname', 'coord', 'font', 'css-style', 'style', 'exstyle', 'equiv-trans'], [], problems);
  const ids: string[] = [];
  const walk = (parent: Element): void => {
    for (const child of elements(parent)) {
      if (child.localName !== 'g' && child.localName !== 'x') {
        problems.push(`<${child.localName}> in inline content`);
        continue;
      }
      expectAttributes(child, ['id', 'ctype', 'clone', 'xid', 'equiv-text', 'css-style', 'style', 'exstyle'], ['id'], problems);
      ids.push(child.getAttribute('id')!);
      const ctype = child.getAttribute('ctype');
      if (ctype !== null && !(child.localName === 'g' ? CTYPES_G : CTYPES_X).includes(ctype) && !/^x-\S+$/.test(ctype)) problems.push(`ctype=${ctype} on <${child.localName}>`);
      if (child.localName === 'x' && child.childNodes.length > 0) problems.push('<x> with content');
      if (child.localName === 'g') walk(child);
    }
  };
  walk(element);
  return ids;
}

describe.each([
  { name: 'the shipped German edition', course: SHIPPED_COURSE, from: 'de' },
  { name: 'a course of every construct', course: RICH_COURSE, from: 'en' },
])('XLIFF files of $name', ({ course, from }) => {
  const files = new Map<XliffVersion, string>();
  beforeAll(async () => {
    for (const version of ['2.0', '1.2'] as const) files.set(version, (await exportEdition({ courseDir: course, from, to: 'fr', version })).xliff!);
  });

  it('follow the XLIFF 2.0 core schema\'s rules, as exported and with targets', () => {
    expect(check2(files.get('2.0')!)).toEqual([]);
    expect(check2(fillTargets(files.get('2.0')!, (text) => `fr ${text}`))).toEqual([]);
  });

  it('follow the XLIFF 1.2 strict schema\'s rules, as exported and with targets', () => {
    expect(check12(files.get('1.2')!)).toEqual([]);
    expect(check12(fillTargets(files.get('1.2')!, (text) => `fr ${text}`))).toEqual([]);
  });

  it('open with one element per line, each unit with its id and a note naming its place', async () => {
    for (const xml of files.values()) {
      const lines = xml.split('\n');
      expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
      const unitLines = lines.filter((line) => /^\s*<(unit|trans-unit) /.test(line));
      expect(unitLines.length).toBeGreaterThan(40);
      for (const line of unitLines) expect(line).toMatch(/^\s+<(unit|trans-unit) id="[^"]+"( xml:space="preserve")?>$/);
      const notes = lines.filter((line) => /<note[ >]/.test(line));
      expect(notes.length).toBeGreaterThan(unitLines.length);
      expect(notes.every((line) => /<note[^>]*>(Lesson \d+ of \d+|Final assessment|Course|The course)/.test(line))).toBe(true);
    }
  });

  it('hold no answer key, directive attribute or file name', async () => {
    const lessonFiles = (await fs.readdir(`${course}/${from}`)).filter((name) => name.endsWith('.md'));
    for (const xml of files.values()) {
      for (const secret of ['[x]', '[ ]', 'answer=', 'type=single', 'accents=', 'correct', '.md', '.pdf', '.svg', ...lessonFiles]) expect(xml).not.toContain(secret);
    }
  });
});

describe('the sample of a translated file in docs/authoring.md', () => {
  it('is a valid XLIFF 2.0 file whose units are those of the shipped German edition, with targets that keep their tags', async () => {
    const guide = await fs.readFile(path.join(REPO_ROOT, 'docs', 'authoring.md'), 'utf8');
    const sample = /A sample of `customer-focus-de-fr\.xlf`[^\n]*\n\n```xml\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(sample).toBeDefined();
    expect(check2(sample!)).toEqual([]);
    const file = new VFile({ path: 'sample.xlf', value: sample! });
    const read = readXliff(file)!;
    expect(file.messages.map(String)).toEqual([]);
    const exported = await exportEdition({ courseDir: SHIPPED_COURSE, from: 'de', to: 'fr' });
    const units = new Map(exported.document.files.flatMap((entry) => entry.units).map((unit) => [unit.id, unit]));
    expect(read.units.length).toBeGreaterThan(1);
    for (const unit of read.units) {
      const current = units.get(unit.id);
      expect(current, unit.id).toBeDefined();
      expect(comparable(unit.source)).toBe(comparable(current!.source));
      expect(unit.target).toBeDefined();
      expect(targetCodeProblem(unit.target!, current!.codes)).toBeUndefined();
    }
  });
});
