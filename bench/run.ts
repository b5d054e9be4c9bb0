// `npm run bench`: speed, size and scale of scormdown, printed as a table and written to
// bench/results.json. Not a test: the machine is shared and noisy, so we report medians.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import YAML from 'yaml';
import { generateGridCourse, multiplyShippedCourse } from './synthetic-course.js';
import { firstLessonTimes, MOBILE_PHONE, SLOW_PHONE, type PhoneConditions } from './first-lesson-browser.js';
import { kb, mb, median, repeat, ROOT, runNode, seconds } from './measure.js';
import { folderName } from '../src/pipeline/build-course.js';
import type { Target } from '../src/model/course.js';

const CLI = path.join(ROOT, 'bin', 'scormdown.js');
const STAGES = path.join(ROOT, 'out', 'bench', 'build-stages.js');
const SHIPPED = path.join(ROOT, 'course');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormdown-bench-'));
const results: Record<string, unknown> = { machine: machine(), date: new Date().toISOString() };
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

/** A copy of the shipped course in `dir` wearing the theme of the themed sample course (and its logo). */
function withSampleTheme(dir: string): string {
  const sample = path.join(ROOT, 'test', 'fixtures', 'courses', 'themed');
  fs.cpSync(SHIPPED, dir, { recursive: true });
  const theme = (YAML.parse(fs.readFileSync(path.join(sample, 'course.yaml'), 'utf8')) as { theme: { logo: string } }).theme;
  fs.mkdirSync(path.join(dir, path.dirname(theme.logo)), { recursive: true });
  fs.copyFileSync(path.join(sample, theme.logo), path.join(dir, theme.logo));
  const configFile = path.join(dir, 'course.yaml');
  const config = YAML.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(configFile, YAML.stringify({ ...config, theme }));
  return dir;
}

function machine() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

// 1. Full build of the shipped course through the CLI (Node start-up included).
const info = machine();
say(`scormdown benchmark — ${info.cpus} cores, ${info.model}, ${info.memoryGiB} GiB, Node ${info.node}`);
const shippedOut = path.join(work, 'shipped');
const full = repeat(5, 1, () => {
  fs.rmSync(shippedOut, { recursive: true, force: true });
  return runNode([CLI, 'build', '--out', shippedOut]);
});
results.shippedBuild = full;
const catalog = JSON.parse(fs.readFileSync(path.join(shippedOut, 'catalog.json'), 'utf8')) as { course: string; packages: Array<{ language: string; target: Target; file: string; bytes: number }> };
const shippedTargets = [...new Set(catalog.packages.map((entry) => entry.target))];
say(`\nFull build of the shipped course (${catalog.packages.length} packages: ${catalog.packages.length / shippedTargets.length} languages × ${shippedTargets.join(', ')}), CLI, median of 5 after a warm-up: ${seconds(full.ms)} wall, ${mb(full.peakBytes)} peak`);

// Stage timings, from a child that reports them.
const stageSamples: Record<string, number>[] = [];
for (let run = 0; run < 6; run++) {
  const outDir = path.join(work, 'stages');
  fs.rmSync(outDir, { recursive: true, force: true });
  const child = spawnSync(process.execPath, [STAGES, SHIPPED, outDir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  if (run > 0) stageSamples.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, number>);
}
const stages = Object.fromEntries(['load', 'check', 'render', 'package', 'total'].map((stage) => [stage, median(stageSamples.map((sample) => sample[stage]!))]));
results.stages = stages;
say(`Stages (median, in-process): load ${stages.load!.toFixed(0)} ms, check ${stages.check!.toFixed(0)} ms, render ${stages.render!.toFixed(0)} ms, package ${stages.package!.toFixed(0)} ms`);

// 2. Scaling.
interface ScaleCase { name: string; make: (dir: string) => Promise<{ lessons: number }>; runs: number }
const cases: ScaleCase[] = [
  { name: 'shipped ×1', make: (dir) => multiplyShippedCourse(SHIPPED, dir, 1), runs: 3 },
  { name: 'shipped ×10', make: (dir) => multiplyShippedCourse(SHIPPED, dir, 10), runs: 3 },
  { name: 'shipped ×100', make: (dir) => multiplyShippedCourse(SHIPPED, dir, 100), runs: 1 },
  { name: '10 lang × 500 lessons × 5 q', make: (dir) => generateGridCourse(dir, { languages: 10, lessons: 500, questions: 5 }), runs: 1 },
];
const scaling: Array<{ name: string; lessons: number; ms: number; peakBytes: number; msPerLesson: number }> = [];
say('\nScaling (fresh process per build, Node start-up included)');
say('case                          lessons   wall       peak     per lesson');
for (const testCase of cases) {
  const dir = path.join(work, testCase.name.replace(/\W+/g, '-'));
  const { lessons } = await testCase.make(dir);
  const outDir = path.join(work, 'scale-out');
  const run = repeat(testCase.runs, 0, () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    return runNode([CLI, 'build', '--course', dir, '--out', outDir]);
  });
  const row = { name: testCase.name, lessons, ms: run.ms, peakBytes: run.peakBytes, msPerLesson: run.ms / lessons };
  scaling.push(row);
  say(`${row.name.padEnd(30)}${String(lessons).padStart(7)}   ${seconds(row.ms).padStart(8)}   ${mb(row.peakBytes).padStart(7)}   ${row.msPerLesson.toFixed(2)} ms`);
}
results.scaling = scaling;

