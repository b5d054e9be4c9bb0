// Terminal output for HR and authors: progress lines and the build summary table.
import path from 'node:path';
import type { EditionResult } from './build.js';

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

export function checkedLine(summary: { languages: number; lessons: number; milliseconds: number }): string {
  return `Read and checked ${summary.lessons} lessons in ${summary.languages} language${summary.languages === 1 ? '' : 's'} (${(summary.milliseconds / 1000).toFixed(2)} s); packaging…`;
}

export function progressLine(result: EditionResult, cwd: string): string {
  if (!result.built) {
    const kept = result.sha256 === '' ? 'no previous package' : `kept previous ${path.relative(cwd, result.zip)}`;
    return `✗ ${result.lang.padEnd(5)} has errors, not packaged (${kept})`;
  }
  return `✓ ${result.lang.padEnd(5)} ${path.relative(cwd, result.zip)}  ${formatBytes(result.zipBytes)}`;
}

export function summaryTable(results: readonly EditionResult[]): string {
  const header = ['Title', 'Lang', 'Lessons', 'Questions', 'Pass mark', 'Zip size', 'SHA-256'];
  const rows = results.map((result) => [
    result.title,
    result.lang,
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
