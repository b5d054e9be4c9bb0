// `scormdown new edition <lang> [--title T]` and `scormdown new lesson <lang> <id> [--title T]`.
import path from 'node:path';
import { EXIT } from './main.js';
import { scaffoldEdition } from '../scaffold/new-edition.js';
import { scaffoldLesson } from '../scaffold/new-lesson.js';
import { ScaffoldError, type ScaffoldResult } from '../scaffold/scaffold-result.js';

export const NEW_USAGE = 'Usage: scormdown new edition <lang> [--title T] | scormdown new lesson <lang> <id> [--title T]';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runNewCommand(args: readonly string[], options: { courseDir: string; title?: string }, io: Io): Promise<number> {
  const [what, ...rest] = args;
  let result: ScaffoldResult;
  try {
    if (what === 'edition' && rest.length === 1) result = await scaffoldEdition(options.courseDir, rest[0]!, { title: options.title });
    else if (what === 'lesson' && rest.length === 2) result = await scaffoldLesson(options.courseDir, rest[0]!, rest[1]!, { title: options.title });
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
