// `scormdown check [--lang xx] [--course DIR]`: validate the course without packaging; with
// --update-lock, record the translations as agreeing first; with --against OLD, also say whether
// learners who started the old packages keep their records when the new ones replace them.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCourse } from '../pipeline/build-course.js';
import { EXIT } from './exit-codes.js';
import { checkedCourseLine, formatUpdateCheck } from './format.js';
import { usageError } from './help.js';
import type { Io } from './io.js';
import { COLOR_OPTION, colorOf, COURSE_OPTION, LANG_OPTION, languagesOf } from './options.js';
import { printMessages } from './report.js';

export const CHECK_OPTIONS = {
  course: COURSE_OPTION,
  lang: LANG_OPTION,
  color: COLOR_OPTION,
  'update-lock': { type: 'boolean', default: false },
  against: { type: 'string' },
} as const;

/** `argv`: the whole command line after `scormdown`, with `check` among the positionals. */
export async function runCheckCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: CHECK_OPTIONS });
  if (positionals.length > 1) return usageError(io, `Unknown command "${positionals.join(' ')}".`);
  const { against } = values;
  if (against !== undefined && against.trim() === '') return usageError(io, '--against needs the path of the old packages.');
  const courseDir = path.resolve(values.course);
  const languages = languagesOf(values.lang);
  const color = colorOf(values.color);
  // Read the old packages first, so that a wrong --against fails before any other work.
  const updateCheck = against === undefined ? undefined : await import('../update-check/update-check.js');
  const old = against === undefined ? undefined : await updateCheck!.readOldPackages(path.resolve(against));
  if (values['update-lock']) {
    const lock = await (await import('../check/translation-lock.js')).updateTranslationLock(courseDir, languages);
    io.out(lock === undefined ? 'No translations in course.yaml: no lock written' : `✓ updated ${path.relative(process.cwd(), lock)}`);
  }
  const { course, files } = await checkCourse(courseDir, languages);
  const { errors, warnings } = printMessages(files, color, io);
  if (errors > 0) {
    if (old !== undefined) io.err('Not compared with the old packages: the course has errors (above); fix them first.');
    return EXIT.contentErrors;
  }
  const lessons = course?.editions.reduce((sum, edition) => sum + edition.lessons.length, 0) ?? 0;
  io.out(checkedCourseLine(course?.editions.length ?? 0, lessons, warnings));
  if (updateCheck === undefined || old === undefined || course === undefined) return EXIT.ok;
  const result = await updateCheck.checkUpdate(course, old, languages);
  io.out(`\n${formatUpdateCheck(result, process.cwd())}`);
  return updateCheck.updateKeepsRecords(result) ? EXIT.ok : EXIT.contentErrors;
}
