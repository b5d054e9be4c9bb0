// The one way tests run the scormdown CLI: in-process (`runCli`, fast, for most tests) or as the
// compiled command in a child process (`runCompiledCli`, `spawnCompiledCli`) where a test needs
// what only a real process has: worker threads, signals, exit codes set by bin/scormdown.js.
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { main as cli } from '../../src/cli/main.js';
import { REPO_ROOT } from './shipped-course.js';

/** The command as installed: bin/scormdown.js, which runs the compiled CLI in out/. */
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'scormdown.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await cli(argv, { out: (text) => stdout.push(text), err: (text) => stderr.push(text) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Run the compiled command to its end; a non-zero exit is a result, not an exception. */
export function runCompiledCli(argv: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_BIN, ...argv], { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
    });
  });
}

/**
 * Start the compiled command and hand back its process (for signals, or a server that stays up),
 * with its output as streams; read or `resume()` both so the command never waits on a full pipe.
 */
export function spawnCompiledCli(argv: readonly string[]): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [CLI_BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
}
