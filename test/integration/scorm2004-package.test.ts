// The SCORM 2004 packages beside the SCORM 1.2 ones: every shipped edition builds both zips, each
// with its own runtime, scorm-again build and manifest (valid against its target's XSDs); both are
// byte-for-byte the same from a second build; the catalog and the summary table list each target;
// `build --target` builds one; and the state budget is proven against each target's limit.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, folderName, load, validateManifest, zipName, type BuildResult, type Course, type CourseConfig, type Edition, type Lesson, type Question } from '../../src/index.js';
import { TARGETS, type Target } from '../../src/model/course.js';
import { CONTROL_DOCUMENTS } from '../../src/package/control-documents.js';
import { CONTROL_DOCUMENTS_2004 } from '../../src/package/control-documents-scorm2004.js';
import { validateManifest2004 } from '../../src/package/validate-manifest-scorm2004.js';
import { checkStateBudget, SUSPEND_DATA_LIMITS } from '../../src/check/state-budget.js';
import { LEARNER_RUNTIME, LEARNER_RUNTIME_2004, readPrebuilt } from '../../src/render/prebuilt-assets.js';
import { inlineScriptText } from '../../src/render/shared-assets.js';
import { STANDALONE_LMS_2004_PATH, STANDALONE_LMS_PATH } from '../../src/contract/package-layout.js';
import { COURSE_JSON_ID } from '../../src/contract/course-data.js';
import { buildShippedCourse, SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { runCli } from '../helpers/run-cli.js';
import { unzip } from '../helpers/zip.js';

const MANIFEST = 'imsmanifest.xml';
const require = createRequire(import.meta.url);

interface Built {
  lang: string;
  target: Target;
  zip: Buffer;
  files: Map<string, Buffer>;
}

let config: CourseConfig;
let outDir: string;
let result: BuildResult;
let built: Built[];
const temporary: string[] = [];

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** The course data in a package's index.html. */
function courseData(files: Map<string, Buffer>): { target: string } {
  const html = files.get('index.html')!.toString('utf8');
  const json = new RegExp(`<script type="application/json" id="${COURSE_JSON_ID}">([\\s\\S]*?)</script>`).exec(html)?.[1];
  return JSON.parse(json!) as { target: string };
}

beforeAll(async () => {
  const loaded = await load(SHIPPED_COURSE);
  if (loaded.course === undefined) throw new Error('the shipped course did not load');
  config = loaded.course.config;
  ({ outDir, result } = await buildShippedCourse());
  built = await Promise.all(result.editions.map(async (edition) => {
    const zip = await fs.readFile(edition.zip);
    return { lang: edition.lang, target: edition.target, zip, files: unzip(zip) };
  }));
});

afterAll(async () => {
  await Promise.all(temporary.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('the shipped course', () => {
  it('lists both targets, so every edition builds a SCORM 1.2 and a SCORM 2004 zip', () => {
    expect(config.targets).toEqual(['scorm12', 'scorm2004']);
    expect(built.map((entry) => `${entry.lang} ${entry.target}`)).toEqual(config.languages.flatMap((lang) => TARGETS.map((target) => `${lang} ${target}`)));
  });

  it('names each zip and unpacked folder by course id, language and target, the SCORM 1.2 ones as before', async () => {
    for (const entry of result.editions) expect(entry.zip).toBe(path.join(outDir, zipName(config.id, entry.lang, entry.target)));
    expect(zipName('customer-focus', 'de', 'scorm2004')).toBe('customer-focus-de-scorm2004.zip');
    expect(zipName('customer-focus', 'de')).toBe('customer-focus-de-scorm12.zip');
    expect(folderName('customer-focus', 'de', 'scorm2004')).toBe('customer-focus-de-scorm2004');
    expect(folderName('customer-focus', 'de')).toBe('customer-focus-de');
    const names = (await fs.readdir(outDir)).sort();
    expect(names).toEqual(['catalog.json', ...config.languages.flatMap((lang) => TARGETS.flatMap((target) => [zipName(config.id, lang, target), folderName(config.id, lang, target)]))].sort());
  });
});

describe('each package', () => {
  it('has a manifest valid against the XSDs of its target, with those control documents at the root and not the other target\'s', async () => {
    for (const entry of built) {
      const manifest = entry.files.get(MANIFEST)!.toString('utf8');
      const paths = new Set(entry.files.keys());
      const [own, other] = entry.target === 'scorm2004' ? [CONTROL_DOCUMENTS_2004, CONTROL_DOCUMENTS] : [CONTROL_DOCUMENTS, CONTROL_DOCUMENTS_2004];
      for (const name of own) expect(paths.has(name), `${entry.lang} ${entry.target}: ${name}`).toBe(true);
      for (const name of other) expect(paths.has(name) && !(own as readonly string[]).includes(name), `${entry.lang} ${entry.target}: ${name}`).toBe(false);
      const problems = entry.target === 'scorm2004'
        ? await validateManifest2004(manifest, paths, { passMark: config.passMark })
        : await validateManifest(manifest, paths, { masteryScore: config.passMark });
      expect(problems, `${entry.lang} ${entry.target}`).toEqual([]);
      expect(manifest.includes('<schemaversion>2004 4th Edition</schemaversion>'), `${entry.lang} ${entry.target}`).toBe(entry.target === 'scorm2004');
    }
  });

  it('inlines the learner runtime of its target and names the target in its course data', async () => {
    const runtimes: Record<Target, string> = {
      scorm12: inlineScriptText((await readPrebuilt(LEARNER_RUNTIME)).toString('utf8')),
      scorm2004: inlineScriptText((await readPrebuilt(LEARNER_RUNTIME_2004)).toString('utf8')),
    };
    expect(runtimes.scorm12).not.toBe(runtimes.scorm2004);
    for (const entry of built) {
      const html = entry.files.get('index.html')!.toString('utf8');
      expect(html.includes(runtimes[entry.target]), `${entry.lang} ${entry.target}: own runtime`).toBe(true);
      expect(html.includes(runtimes[entry.target === 'scorm12' ? 'scorm2004' : 'scorm12']), `${entry.lang} ${entry.target}: other runtime`).toBe(false);
      expect(courseData(entry.files).target).toBe(entry.target);
    }
  });

  it('ships scorm-again\'s standalone LMS of its target only', async () => {
    const scorm12 = await fs.readFile(require.resolve('scorm-again/scorm12/min'));
    const scorm2004 = await fs.readFile(require.resolve('scorm-again/scorm2004/min'));
    expect(scorm2004.toString('utf8')).toMatch(/^this\.Scorm2004API=/);
    for (const entry of built) {
      if (entry.target === 'scorm2004') {
        expect(entry.files.get(STANDALONE_LMS_2004_PATH)?.equals(scorm2004), entry.lang).toBe(true);
        expect(entry.files.has(STANDALONE_LMS_PATH), entry.lang).toBe(false);
      } else {
        expect(entry.files.get(STANDALONE_LMS_PATH)?.equals(scorm12), entry.lang).toBe(true);
        expect(entry.files.has(STANDALONE_LMS_2004_PATH), entry.lang).toBe(false);
      }
    }
  });

  it('has the same lessons and media as the other target\'s package of its language', () => {
    for (const lang of config.languages) {
      const [scorm12, scorm2004] = TARGETS.map((target) => built.find((entry) => entry.lang === lang && entry.target === target)!);
      const content = (entry: Built) => [...entry.files.keys()].filter((name) => name.startsWith('lessons/') || name.startsWith('media/')).sort();
      expect(content(scorm2004!)).toEqual(content(scorm12!));
      for (const name of content(scorm12!)) expect(scorm2004!.files.get(name)!.equals(scorm12!.files.get(name)!), `${lang}: ${name}`).toBe(true);
    }
  });

  it('comes out byte for byte the same from a second build, for both targets', async () => {
    const second = await temporaryDir('scormdown-rebuild-2004-');
    const again = await buildCourse({ courseDir: SHIPPED_COURSE, outDir: second });
    expect(again.ok).toBe(true);
    expect(again.editions.map((entry) => `${entry.lang} ${entry.target}`)).toEqual(built.map((entry) => `${entry.lang} ${entry.target}`));
    for (const entry of built) {
      const rebuilt = await fs.readFile(path.join(second, zipName(config.id, entry.lang, entry.target)));
      expect(rebuilt.equals(entry.zip), `${entry.lang} ${entry.target} differs between builds`).toBe(true);
    }
    expect(await fs.readFile(path.join(second, 'catalog.json'), 'utf8')).toBe(await fs.readFile(path.join(outDir, 'catalog.json'), 'utf8'));
  });
});

describe('the catalog and the summary table', () => {
  it('list every package with its target, file, size and hash', async () => {
    const catalog = JSON.parse(await fs.readFile(path.join(outDir, 'catalog.json'), 'utf8')) as { packages: Array<{ language: string; target: string; file: string; bytes: number; sha256: string }> };
    expect(catalog.packages.map((entry) => `${entry.language} ${entry.target} ${entry.file}`)).toEqual(built.map((entry) => `${entry.lang} ${entry.target} ${zipName(config.id, entry.lang, entry.target)}`));
    for (const [index, entry] of catalog.packages.entries()) expect(entry.bytes).toBe(built[index]!.zip.length);
  });

  it('are what `build` prints: a progress line per zip and a Target column', async () => {
    const out = await temporaryDir('scormdown-cli-2004-');
    const run = await runCli(['build', '--course', SHIPPED_COURSE, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    for (const lang of config.languages) {
      for (const target of TARGETS) expect(run.stdout).toContain(zipName(config.id, lang, target));
    }
    const table = run.stdout.split('\n').filter((line) => /\s(SCORM 1\.2|SCORM 2004)\s/.test(line));
    expect(run.stdout).toMatch(/Title\s+Lang\s+Target\s+Lessons/);
    expect(table).toHaveLength(config.languages.length * TARGETS.length);
  });
});

describe('build --target', () => {
  it('builds only that target of course.yaml, and the catalog lists only its packages', async () => {
    const out = await temporaryDir('scormdown-target-');
    const run = await runCli(['build', '--course', SHIPPED_COURSE, '--out', out, '--target', 'scorm2004', '--lang', 'de']);
    expect(run.code, run.stderr).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['catalog.json', folderName(config.id, 'de', 'scorm2004'), zipName(config.id, 'de', 'scorm2004')]);
    const catalog = JSON.parse(await fs.readFile(path.join(out, 'catalog.json'), 'utf8')) as { packages: Array<{ target: string }> };
    expect(catalog.packages.map((entry) => entry.target)).toEqual(['scorm2004']);
  });

  it('refuses a target that course.yaml does not list with a message at `targets` (exit 1), and a value that is no target as wrong usage (exit 2)', async () => {
    const courseDir = await temporaryDir('scormdown-one-target-');
    await fs.mkdir(path.join(courseDir, 'en'));
    await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: one-target\nlanguages: [en]\ntargets: [scorm12]\n');
    await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: One target\n');
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), '---\nid: intro\ntitle: Intro\n---\n\nSome text.\n');
    const out = await temporaryDir('scormdown-one-target-out-');
    const unlisted = await runCli(['build', '--course', courseDir, '--out', out, '--target', 'scorm2004']);
    expect(unlisted.code).toBe(1);
    expect(unlisted.stderr).toContain('course.yaml:3:10-3:19: error Unexpected target `scorm2004` (SCORM 2004 4th Edition), expected one of the targets course.yaml lists, scorm12: add it to `targets` to build it  unknown-target');
    expect(await fs.readdir(out)).toEqual([]);
    const unknown = await runCli(['build', '--course', courseDir, '--out', out, '--target', 'scorm13']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown target "scorm13" for --target: expected scorm12 or scorm2004.');
    const both = await runCli(['build', '--course', courseDir, '--out', out]);
    expect(both.code, both.stderr).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['catalog.json', 'one-target-en', 'one-target-en-scorm12.zip']);
  });
});

describe('the state budget per target', () => {
  /** A course of one lesson and an assessment of `questions` true/false questions, for `targets`. */
  async function assessmentCourse(questions: number, targets: string): Promise<string> {
    const courseDir = await temporaryDir('scormdown-budget-2004-');
    await fs.mkdir(path.join(courseDir, 'en'));
    await fs.writeFile(path.join(courseDir, 'course.yaml'), `id: exam\nlanguages: [en]\ntargets: ${targets}\n`);
    await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Exam\n');
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), '---\nid: intro\ntitle: Intro\n---\n\nSome text.\n');
    const statements = Array.from({ length: questions }, (_, index) => `:::question{#exam-q${index + 1} type=truefalse answer=true}\nStatement ${index + 1} is true.\n:::\n`).join('\n');
    await fs.writeFile(path.join(courseDir, 'en', '02-exam.md'), `---\nid: exam\ntitle: Exam\nassessment: true\n---\n\n${statements}`);
    return courseDir;
  }

  const budgetReasons = (run: BuildResult) => run.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'state-too-large').map((message) => message.reason);

  it('are 4096 characters for SCORM 1.2 and 64,000 for SCORM 2004', () => {
    expect(SUSPEND_DATA_LIMITS).toEqual({ scorm12: 4096, scorm2004: 64000 });
  });

  it('lets SCORM 2004 alone build an assessment whose resume data SCORM 1.2 cannot hold; with both targets, the SCORM 1.2 proof fails', async () => {
    const only2004 = await buildCourse({ courseDir: await assessmentCourse(900, '[scorm2004]'), outDir: await temporaryDir('scormdown-budget-out-') });
    expect(budgetReasons(only2004)).toEqual([]);
    expect(only2004.ok).toBe(true);
    expect(only2004.editions.map((entry) => entry.target)).toEqual(['scorm2004']);

    const both = await buildCourse({ courseDir: await assessmentCourse(900, '[scorm12, scorm2004]'), outDir: await temporaryDir('scormdown-budget-out-') });
    const reasons = budgetReasons(both);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^Unexpected suspend_data of \d{4} characters in the worst case, expected at most 4096 \(/);
    expect(both.ok).toBe(false);
  }, 120_000);

  it('refuses, for SCORM 2004, an edition whose guaranteed resume data exceeds 64,000 characters', () => {
    // The model of a course too large to write as Markdown in a test: an assessment of 13,000 questions.
    const questions: Question[] = Array.from({ length: 13_000 }, (_, index) => ({ id: `exam-q${index + 1}`, type: 'truefalse', lessonId: 'exam', options: [], answer: true, accepted: [], ignoreAccents: false, prompt: `Statement ${index + 1}` }));
    const lesson = { id: 'exam', title: 'Exam', assessment: true, fileName: '01-exam.md', html: '', questions, media: [] } as unknown as Lesson;
    const file = new VFile({ path: 'en/edition.yaml' });
    const edition = { lang: 'en', title: 'Exam', lessons: [lesson], strings: {}, file } as unknown as Edition;
    const course = { config: { id: 'exam', version: '1.0.0', passMark: 80, reporting: 'passed-incomplete', attempts: 0, shuffle: { questions: false, options: false }, languages: ['en'], translations: [], targets: ['scorm2004'] }, editions: [edition] } as unknown as Course;
    checkStateBudget(course, edition);
    expect(file.messages.map((message) => message.ruleId)).toEqual(['state-too-large']);
    expect(file.messages[0]!.reason).toMatch(/^Unexpected suspend_data of \d{5} characters in the worst case, expected at most 64000 for SCORM 2004 \(/);
  });
});
