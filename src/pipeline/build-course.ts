// Wires the stages for a whole course: load → check (once) → render → package, one package per
// language and target (course.yaml's `targets`: SCORM 1.2, SCORM 2004). A language with errors
// keeps its last good zips; the others are still built.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { TARGET_NAMES, type Course, type Edition, type Target } from '../model/course.js';
import { load } from '../load/load-course.js';
import { check } from '../check/check-course.js';
import { hasErrors, quote, report, START_OF_FILE } from '../model/messages.js';
import type { PackageFile } from '../model/package-file.js';
import { renderEdition } from '../render/render-edition.js';
import { sharedAssets } from '../render/shared-assets.js';
import { packageEdition } from '../package/package-edition.js';
import { writeFileAtomically, writePackageAtomically } from '../package/write-output.js';
import { asOutputError, prepareOutputFolder } from '../package/output-folder.js';
import { usesMasteryScore } from '../package/manifest.js';
import { readYamlMapping } from '../load/yaml-fields.js';

export interface BuildOptions {
  courseDir: string;
  outDir: string;
  /** Only these languages (default: all). */
  languages?: readonly string[];
  /** Only these targets (default: course.yaml's `targets`); one that course.yaml does not list is an error on it. */
  targets?: readonly Target[];
  /** Called when each package (a language for a target) is done or skipped. */
  onEdition?: (result: EditionResult) => void;
  /** Called once the course is read and checked, before packaging starts. */
  onChecked?: (summary: { languages: number; lessons: number; milliseconds: number }) => void;
}

/** One package: a language edition for one target. */
export interface EditionResult {
  lang: string;
  target: Target;
  title: string;
  lessons: number;
  questions: number;
  assessmentQuestions: number;
  /** Pass mark, or null when the reporting mode has no pass/fail. */
  passMark: number | null;
  zip: string;
  zipBytes: number;
  sha256: string;
  /** False when the edition had errors: its previous zip of this target (if any) was left in place. */
  built: boolean;
}

export interface BuildResult {
  ok: boolean;
  files: VFile[];
  editions: EditionResult[];
  /** Milliseconds per stage. */
  timings: { load: number; check: number; render: number; package: number };
}

/** `<course-id>-<lang>-scorm12.zip`, `<course-id>-<lang>-scorm2004.zip`. */
export function zipName(courseId: string, lang: string, target: Target = 'scorm12'): string {
  return `${courseId}-${lang}-${target}.zip`;
}

/**
 * The unpacked package: `<course-id>-<lang>` for SCORM 1.2 (the name it had before there were
 * other targets), `<course-id>-<lang>-scorm2004` for SCORM 2004. No language code can end in
 * `-scorm2004` (a subtag has at most 8 characters), so no two packages share a folder.
 */
export function folderName(courseId: string, lang: string, target: Target = 'scorm12'): string {
  return target === 'scorm12' ? `${courseId}-${lang}` : `${courseId}-${lang}-${target}`;
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
  const targets = selectedTargets(course, options.targets);
  timings.check = performance.now() - started;
  if (hasErrors([course.configFile])) return { ok: false, files, editions: [], timings };
  options.onChecked?.({
    languages: course.editions.length,
    lessons: course.editions.reduce((sum, edition) => sum + edition.lessons.length, 0),
    milliseconds: timings.load + timings.check,
  });

  const ready = course.editions.filter((edition) => !hasErrors([edition.file, ...edition.stringsFiles, ...edition.lessons.map((lesson) => lesson.file)]));
  const packages = course.editions.flatMap((edition) => targets.map((target) => ({ edition, target })));
  started = performance.now();
  // Each edition is rendered once per target: the runtime, scorm-again and the course data differ.
  const rendered = new Map<(typeof packages)[number], PackageFile[]>();
  for (const target of targets) {
    const shared = await sharedAssets(target);
    for (const entry of packages) {
      if (entry.target === target && ready.includes(entry.edition)) rendered.set(entry, await renderEdition(course, entry.edition, shared));
    }
  }
  timings.render = performance.now() - started;
  started = performance.now();
  // Packages are validated, zipped and written concurrently: mostly I/O and zlib's thread pool.
  // Every package is finished (or has removed its temporary files) before a failure is reported.
  const settled = await Promise.allSettled(packages.map(async (entry) => {
    const files = rendered.get(entry);
    const result = files === undefined ? await previousResult(course, entry.edition, entry.target, options.outDir) : await packageAndWrite(course, entry.edition, entry.target, files, options.outDir);
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

/**
 * The targets to build: `wanted` (--target) or course.yaml's, in course.yaml's order. A wanted
 * target that course.yaml does not list is an error on course.yaml, at its `targets` (its first
 * line without one), as a language that `languages` does not list is for --lang.
 */
function selectedTargets(course: Course, wanted: readonly Target[] | undefined): Target[] {
  const listed = course.config.targets;
  if (wanted === undefined || wanted.length === 0) return [...listed];
  const unlisted = wanted.filter((target) => !listed.includes(target));
  if (unlisted.length > 0) {
    const mapping = readYamlMapping(new VFile(), String(course.configFile.value), 'course.yaml');
    const place = mapping?.fields.get('targets')?.valuePlace ?? START_OF_FILE;
    for (const target of new Set(unlisted)) {
      report(course.configFile, `Unexpected target ${quote(target)} (${TARGET_NAMES[target]}), expected one of the targets course.yaml lists, ${listed.join(', ')}: add it to \`targets\` to build it`, place, 'unknown-target');
    }
  }
  return listed.filter((target) => wanted.includes(target));
}

async function packageAndWrite(course: Course, edition: Edition, target: Target, files: PackageFile[], outDir: string): Promise<EditionResult> {
  const packaged = await packageEdition(course, edition, files, target);
  const zip = path.join(outDir, zipName(course.config.id, edition.lang, target));
  try {
    await writePackageAtomically(packaged, zip, path.join(outDir, folderName(course.config.id, edition.lang, target)));
  } catch (error) {
    throw asOutputError(error, zip);
  }
  return { ...summary(course, edition, target), ...(await zipFacts(zip)), built: true };
}

async function previousResult(course: Course, edition: Edition, target: Target, outDir: string): Promise<EditionResult> {
  const zip = path.join(outDir, zipName(course.config.id, edition.lang, target));
  const facts = await zipFacts(zip).catch(() => ({ zip, zipBytes: 0, sha256: '' }));
  return { ...summary(course, edition, target), ...facts, built: false };
}

function summary(course: Course, edition: Edition, target: Target) {
  const questions = edition.lessons.flatMap((lesson) => lesson.questions);
  const assessment = edition.lessons.find((lesson) => lesson.assessment);
  return {
    lang: edition.lang,
    target,
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
      target: result.target,
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
