// `scormdown preview` from the command line: it prints its URL, serves, and exits 0 on Ctrl+C;
// a bad --port is a usage error; --help lists the authoring commands.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHIPPED_COURSE } from '../../helpers/shipped-course.js';
import { runCli, spawnCompiledCli } from '../../helpers/run-cli.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(args);
  return { code, out: stdout, err: stderr };
}

describe('scormdown preview command', () => {
  it('lists preview, new and check --update-lock in --help', async () => {
    const help = await cli('--help');
    expect(help.out).toContain('scormdown preview [--lang xx] [--port N] [--course DIR]');
    expect(help.out).toContain('scormdown new edition <lang> [--title T]');
    expect(help.out).toContain('scormdown new lesson <lang> <id> [--title T]');
    expect(help.out).toContain('scormdown check --update-lock');
  });

  it('rejects a port that is not a number', async () => {
    const result = await cli('preview', '--port', 'eighty');
    expect(result.code).toBe(2);
    expect(result.err).toBe('Unexpected --port eighty, expected a port number from 0 to 65535');
  });

  it('prints its URL, serves the emulator, and exits 0 on SIGINT', async () => {
    const child = spawnCompiledCli(['preview', '--port', '0', '--lang', 'ms', '--course', SHIPPED_COURSE]);
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match !== null) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`preview exited early:\n${output}`)));
    });
    const info = (await (await fetch(new URL('/__preview/course.json', url))).json()) as { defaultLanguage: string };
    expect(info.defaultLanguage).toBe('ms');
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});
