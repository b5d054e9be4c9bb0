// `scormdown preview [--lang xx] [--port N] [--course DIR]`: start the preview server, print its
// address, stop on Ctrl+C.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT } from './exit-codes.js';
import { usageError } from './help.js';
import type { Io } from './io.js';
import { COURSE_OPTION, LANG_OPTION } from './options.js';

export const PREVIEW_OPTIONS = {
  course: COURSE_OPTION,
  lang: LANG_OPTION,
  port: { type: 'string' },
} as const;

/** `argv`: the whole command line after `scormdown`, with `preview` among the positionals. */
export async function runPreviewCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: PREVIEW_OPTIONS });
  if (positionals.length > 1) return usageError(io, `Unknown command "${positionals.join(' ')}".`);
  const courseDir = path.resolve(values.course);
  const lang = values.lang?.flatMap((value) => value.split(','))[0]?.trim();
  // The server (and its watcher and bundler) is loaded only when a preview is asked for.
  const { DEFAULT_PORT, startPreviewServer } = await import('../preview/server.js');
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`Unexpected --port ${values.port}, expected a port number from 0 to 65535`);
    return EXIT.usage;
  }
  const server = await startPreviewServer({ courseDir, lang, port, log: io.out });
  await server.watching;
  io.out(`Preview: ${server.url}   (watching ${courseDir}; Ctrl+C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
