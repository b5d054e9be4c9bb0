// `translate import FILE`: a language edition made from an XLIFF file. Structure, ids, answer keys
// and directive attributes come from the source edition's syntax trees, text from the targets;
// the language joins course.yaml's translation group of its source, the import's record and the
// lock are updated, and the result is checked. Nothing is written while the file has errors.
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { Document, parseDocument } from 'yaml';
import { checkCourse } from '../pipeline/build-course.js';
import { hasErrors, quote } from '../model/messages.js';
import { LANG_PATTERN, LANG_PATTERN_TEXT } from '../model/ids.js';
import { CONFIG_FILE } from '../load/load-course.js';
import { EDITION_FILE } from '../load/load-edition.js';
import { serializeTranslationLock, translationLockPath } from '../check/translation-lock.js';
import { withLanguage, withTranslation } from '../scaffold/course-yaml.js';
import { ScaffoldError } from '../scaffold/scaffold-result.js';
import { comparable, hasText, oneLine, trimmed, type InlineContent } from './inline-content.js';
import { editionDocument, readEditionFiles, type EditionFiles } from './edition-files.js';
import { writeEditionTexts } from './edition-slots.js';
import { editionLessonUnits, editionUnits, lessonUnits, unitHash, type LessonUnits } from './edition-units.js';
import { writeMarkdown } from './markdown-writer.js';
import { targetCodeProblem } from './target-codes.js';
import { readTranslationSources, serializeTranslationSources, translationSourcesPath, type EditionSources, type UnitSources } from './translation-sources.js';
import { TranslationUsageError } from './translation-error.js';
import { writeSlots, type Slot } from './unit-slot.js';
import type { ReadDocument, ReadUnit } from './xliff-document.js';
import { readXliff } from './xliff-reader.js';
import { lockWithImported } from './imported-lock.js';
import { writeChangedFiles } from './write-files.js';
import { sourceHasErrors } from './source-errors.js';
import { xliffProblem } from './xliff-problems.js';

export interface ImportOptions {
  courseDir: string;
  /** The XLIFF file. */
  file: string;
  /** Units without a target keep the source text (warned) instead of stopping the import. */
  keepSource?: boolean;
}

export interface ImportResult {
  /** False when the XLIFF file or the source edition has errors: nothing was written. */
  ok: boolean;
  /** The XLIFF file with its messages (and the course's files when the source edition has errors). */
  files: VFile[];
  /** After writing: the translation group checked, with its messages. */
  checked: VFile[];
  from: string;
  to: string;
  /** Files created or changed (absolute paths); none when the import changed nothing. */
  written: string[];
  /** Units translated by the file, kept from the existing edition, left in the source language. */
  units: { translated: number; kept: number; untranslated: number };
}

/** One unit of the source edition, with what the import puts in it. */
interface Resolved {
  slot: Slot;
  content: InlineContent;
  /** The hash recorded as the source of its translation; undefined when it is still untranslated. */
  sourceHash: string | undefined;
}

