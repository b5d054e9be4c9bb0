// `scormdown build [--lang xx] [--target T] [--course DIR] [--out DIR]`: check, render and zip
// every language, for every target of course.yaml or the one --target names.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCourse, CATALOG_FILE } from '../pipeline/build-course.js';
import { EXIT } from './exit-codes.js';
import { checkedLine, progressLine, summaryTable } from './format.js';
import { usageError } from './help.js';
import type { Io } from './io.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { COLOR_OPTION, colorOf, COURSE_OPTION, LANG_OPTION, languagesOf } from './options.js';
import { TARGETS, type Target } from '../model/course.js';
import { printMessages } from './report.js';

export const BUILD_OPTIONS = {
  course: COURSE_OPTION,
  out: { type: 'string', default: 'dist' },
  lang: LANG_OPTION,
  target: { type: 'string' },
  color: COLOR_OPTION,
} as const;

/** `argv`: the whole command line after `scormdown`, with `build` among the positionals. */
export async function runBuildCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: BUILD_OPTIONS });
  if (positionals.length > 1) return usageError(io, `Unknown command "${positionals.join(' ')}".`);
  // A value that is no target at all is wrong usage; a target that course.yaml does not list is a
  // message on course.yaml (exit 1), as a language that it does not list is for --lang.
  const target = values.target;
  if (target !== undefined && !isTarget(target)) return usageError(io, `Unknown target "${target}" for --target: expected ${TARGETS.join(' or ')}.`);
  const outDir = path.resolve(values.out);
  const started = performance.now();
  const cwd = process.cwd();
  const result = await cleanUpOnInterrupt(() => buildCourse({
    courseDir: path.resolve(values.course),
    outDir,
    languages: languagesOf(values.lang),
    targets: target === undefined ? undefined : [target],
    onChecked: (summary) => io.out(checkedLine(summary)),
    onEdition: (edition) => io.out(progressLine(edition, cwd)),
  }), io.err);
  const { errors } = printMessages(result.files, colorOf(values.color), io);
  if (result.editions.length > 0) {
    io.out(`\n${summaryTable(result.editions)}\n`);
    io.out(`Catalog: ${path.relative(cwd, path.join(outDir, CATALOG_FILE))}  (${((performance.now() - started) / 1000).toFixed(2)} s)`);
  }
  return errors > 0 || !result.ok ? EXIT.contentErrors : EXIT.ok;
}

function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}
