// `scormdown new edition <lang> [--title T]` and `scormdown new lesson <lang> <id> [--title T]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { COURSE_OPTION } from './options.js';
import { scaffoldEdition } from '../scaffold/new-edition.js';
import { scaffoldLesson } from '../scaffold/new-lesson.js';
import { ScaffoldError, type ScaffoldResult } from '../scaffold/scaffold-result.js';

export const NEW_USAGE = 'Usage: scormdown new edition <lang> [--title T] | scormdown new lesson <lang> <id> [--title T]';

export const NEW_OPTIONS = {
  course: COURSE_OPTION,
  title: { type: 'string' },
} as const;

/** `argv`: the whole command line after `scormdown`, with `new` first among the positionals. */
export async function runNewCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: NEW_OPTIONS });
  const args = positionals.slice(1);
  const courseDir = path.resolve(values.course);
  const [what, ...rest] = args;
  let result: ScaffoldResult;
  try {
    if (what === 'edition' && rest.length === 1) result = await scaffoldEdition(courseDir, rest[0]!, { title: values.title });
    else if (what === 'lesson' && rest.length === 2) result = await scaffoldLesson(courseDir, rest[0]!, rest[1]!, { title: values.title });
    else {
      io.err(`Unexpected \`scormdown new ${args.join(' ')}\`.\n${NEW_USAGE}`);
      return EXIT.usage;
    }
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    io.err(`✗ ${error.message}`);
    return EXIT.usage;
  }
  const cwd = process.cwd();
  for (const file of result.created) io.out(`✓ created ${path.relative(cwd, file)}`);
  for (const file of result.changed) io.out(`✓ updated ${path.relative(cwd, file)}`);
  for (const note of result.notes) io.out(`  ${note}`);
  return EXIT.ok;
}