export async function importXliff(options: ImportOptions): Promise<ImportResult> {
  const courseDir = path.resolve(options.courseDir);
  const xliff = new VFile({ path: path.resolve(options.file), cwd: process.cwd() });
  try {
    xliff.value = await fs.readFile(xliff.path, 'utf8');
  } catch (error) {
    throw new TranslationUsageError(`Cannot read ${options.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): pass the XLIFF file the translators sent back`);
  }
  const result: ImportResult = { ok: false, files: [xliff], checked: [], from: '', to: '', written: [], units: { translated: 0, kept: 0, untranslated: 0 } };
  const document = readXliff(xliff);
  if (document === undefined) return result;
  const { srcLang: from, trgLang: to } = document;
  Object.assign(result, { from, to });
  if (!LANG_PATTERN.test(to) || to === from) {
    xliffProblem(xliff, `Unexpected target language ${quote(to)}, expected ${to === from ? 'another language than the source' : LANG_PATTERN_TEXT}`, document.place, 'xliff-language');
    return result;
  }
  const loaded = await checkCourse(courseDir, [from]);
  if (loaded.course === undefined) {
    result.files.push(...loaded.files);
    return result;
  }
  if (!loaded.course.config.languages.includes(from)) {
    xliffProblem(xliff, `Unexpected source language ${quote(from)}, expected a language of course.yaml (${loaded.course.config.languages.join(', ')})`, document.place, 'xliff-language');
    return result;
  }
  if (sourceHasErrors(loaded.course, from)) {
    result.files.push(...loaded.files);
    return result;
  }

  const source = (await readEditionFiles(courseDir, from))!;
  const target = await readEditionFiles(courseDir, to);
  const records = await readTranslationSources(courseDir);
  const previous = records.editions[to]?.from === from ? records.editions[to] : undefined;
  const plan = await resolveUnits(xliff, document, source, target, previous, options.keepSource === true, result);
  // course.yaml is read (and refused when it cannot be changed) before anything is written.
  const configPath = path.join(courseDir, CONFIG_FILE);
  const configText = await fs.readFile(configPath, 'utf8');
  let newConfig: string;
  try {
    const listed = withLanguage(configText, to) ?? configText;
    newConfig = withTranslation(listed, to, from) ?? listed;
  } catch (error) {
    if (error instanceof ScaffoldError) throw new TranslationUsageError(error.message);
    throw error;
  }
  if (plan === undefined || hasErrors([xliff])) return result;
  result.ok = true;

  const targetDir = path.join(courseDir, to);
  const writes = new Map<string, string>();
  const record: EditionSources = { from, edition: previous?.edition, lessons: { ...previous?.lessons } };
  if (plan.edition !== undefined) {
    // A new edition.yaml is a document of its own, without the source's comments.
    const doc = target?.editionText === undefined ? new Document({}) : editionDocument(target.editionText);
    if (target?.editionText === undefined) doc.commentBefore = ` Translated from ${from}/${EDITION_FILE} (scormdown translate import).`;
    writeEditionTexts(doc, new Map(plan.edition.map((unit) => [unit.slot.id, unit.content])));
    const text = doc.toString({ lineWidth: 0 });
    writes.set(path.join(targetDir, EDITION_FILE), text);
    record.edition = unitSources(plan.edition);
  }
  const lessonTexts = new Map<string, string>();
  for (const { lesson, units } of plan.lessons) {
    writeSlots(lesson.slots, new Map(units.map((unit) => [unit.slot.id, unit.content])));
    const text = writeMarkdown(lesson.tree);
    const existing = target?.lessons.find((candidate) => candidate.id === lesson.lesson.id);
    const filePath = existing?.path ?? path.join(targetDir, lesson.lesson.fileName);
    const occupant = target?.lessons.find((candidate) => candidate.path === filePath && candidate.id !== lesson.lesson.id);
    if (occupant !== undefined) throw new TranslationUsageError(`${path.relative(process.cwd(), filePath)} is lesson ${quote(occupant.id)}, not ${quote(lesson.lesson.id)}: rename it (or give it the id of its ${from} lesson), then import again`);
    writes.set(filePath, text);
    lessonTexts.set(lesson.lesson.id, text);
    record.lessons[lesson.lesson.id] = unitSources(units);
  }
  writes.set(configPath, newConfig);
  const sources = { ...records, editions: { ...records.editions, [to]: record } };
  writes.set(translationSourcesPath(courseDir), serializeTranslationSources(sources));
  const lock = lockWithImported(courseDir, source, lessonTexts, from, to);
  if (lock !== undefined) writes.set(translationLockPath(courseDir), serializeTranslationLock(lock));
  result.written = await writeChangedFiles(writes);

  const group = groupOf(newConfig, to) ?? [from, to];
  result.checked = (await checkCourse(courseDir, group)).files;
  return result;
}

interface Plan {
  /** edition.yaml's units, when it is written. */
  edition: Resolved[] | undefined;
  /** The lessons written, each a fresh tree of the source lesson with the units to put in it. */
  lessons: Array<{ lesson: LessonUnits; units: Resolved[] }>;
}

