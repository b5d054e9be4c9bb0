// The pages of the test courses with links, tables, code blocks, pictures, a right-to-left
// edition and a theme with a logo (test/fixtures/courses/) are valid HTML according to the Nu Html Checker, as the
// shipped course's are (the shipped course has none of those). Needs Java, like
// html-validity.test.ts; skipped with a message without it, except in CI.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/index.js';
import { fixtureCourseDir } from '../helpers/fixture-course-server.js';

const run = promisify(execFile);
const JAVA = process.env.SCORMDOWN_JAVA ?? '/usr/bin/java';
const VNU_JAR = (createRequire(import.meta.url)('vnu-jar') as string).toString();
const COURSES = ['phone-stress', 'rtl-ar', 'section-links', 'themed'];

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

describe('HTML validity of the test courses (Nu Html Checker)', () => {
  if (!existsSync(JAVA) && process.env.CI !== 'true') {
    it.skip(`needs Java at ${JAVA} (install default-jre-headless or set SCORMDOWN_JAVA)`, () => {});
    return;
  }

  it('finds no error in any page of the links, tables, code, right-to-left, section-links and themed courses', async () => {
    expect(existsSync(JAVA), `Java is required at ${JAVA}`).toBe(true);
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-fixture-validity-'));
    try {
      for (const name of COURSES) {
        const result = await buildCourse({ courseDir: fixtureCourseDir(name), outDir: path.join(outDir, name) });
        expect(result.ok, name).toBe(true);
      }
      const pages = await htmlFiles(outDir);
      // index.html and two lesson pages per package; section-links has both targets.
      expect(pages.length).toBe(3 + 3 + 3 * 2 + 3);
      const output = await run(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...pages], { maxBuffer: 16 * 1024 * 1024 }).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
      const report = JSON.parse(output.stderr) as { messages: Array<{ type: string; url?: string; lastLine?: number; message: string }> };
      expect(report.messages.map((message) => `${path.relative(outDir, (message.url ?? '').replace('file:', ''))}:${message.lastLine ?? '?'} ${message.type}: ${message.message}`)).toEqual([]);
    } finally {
      await fs.rm(outDir, { recursive: true, force: true });
    }
  });
});
