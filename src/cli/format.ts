// Terminal output for HR and authors: progress lines, the build summary table, and the result of
// `check --against` (what a package update keeps for learners).
import path from 'node:path';
import type { EditionResult } from '../pipeline/build-course.js';
import type { LanguageUpdate, UpdateCheckResult } from '../update-check/update-check.js';
import { CONSEQUENCES, consequenceOf, keepsRecords, worstConsequence, type Consequence } from '../update-check/findings.js';
import { describeFinding } from '../update-check/describe-findings.js';
import { formatBytes } from '../package/byte-size.js';
import { UPLOAD_WARNING_BYTES } from '../package/upload-limit.js';

export { formatBytes };

export function checkedLine(summary: { languages: number; lessons: number; milliseconds: number }): string {
  return `Read and checked ${summary.lessons} lesson${summary.lessons === 1 ? '' : 's'} in ${summary.languages} language${summary.languages === 1 ? '' : 's'} (${(summary.milliseconds / 1000).toFixed(2)} s); packaging…`;
}

export function progressLine(result: EditionResult, cwd: string): string {
  if (!result.built) {
    const kept = result.sha256 === '' ? `no previous ${result.target} package` : `kept previous ${path.relative(cwd, result.zip)}`;
    return `✗ ${result.lang.padEnd(5)} has errors, not packaged (${kept})`;
  }
  const large = result.zipBytes > UPLOAD_WARNING_BYTES ? `  ⚠ larger than ${formatBytes(UPLOAD_WARNING_BYTES)}: many LMSes refuse uploads this large` : '';
  return `✓ ${result.lang.padEnd(5)} ${path.relative(cwd, result.zip)}  ${formatBytes(result.zipBytes)}${large}`;
}

/** The last line of a `check` without errors. */
export function checkedCourseLine(editions: number, lessons: number, warnings: number): string {
  const counted = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `✓ ${counted(editions, 'language edition')}, ${counted(lessons, 'lesson')} checked${warnings > 0 ? `, ${counted(warnings, 'warning')}` : ', no problems'}`;
}

/** The targets as the summary table's column shows them. */
const TARGET_SHORT_NAMES: Readonly<Record<EditionResult['target'], string>> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004' };

export function summaryTable(results: readonly EditionResult[]): string {
  const header = ['Title', 'Lang', 'Target', 'Lessons', 'Questions', 'Pass mark', 'Zip size', 'SHA-256'];
  const rows = results.map((result) => [
    result.title,
    result.lang,
    TARGET_SHORT_NAMES[result.target],
    String(result.lessons),
    String(result.questions),
    result.passMark === null ? '–' : `${result.passMark}%`,
    result.sha256 === '' ? '–' : formatBytes(result.zipBytes),
    result.sha256 === '' ? '–' : `${result.sha256.slice(0, 16)}…`,
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => [...row[column]!].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

// ---- check --against ----------------------------------------------------------------------------

const CONSEQUENCE_MARKS: Record<Consequence, string> = { lost: '✗', rescored: '!', unknown: '?', changed: '•', kept: '✓' };

const HEADLINES: Record<Consequence, string> = {
  lost: '✗ Some learners lose records, progress or answers:',
  rescored: '! Learners keep their records, but some stored answers or scores are judged differently:',
  unknown: '? Whether learners keep their resume data cannot be checked:',
  changed: '✓ Learners who started the old package keep their records, progress and answers. What they will notice:',
  kept: '✓ Learners who started the old package keep their records, progress and answers.',
};

/** A path as the user finds it: relative to the working folder when inside it, else absolute. */
function shownPath(location: string, cwd: string): string {
  const relative = path.relative(cwd, location);
  return (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? location : relative).split(path.sep).join('/');
}

function versionText(update: LanguageUpdate): string {
  const before = update.old?.manifest.version ?? update.old?.course.version;
  const after = update.current.course.version;
  if (before === undefined) return `version ${after}`;
  return before === after ? `version ${after}, unchanged` : `version ${before} → ${after}`;
}

/** `de`, or `de SCORM 2004` when the result is about more than SCORM 1.2 packages. */
function packageLabel(lang: string, target: EditionResult['target'], withTarget: boolean): string {
  return withTarget ? `${lang} ${TARGET_SHORT_NAMES[target]}` : lang;
}

function languageSection(update: LanguageUpdate, cwd: string, withTarget: boolean): string[] {
  const worst = worstConsequence(update.findings);
  const origin = update.old === undefined ? 'no old package' : `old package ${shownPath(update.old.location, cwd)}`;
  const lines = [`${packageLabel(update.lang, update.target, withTarget)}  ${versionText(update)}  (${origin})`];
  if (update.old === undefined) return [...lines, ...update.findings.map((finding) => `  ${describeFinding(finding)}`)];
  lines.push(`  ${HEADLINES[worst]}`);
  const ranked = update.findings.map((finding, order) => ({ finding, order, rank: CONSEQUENCES.indexOf(consequenceOf(finding)) })).sort((a, b) => a.rank - b.rank || a.order - b.order);
  for (const { finding } of ranked) lines.push(`    ${CONSEQUENCE_MARKS[consequenceOf(finding)]} ${describeFinding(finding)}`);
  return lines;
}

/** The result of `check --against`, per language, for authors and HR. */
export function formatUpdateCheck(result: UpdateCheckResult, cwd: string): string {
  const lines = [`Updating the packages in the LMS: what learners who started the old packages keep (compared with ${shownPath(result.against.location, cwd)})`, ''];
  // Packages are named with their target once any is not SCORM 1.2 (a course with one target reads as before).
  const withTarget = [...result.languages, ...result.withoutEdition.map((facts) => facts.manifest), ...result.withoutTarget.map((facts) => facts.manifest)].some((entry) => entry.target !== 'scorm12');
  for (const update of result.languages) lines.push(...languageSection(update, cwd, withTarget), '');
  for (const facts of result.withoutEdition) {
    lines.push(`${packageLabel(facts.course.lang, facts.manifest.target, withTarget)}  (old package ${shownPath(facts.location, cwd)})`, '  This language is no longer in the course: nothing replaces its package, so its activity in the LMS keeps its records as they are.', '');
  }
  for (const facts of result.withoutTarget) {
    lines.push(`${packageLabel(facts.course.lang, facts.manifest.target, true)}  (old package ${shownPath(facts.location, cwd)})`, `  course.yaml no longer lists ${facts.manifest.target} in \`targets\`: nothing replaces this package, so its activity in the LMS keeps its records as they are.`, '');
  }
  for (const skipped of result.against.skipped) lines.push(`Not compared: ${skipped.reason}`);
  if (result.against.skipped.length > 0) lines.push('');
  const affected = result.languages.filter((update) => !keepsRecords(update.findings)).map((update) => packageLabel(update.lang, update.target, withTarget));
  lines.push(affected.length === 0
    ? '✓ Every learner keeps their records and answers, scored as before.'
    : `✗ Learners lose records, or answers and scores are judged differently, in ${affected.length} of ${result.languages.length} ${withTarget ? 'package' : 'language'}${result.languages.length === 1 ? '' : 's'}: ${affected.join(', ')}.`);
  return lines.join('\n');
}
