// Runs a command so that whatever it throws is one message and an exit code, never a stack trace.
import path from 'node:path';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { ManifestError } from '../package/package-edition.js';
import { OutputError } from '../package/output-folder.js';
import { UpdateCheckError } from '../update-check/update-check-error.js';
import { PrebuiltAssetError } from '../render/prebuilt-assets.js';

/** Run a command; whatever fails is one message and an exit code, never a stack trace. */
export async function guarded(io: Io, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof UpdateCheckError) {
      io.err(`${error.message}\n\nscormdown check --against OLD needs a package zip, an unpacked package folder, or a folder of them (such as an old dist/).`);
      return EXIT.usage;
    }
    if (error instanceof OutputError) {
      io.err(`✗ Cannot write ${path.relative(process.cwd(), error.target) || '.'}: ${error.reason} (${error.code}). Packages already there are kept as they were; choose a folder you can write with --out DIR.`);
      return EXIT.usage;
    }
    if (error instanceof ManifestError) {
      io.err(error.message);
      return EXIT.internal;
    }
    // A broken install of the tool itself (its learner runtime missing, or older than its
    // sources): the message says what to run.
    if (error instanceof PrebuiltAssetError) {
      io.err(`✗ ${error.message}`);
      return EXIT.internal;
    }
    const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
    if (typeof code === 'string' && typeof file === 'string') {
      io.err(`✗ Cannot read ${path.relative(process.cwd(), file) || file} (${code}): it changed or disappeared while scormdown was running; run the command again.`);
      return EXIT.internal;
    }
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.err(`scormdown failed unexpectedly: ${what}\nThis is a bug in scormdown; please report it with the command you ran.`);
    return EXIT.internal;
  }
}