// 3. Bytes to the first lesson and zip sizes, per package (language and target). index.html has
// the runtime of its target and the CSS in it.
const FIRST_LESSON_FILES = ['index.html'];
const firstLesson = catalog.packages.map((entry) => {
  const dir = path.join(shippedOut, folderName(catalog.course, entry.language, entry.target));
  const files = FIRST_LESSON_FILES.map((name) => fs.readFileSync(path.join(dir, name)));
  const raw = files.reduce((sum, data) => sum + data.length, 0);
  const gzip = files.reduce((sum, data) => sum + zlib.gzipSync(data).length, 0);
  return { language: entry.language, target: entry.target, raw, gzip, zipBytes: entry.bytes };
});
results.firstLesson = firstLesson;
say(`\nWhat a learner downloads to see the first lesson (${FIRST_LESSON_FILES.join(' + ')}; the runtime and the CSS are inline), and each zip`);
for (const row of firstLesson) say(`${row.language.padEnd(4)} ${row.target.padEnd(9)} first lesson ${kb(row.raw).padStart(9)} raw, ${kb(row.gzip).padStart(8)} gzip   zip ${kb(row.zipBytes)}`);

// 3b. The same with a company's look: the shipped course with the themed sample's theme (accent,
// text and background colours, a font stack, a logo; the logo is a file of its own, not counted).
const themedOut = path.join(work, 'themed');
const themedCourse = withSampleTheme(path.join(work, 'themed-course'));
runNode([CLI, 'build', '--course', themedCourse, '--out', themedOut]);
const themedFirstLesson = catalog.packages.map((entry) => {
  const data = fs.readFileSync(path.join(themedOut, folderName(catalog.course, entry.language, entry.target), 'index.html'));
  return { language: entry.language, target: entry.target, raw: data.length, gzip: zlib.gzipSync(data).length };
});
results.firstLessonThemed = themedFirstLesson;
say('\nThe same with the themed sample\'s theme (the logo not counted)');
for (const row of themedFirstLesson) say(`${row.language.padEnd(4)} ${row.target.padEnd(9)} first lesson ${kb(row.raw).padStart(9)} raw, ${kb(row.gzip).padStart(8)} gzip`);

// 4. Launch → first lesson interactive in headless Chromium (the SCORM 1.2 package of de).
const browserDir = path.join(shippedOut, folderName(catalog.course, 'de', 'scorm12'));
const browser = await firstLessonTimes(browserDir, 10).catch((error: Error) => ({ skipped: error.message }));
results.firstLessonInteractive = browser;
say(`\nLaunch → first lesson visible and interactive (Chromium, localhost, de): ${'skipped' in browser ? `skipped (${browser.skipped})` : `${browser.medianMs.toFixed(0)} ms median of 10`}`);

// 4b. The same on a throttled phone (CPU slowed down, a mobile network emulated on localhost).
const phones: Array<{ name: string; conditions: PhoneConditions; gzip: boolean }> = [
  { name: 'slow mobile network, gzip', conditions: SLOW_PHONE, gzip: true },
  { name: 'slow mobile network, uncompressed', conditions: SLOW_PHONE, gzip: false },
  { name: 'Lighthouse mobile, gzip', conditions: MOBILE_PHONE, gzip: true },
];
const phoneResults: Array<{ name: string; conditions: PhoneConditions; gzip: boolean; medianMs?: number; samples?: number[]; skipped?: string }> = [];
say('Launch → first lesson interactive on a throttled phone (4× slower CPU; median of 5 after a warm-up; goal ≤ 1 s)');
for (const phone of phones) {
  const measured = await firstLessonTimes(browserDir, 5, { phone: phone.conditions, gzip: phone.gzip }).catch((error: Error) => ({ skipped: error.message }));
  phoneResults.push({ ...phone, ...measured });
  const { latencyMs, downloadKbps } = phone.conditions;
  say(`  ${phone.name.padEnd(34)} ${String(latencyMs).padStart(3)} ms, ${String(downloadKbps).padStart(4)} kbit/s: ${'skipped' in measured ? `skipped (${measured.skipped})` : `${measured.medianMs.toFixed(0)} ms`}`);
}
results.firstLessonPhone = phoneResults;

// 5. Worst-case suspend_data.
try {
  const budget = await import('./state-budget-report.js');
  const report = await budget.stateBudgetReport(SHIPPED);
  results.suspendData = report;
  say('\nLongest suspend_data (worst case) against the limit of each target (SCORM 1.2: 4096, SCORM 2004: 64,000)');
  say('edition                                questions  guaranteed  with every answer');
  for (const row of report) say(`${row.name.padEnd(38)} ${String(row.questions).padStart(5)}  ${String(row.characters).padStart(10)}  ${String(row.allAnswers).padStart(9)} of ${row.limit}${row.allAnswers > row.limit ? ` (trimmed to ≤ ${row.limit})` : ''}`);
} catch (error) {
  say(`\nsuspend_data report unavailable: ${(error as Error).message}`);
}

const target = path.join(ROOT, 'bench', 'results.json');
fs.writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
say(`\nWritten ${path.relative(ROOT, target)}`);
fs.rmSync(work, { recursive: true, force: true });
