// The `scormdown` command: finds the command in the arguments, refuses the options of other
// commands, and runs it. No logic of its own.
import { parseArgs } from 'node:util';
import { runBuildCommand, BUILD_OPTIONS } from './build-command.js';
import { runCheckCommand, CHECK_OPTIONS } from './check-command.js';
import { EXIT } from './exit-codes.js';
import { guarded } from './guard.js';
import { HELP, usageError } from './help.js';
import { defaultIo, type Io } from './io.js';
import { runNewCommand, NEW_OPTIONS } from './new-command.js';
import { runPreviewCommand, PREVIEW_OPTIONS } from './preview-command.js';
import { runTranslateCommand, TRANSLATE_OPTIONS } from './translate-command.js';

interface Command {
  /** Its node:util parseArgs option table: any other option is wrong usage. */
  options: Readonly<Record<string, unknown>>;
  /** Runs with the whole command line after `scormdown`. */
  run: (argv: readonly string[], io: Io) => Promise<number>;
}

const COMMANDS = new Map<string, Command>([
  ['build', { options: BUILD_OPTIONS, run: runBuildCommand }],
  ['check', { options: CHECK_OPTIONS, run: runCheckCommand }],
  ['preview', { options: PREVIEW_OPTIONS, run: runPreviewCommand }],
  ['new', { options: NEW_OPTIONS, run: runNewCommand }],
  ['translate', { options: TRANSLATE_OPTIONS, run: runTranslateCommand }],
]);

/** Every option of some command, so that the command can be found wherever it stands. */
const ALL_OPTIONS = {
  ...BUILD_OPTIONS,
  ...CHECK_OPTIONS,
  ...PREVIEW_OPTIONS,
  ...NEW_OPTIONS,
  ...TRANSLATE_OPTIONS,
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, tokens: true, options: ALL_OPTIONS });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.out((await import('../tool/version.js')).VERSION);
    return EXIT.ok;
  }
  const [name] = positionals;
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (command === undefined) return usageError(io, `${name === undefined ? 'Missing command' : `Unknown command "${positionals.join(' ')}"`}.`);
  for (const token of tokens) {
    if (token.kind === 'option' && !Object.hasOwn(command.options, token.name)) return usageError(io, `--${token.name} is an option of ${commandsWith(token.name)}.`);
  }
  return guarded(io, () => command.run(argv, io));
}

/** `build, check and preview`: the commands that take the option. */
function commandsWith(option: string): string {
  const names = [...COMMANDS].filter(([, command]) => Object.hasOwn(command.options, option)).map(([name]) => name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}