/** What goes in each unit of what is written; problems go on the XLIFF file. */
async function resolveUnits(xliff: VFile, document: ReadDocument, source: EditionFiles, target: EditionFiles | undefined, previous: EditionSources | undefined, keepSource: boolean, result: ImportResult): Promise<Plan | undefined> {
  const edition = editionUnits(source);
  const lessons = await editionLessonUnits(source);
  const slots = new Map<string, { slot: Slot; group: string }>();
  for (const slot of edition.slots) slots.set(slot.id, { slot, group: edition.fileId });
  for (const lesson of lessons) for (const slot of lesson.slots) slots.set(slot.id, { slot, group: lesson.fileId });

  const fromFile = new Map<string, ReadUnit>();
  // Units already reported (a changed source): not reported again as missing.
  const rejected = new Set<string>();
  for (const unit of document.units) {
    const known = slots.get(unit.id);
    if (known === undefined) {
      xliffProblem(xliff, `Unexpected unit ${quote(unit.id)}, expected a unit of the ${source.lang} edition (its place may have changed since the export: export again)`, unit.place, 'xliff-unit-unknown');
      continue;
    }
    if (comparable(unit.source) !== comparable(known.slot.content)) {
      rejected.add(unit.id);
      xliffProblem(xliff, `Unexpected source text of unit ${quote(unit.id)} that differs from the ${source.lang} edition now, expected the text it was exported with (the ${source.lang} lesson changed since the export: export again, with --changed for only what changed)`, unit.place, 'xliff-source-changed');
      continue;
    }
    fromFile.set(unit.id, unit);
  }
  const groupsInFile = new Set([...fromFile.keys()].map((id) => slots.get(id)!.group));
  const writeEdition = groupsInFile.has(edition.fileId) || target?.editionText === undefined;
  const lessonsToWrite = lessons.filter((lesson) => groupsInFile.has(lesson.fileId) || target?.lessons.every((candidate) => candidate.id !== lesson.lesson.id) !== false);

  const existing = await existingContents(target, writeEdition, lessonsToWrite.map((lesson) => lesson.lesson.id));
  const resolve = (slot: Slot, record: UnitSources | undefined): Resolved | undefined => {
    const unit = fromFile.get(slot.id);
    const shape = (content: InlineContent) => (slot.oneLine ? trimmed(oneLine(content)) : trimmed(content));
    if (unit?.target !== undefined && hasText(unit.target)) {
      const problem = targetCodeProblem(unit.target, slot.codes);
      if (problem !== undefined) {
        xliffProblem(xliff, `Unexpected ${problem} in unit ${quote(slot.id)}, expected every inline code of the source once, as in its <source> (a CAT tool shows them as tags: move them, do not delete or copy them)`, unit.targetPlace, 'xliff-inline-code');
        return undefined;
      }
      result.units.translated++;
      return { slot, content: shape(unit.target), sourceHash: unitHash(slot) };
    }
    if (unit?.invalid === true || rejected.has(slot.id)) return undefined;
    const kept = unit === undefined ? existing.get(slot.id) : undefined;
    if (kept !== undefined && targetCodeProblem(kept.content, slot.codes) === undefined && sameCodes(kept, slot)) {
      result.units.kept++;
      // What an earlier import recorded stays (a unit it does not list is still untranslated);
      // without a record, the existing translation is taken as current.
      return { slot, content: kept.content, sourceHash: record === undefined ? unitHash(slot) : record[slot.id] };
    }
    const where = unit === undefined ? `missing from this file and from ${target === undefined ? `the new ${document.trgLang} edition` : `course/${document.trgLang}/`}` : 'without a target';
    if (keepSource) {
      xliffProblem(xliff, `Unexpected unit ${quote(slot.id)} ${where}, expected its translation: the ${source.lang} text is kept (--keep-source)`, unit?.targetPlace ?? document.place, 'xliff-target-kept-source');
      result.units.untranslated++;
      return { slot, content: slot.content, sourceHash: undefined };
    }
    xliffProblem(xliff, `Unexpected unit ${quote(slot.id)} ${where}, expected its translation (${slot.note})`, unit?.targetPlace ?? document.place, 'xliff-target-missing');
    return undefined;
  };
  const resolveAll = (list: readonly Slot[], record: UnitSources | undefined): Resolved[] => list.flatMap((slot) => resolve(slot, record) ?? []);
  return {
    edition: writeEdition ? resolveAll(edition.slots, target?.editionText === undefined ? undefined : previous?.edition) : undefined,
    lessons: lessonsToWrite.map((lesson) => ({ lesson, units: resolveAll(lesson.slots, previous?.lessons[lesson.lesson.id]) })),
  };
}

/** The target edition's own units of the files to be written, by unit id. */
async function existingContents(target: EditionFiles | undefined, edition: boolean, lessonIds: readonly string[]): Promise<Map<string, Slot>> {
  const found = new Map<string, Slot>();
  if (target === undefined) return found;
  if (edition && target.editionText !== undefined) for (const slot of editionUnits(target).slots) found.set(slot.id, slot);
  const lessons = target.lessons.filter((lesson) => lessonIds.includes(lesson.id));
  for (const [index, lesson] of lessons.entries()) {
    for (const slot of (await lessonUnits(lesson, index + 1, lessons.length)).slots) found.set(slot.id, slot);
  }
  return found;
}

/** The existing translation's codes stand for the same kinds of Markdown as the source's. */
function sameCodes(kept: Slot, slot: Slot): boolean {
  return kept.codes.length === slot.codes.length && kept.codes.every((code, index) => code.id === slot.codes[index]!.id && code.kind === slot.codes[index]!.kind && code.role === slot.codes[index]!.role);
}

function unitSources(units: readonly Resolved[]): UnitSources {
  return Object.fromEntries(units.flatMap((unit) => (unit.sourceHash === undefined ? [] : [[unit.slot.id, unit.sourceHash]])));
}

/** The languages of `lang`'s translation group in a course.yaml text. */
function groupOf(configText: string, lang: string): string[] | undefined {
  const value = parseDocument(configText).toJS() as { translations?: unknown } | null;
  const groups = Array.isArray(value?.translations) ? value.translations : [];
  return groups.find((group): group is string[] => Array.isArray(group) && group.includes(lang));
}
