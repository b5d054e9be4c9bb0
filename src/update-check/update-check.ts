// `check --against`: reads the previous packages, makes the new ones in memory, pairs them by
// language and target (a SCORM 1.2 package is replaced by a SCORM 1.2 one, a SCORM 2004 package by
// a SCORM 2004 one) and lists what the update changes for learners who started the old packages.
import type { Course, Target } from '../model/course.js';
import { findPackageSources } from './package-sources.js';
import { readPackageFacts, type PackageFacts } from './package-facts.js';
import { currentPackages } from './current-packages.js';
import { comparePackages } from './compare-packages.js';
import { keepsRecords, type Finding } from './findings.js';
import { UpdateCheckError } from './update-check-error.js';

export interface OldPackages {
  /** The path given to --against (absolute). */
  location: string;
  packages: PackageFacts[];
  /** Files or folders in a folder of packages that could not be compared, with the reason. */
  skipped: Array<{ location: string; reason: string }>;
}

export interface LanguageUpdate {
  lang: string;
  target: Target;
  /** The old package compared with, or undefined when none of this language and target was given. */
  old: PackageFacts | undefined;
  current: PackageFacts;
  findings: Finding[];
}

export interface UpdateCheckResult {
  against: OldPackages;
  languages: LanguageUpdate[];
  /** Old packages of languages the course no longer has. */
  withoutEdition: PackageFacts[];
  /** Old packages of a language the course has, for a target it no longer builds. */
  withoutTarget: PackageFacts[];
}

/**
 * Read the packages at `location`: one package (a zip or an unpacked folder), which must be
 * readable, or a folder of packages, where unreadable ones are skipped with their reason.
 * Throws UpdateCheckError.
 */
export async function readOldPackages(location: string): Promise<OldPackages> {
  const sources = await findPackageSources(location);
  if (sources.length === 1 && sources[0]!.location === location) return { location, packages: [await readPackageFacts(sources[0]!)], skipped: [] };
  const packages: PackageFacts[] = [];
  const skipped: OldPackages['skipped'] = [];
  for (const source of sources) {
    try {
      packages.push(await readPackageFacts(source));
    } catch (error) {
      if (!(error instanceof UpdateCheckError)) throw error;
      skipped.push({ location: source.location, reason: error.message });
    }
  }
  if (packages.length === 0) throw new UpdateCheckError(`No scormdown package in ${location}:\n  ${skipped.map((entry) => entry.reason).join('\n  ')}`);
  return { location, packages, skipped };
}

/** The old package to compare an edition's package for `target` with: same course id first, then a zip before a folder. */
function oldPackageFor(lang: string, target: Target, courseId: string, packages: readonly PackageFacts[]): PackageFacts | undefined {
  const candidates = packages.filter((facts) => facts.course.lang === lang && facts.manifest.target === target);
  if (candidates.length <= 1) return candidates[0];
  const sameCourse = candidates.filter((facts) => facts.course.courseId === courseId);
  const pool = sameCourse.length > 0 ? sameCourse : candidates;
  const zips = pool.filter((facts) => facts.kind === 'zip');
  const best = zips.length > 0 ? zips : pool;
  if (best.length > 1) {
    throw new UpdateCheckError(`Several old ${target === 'scorm12' ? '' : 'SCORM 2004 '}packages of language ${lang}: ${best.map((facts) => facts.location).join(', ')}; give one of them to --against`);
  }
  return best[0];
}

/**
 * Compare the checked `course` (without errors) with `old`. `selectedLanguages` is --lang: old
 * packages of other languages are then left out rather than reported as missing from the course.
 */
export async function checkUpdate(course: Course, old: OldPackages, selectedLanguages?: readonly string[]): Promise<UpdateCheckResult> {
  const current = await currentPackages(course);
  const languages: LanguageUpdate[] = [];
  for (const facts of current) {
    const { lang } = facts.course;
    const { target } = facts.manifest;
    const previous = oldPackageFor(lang, target, course.config.id, old.packages);
    const otherTargets = [...new Set(old.packages.filter((oldFacts) => oldFacts.course.lang === lang && oldFacts.manifest.target !== target).map((oldFacts) => oldFacts.manifest.target))];
    const findings: Finding[] = previous !== undefined ? comparePackages(previous, facts) : otherTargets.length > 0 ? [{ kind: 'new-target', target, old: otherTargets }] : [{ kind: 'new-language' }];
    languages.push({ lang, target, old: previous, current: facts, findings });
  }
  // One package per language and target (dist/ holds each twice: the zip and the folder), a zip first.
  const onePerPackage = (packages: readonly PackageFacts[]) => {
    const byKey = new Map<string, PackageFacts>();
    for (const facts of [...packages].sort((a, b) => Number(b.kind === 'zip') - Number(a.kind === 'zip'))) {
      const key = `${facts.course.lang}\u0000${facts.manifest.target}`;
      if (!byKey.has(key)) byKey.set(key, facts);
    }
    return [...byKey.values()].sort((a, b) => compareText(a.course.lang, b.course.lang) || compareText(a.manifest.target, b.manifest.target));
  };
  const currentLanguages = new Set(current.map((facts) => facts.course.lang));
  const withoutEdition = selectedLanguages === undefined || selectedLanguages.length === 0
    ? onePerPackage(old.packages.filter((facts) => !currentLanguages.has(facts.course.lang)))
    : [];
  const withoutTarget = onePerPackage(old.packages.filter((facts) => currentLanguages.has(facts.course.lang) && !course.config.targets.includes(facts.manifest.target)));
  return { against: old, languages, withoutEdition, withoutTarget };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether every learner of every language keeps every record and answer, scored as before. */
export function updateKeepsRecords(result: UpdateCheckResult): boolean {
  return result.languages.every((language) => keepsRecords(language.findings));
}
