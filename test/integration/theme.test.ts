// A course's own look through the real command: the themed sample (test/fixtures/courses/themed)
// builds, and its package carries the theme (the custom properties after the stylesheet in
// index.html and in assets/course.css, the logo in the headers and in the manifest); a copy whose
// accent is too light to read fails `build` with the message at the accent in course.yaml, naming
// the pair and the ratio, and writes no package, and so does one legible on the page but not on
// the background of the feedback; an edition.yaml may change the theme for its edition, and its
// alt text.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCourseDir } from '../helpers/fixture-course-server.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;

beforeAll(async () => {
  work = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-theme-build-')));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/** A copy of the themed sample, with `edit` applied to its course.yaml. */
async function themedCopy(name: string, edit: (yaml: string) => string = (yaml) => yaml): Promise<string> {
  const dir = path.join(work, name);
  await fs.cp(fixtureCourseDir('themed'), dir, { recursive: true });
  const file = path.join(dir, 'course.yaml');
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
  return dir;
}

/** `build` of a copy of the sample whose accent is `accent`, which fails and writes no package: its output, and the accent's line in course.yaml. */
async function failingBuild(name: string, accent: string): Promise<{ output: string; line: number }> {
  const course = await themedCopy(name, (yaml) => yaml.replace('accent: "#0d6b63"', `accent: "${accent}"`));
  const out = path.join(work, `${name}-out`);
  const run = await runCli(['build', '--course', course, '--out', out]);
  expect(run.code).toBe(1);
  await expect(fs.stat(path.join(out, 'themed-sample-en-scorm12.zip'))).rejects.toThrow();
  const line = (await fs.readFile(path.join(course, 'course.yaml'), 'utf8')).split('\n').findIndex((text) => text.includes(accent)) + 1;
  return { output: run.stderr + run.stdout, line };
}

describe('a course theme', () => {
  it('is in every page of the package, with its logo listed in the manifest', async () => {
    const course = await themedCopy('sample');
    const out = path.join(work, 'sample-out');
    const run = await runCli(['build', '--course', course, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const pkg = path.join(out, 'themed-sample-en');
    const index = await fs.readFile(path.join(pkg, 'index.html'), 'utf8');
    // One style element: the first screen's stylesheet, then the theme's custom properties.
    expect(index.match(/<style>/g)).toHaveLength(1);
    expect(index).toMatch(/<style>:root\{--ink:[^<]*\}\s*:root\{ --ink:#1f2933;[^<]*--accent:#0d6b63;[^<]*--font:"Iowan Old Style"[^<]* \}<\/style>/);
    expect(index).toContain('<img class="logo" src="media/northwind-logo.svg" alt="Northwind Insurance" width="200" height="48">');
    const css = await fs.readFile(path.join(pkg, 'assets', 'course.css'), 'utf8');
    expect(css).toMatch(/:root\{ --ink:#1f2933;.*--accent:#0d6b63;.* \}$/);
    const lesson = await fs.readFile(path.join(pkg, 'lessons', 'welcome.html'), 'utf8');
    expect(lesson).toContain('<img class="logo" src="media/northwind-logo.svg" alt="Northwind Insurance"');
    const manifest = await fs.readFile(path.join(pkg, 'imsmanifest.xml'), 'utf8');
    expect(manifest).toContain('<file href="media/northwind-logo.svg"/>');
    expect(await fs.readFile(path.join(pkg, 'media', 'northwind-logo.svg'), 'utf8')).toContain('Northwind');
  });

  it('fails the build when the accent is too light to read, at the accent, naming the pair and the ratio', async () => {
    const { output, line } = await failingBuild('light-accent', '#7fb3d5');
    expect(output).toMatch(new RegExp(`course\\.yaml:${line}:11-${line}:20: error Unexpected contrast (\\d\\.\\d\\d):1 of the accent \`#7fb3d5\` on [^,]+, expected at least 4\\.5:1 \\(WCAG 2\\.2 AA for text\\)[^\\n]*theme-contrast`));
  });

  it('fails the build for an accent legible on the page but not in the feedback, naming that pair and its ratio', async () => {
    // The sample's first accent: 5.24:1 on its page, 4.30:1 on the background of wrong answers, where explanations hold links.
    const { output, line } = await failingBuild('feedback-accent', '#0f766e');
    expect(output).toContain(`course.yaml:${line}:11-${line}:20: error Unexpected contrast 4.30:1 of the accent \`#0f766e\` on the background of wrong answers (from the background) \`#f0e1dd\` (links in the feedback on a wrong answer and on a failed result), expected at least 4.5:1 (WCAG 2.2 AA for text): choose a darker or lighter colour (1 more pair falls short with this colour: links in the feedback on a right answer and on a passed result 4.37:1)`);
  });

  it('can be changed by an edition.yaml, its files relative to that file', async () => {
    const course = await themedCopy('edition-theme');
    await fs.writeFile(path.join(course, 'en', 'edition.yaml'), 'title: Claims handling at Northwind\ntheme:\n  accent: "#9d174d"\n  logoAlt: Northwind Insurance (English)\n  logo: ../media/northwind-logo.svg\n');
    const out = path.join(work, 'edition-theme-out');
    const run = await runCli(['build', '--course', course, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const index = await fs.readFile(path.join(out, 'themed-sample-en', 'index.html'), 'utf8');
    expect(index).toContain('--accent:#9d174d');
    expect(index).toContain('--paper:#fbfaf7');
    expect(index).toContain('alt="Northwind Insurance (English)"');
  });
});
