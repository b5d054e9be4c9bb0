// Every page of every shipped package is valid HTML according to the Nu Html Checker (vnu-jar,
// run with Java). Without Java the test is skipped with a message, except in CI where it fails.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildShippedCourse } from '../helpers/shipped-course.js';
import { folderName } from '../../src/index.js';

const run = promisify(execFile);
const JAVA = process.env.SCORMDOWN_JAVA ?? '/usr/bin/java';
const VNU_JAR = (createRequire(import.meta.url)('vnu-jar') as string).toString();
const javaAvailable = existsSync(JAVA);

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

describe('HTML validity (Nu Html Checker)', () => {
  if (!javaAvailable && process.env.CI !== 'true') {
    it.skip(`needs Java at ${JAVA} (install default-jre-headless or set SCORMDOWN_JAVA)`, () => {});
    return;
  }

  it('finds no error in any page of any shipped package, of either target', async () => {
    expect(javaAvailable, `Java is required at ${JAVA}`).toBe(true);
    const { outDir, result } = await buildShippedCourse();
    const pages = (await Promise.all(result.editions.map((edition) => htmlFiles(path.join(outDir, folderName('customer-focus', edition.lang, edition.target)))))).flat();
    expect(new Set(result.editions.map((edition) => edition.target))).toEqual(new Set(['scorm12', 'scorm2004']));
    expect(pages.length).toBe(result.editions.reduce((sum, edition) => sum + edition.lessons + 1, 0));
    // vnu exits non-zero when it finds errors; its JSON report is on stderr either way.
    const output = await run(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...pages], { maxBuffer: 16 * 1024 * 1024 }).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
    const report = JSON.parse(output.stderr) as { messages: VnuMessage[] };
    const errors = report.messages.map((message) => `${path.relative(outDir, (message.url ?? '').replace('file:', ''))}:${message.lastLine ?? '?'} ${message.type}: ${message.message}`);
    expect(errors).toEqual([]);
  });
});
