// Wires the stages for a whole course: load → check → render → package, one package per language.
// A language with errors keeps its last good zip; the others are still built.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Course, Edition } from '../model/course.js';
import { load } from '../load/load-course.js';
import { check } from '../check/check-course.js';
import { hasErrors } from '../model/messages.js';
import type { PackageFile } from '../model/package-file.js';
import { renderEdition } from '../render/render-edition.js';
import { sharedAssets } from '../render/shared-assets.js';
import { packageEdition } from '../package/package-edition.js';
import { writeFileAtomically, writePackageAtomically } from '../package/write-output.js';
import { asOutputError, prepareOutputFolder } from '../package/output-folder.js';
import { usesMasteryScore } from '../package/manifest.js';

export interface BuildOptions {
  courseDir: string;
  outDir: string;
  /** Only these languages (default: all). */
  languages?: readonly string[];
  /** Called when each language is done or skipped. */
  onEdition?: (result: EditionResult) => void;
  /** Called once the course is read and checked, before packaging starts. */
  onChecked?: (summary: { languages: number; lessons: number; milliseconds: number }) => void;
}

export interface EditionResult {
  lang: string;
  title: string;
  lessons: number;
  questions: number;
  assessmentQuestions: number;
  /** Pass mark, or null when the reporting mode has no pass/fail. */
  passMark: number | null;
  zip: string;
  zipBytes: number;
  sha256: string;
  /** False when the edition had errors: its previous zip (if any) was left in place. */
  built: boolean;
}

export interface BuildResult {
  ok: boolean;
  files: VFile[];
  editions: EditionResult[];
  /** Milliseconds per stage. */
  timings: { load: number; check: number; render: number; package: number };
}

export function zipName(courseId: string, lang: string): string {
  return `${courseId}-${lang}-scorm12.zip`;
}

export function folderName(courseId: string, lang: string): string {
  return `${courseId}-${lang}`;
}

export const CATALOG_FILE = 'catalog.json';

/** Load and check only. */
export async function checkCourse(courseDir: string, languages?: readonly string[]): Promise<{ course: Course | undefined; files: VFile[] }> {
  const loaded = await load(courseDir, { languages });
  if (loaded.course !== undefined) check(loaded.course);
  return loaded;
}

export async function buildCourse(options: BuildOptions): Promise<BuildResult> {
  const timings = { load: 0, check: 0, render: 0, package: 0 };
  // An output folder that cannot be written is said before any work; stale temporary files go.
  await prepareOutputFolder(options.outDir);
  let started = performance.now();
  const loaded = await load(options.courseDir, { languages: options.languages });
  timings.load = performance.now() - started;
  const { course, files } = loaded;
  if (course === undefined) return { ok: false, files, editions: [], timings };
  started = performance.now();
  // Checked as `check` does, whatever course.yaml says, so both report the same messages.
  check(course);
  timings.check = performance.now() - started;
  if (hasErrors([course.configFile])) return { ok: false, files, editions: [], timings };
  options.onChecked?.({
    languages: course.editions.length,
    lessons: course.editions.reduce((sum, edition) => sum + edition.lessons.length, 0),
    milliseconds: timings.load + timings.check,
  });

  const shared = await sharedAssets();
  const ready = course.editions.filter((edition) => !hasErrors([edition.file, ...edition.stringsFiles, ...edition.lessons.map((lesson) => lesson.file)]));
  started = performance.now();
  const rendered = new Map<Edition, PackageFile[]>();
  for (const edition of ready) rendered.set(edition, await renderEdition(course, edition, shared));
  timings.render = performance.now() - started;
  started = performance.now();
  // Packages are validated, zipped and written concurrently: mostly I/O and zlib's thread pool.
  // Every package is finished (or has removed its temporary files) before a failure is reported.
  const settled = await Promise.allSettled(course.editions.map(async (edition) => {
    const files = rendered.get(edition);
    const result = files === undefined ? await previousResult(course, edition, options.outDir) : await packageAndWrite(course, edition, files, options.outDir);
    options.onEdition?.(result);
    return result;
  }));
  const results = settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
  timings.package = performance.now() - started;
  await writeCatalog(course, results, options.outDir);
  return { ok: !hasErrors(files) && results.every((result) => result.built), files, editions: results, timings };
}

async function packageAndWrite(course: Course, edition: Edition, files: PackageFile[], outDir: string): Promise<EditionResult> {
  const packaged = await packageEdition(course, edition, files);
  const zip = path.join(outDir, zipName(course.config.id, edition.lang));
  try {
    await writePackageAtomically(packaged, zip, path.join(outDir, folderName(course.config.id, edition.lang)));
  } catch (error) {
    throw asOutputError(error, zip);
  }
  return { ...summary(course, edition), ...(await zipFacts(zip)), built: true };
}

async function previousResult(course: Course, edition: Edition, outDir: string): Promise<EditionResult> {
  const zip = path.join(outDir, zipName(course.config.id, edition.lang));
  const facts = await zipFacts(zip).catch(() => ({ zip, zipBytes: 0, sha256: '' }));
  return { ...summary(course, edition), ...facts, built: false };
}

function summary(course: Course, edition: Edition) {
  const questions = edition.lessons.flatMap((lesson) => lesson.questions);
  const assessment = edition.lessons.find((lesson) => lesson.assessment);
  return {
    lang: edition.lang,
    title: edition.title,
    lessons: edition.lessons.length,
    questions: questions.length,
    assessmentQuestions: assessment?.questions.length ?? 0,
    passMark: usesMasteryScore(course.config) ? course.config.passMark : null,
  };
}

async function zipFacts(zip: string): Promise<{ zip: string; zipBytes: number; sha256: string }> {
  const data = await fs.readFile(zip);
  return { zip, zipBytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}

async function writeCatalog(course: Course, results: readonly EditionResult[], outDir: string): Promise<void> {
  const catalog = {
    course: course.config.id,
    version: course.config.version,
    passMark: course.config.passMark,
    reporting: course.config.reporting,
    packages: results.filter((result) => result.sha256 !== '').map((result) => ({
      language: result.lang,
      title: result.title,
      lessons: result.lessons,
      questions: result.questions,
      assessmentQuestions: result.assessmentQuestions,
      passMark: result.passMark,
      file: path.basename(result.zip),
      bytes: result.zipBytes,
      sha256: result.sha256,
      upToDate: result.built,
    })),
  };
  const target = path.join(outDir, CATALOG_FILE);
  try {
    await writeFileAtomically(target, `${JSON.stringify(catalog, null, 2)}\n`);
  } catch (error) {
    throw asOutputError(error, target);
  }
}
