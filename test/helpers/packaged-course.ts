// The shipped course, built once per test worker and served over http for browser tests, with
// the LMS harnesses (scorm-again's, and our strict LMS's, each bundled on first request),
// scorm-again (SCORM 1.2 and 2004) and axe-core beside it. Each language has a package per target.
import fs from 'node:fs';
import path from 'node:path';
import { COURSE_JSON_ID, type RuntimeCourse } from '../../src/contract/course-data.js';
import { STANDALONE_LMS_2004_PATH } from '../../src/contract/package-layout.js';
import { bundleBrowserScript } from '../../src/render/browser-bundle.js';
import { inlineScriptText } from '../../src/render/shared-assets.js';
import { folderName } from '../../src/index.js';
import type { Target } from './lms-harness.js';
import { buildShippedCourse, REPO_ROOT } from './shipped-course.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export const SHIPPED_LANGUAGES = ['el', 'de', 'ms', 'ro', 'sl'] as const;
export const COURSE_ID = 'customer-focus';

export interface CourseServer {
  server: StaticServer;
  outDir: string;
  /** URL of a language package's index.html (the SCORM 1.2 package unless `target` says otherwise). */
  packageUrl(lang: string, target?: Target): string;
  /** URL of the LMS harness page (scorm-again). */
  harnessUrl: string;
  /** URL of the strict LMS harness page (HarnessPage.openStrict). */
  strictHarnessUrl: string;
  /** Folder of an unpacked package. */
  packageDir(lang: string, target?: Target): string;
  course(lang: string, target?: Target): RuntimeCourse;
}

/** The unpacked package of a language and target. */
export function packageFolder(courseId: string, lang: string, target: Target = 'scorm12'): string {
  return target === 'scorm12' ? folderName(courseId, lang) : `${folderName(courseId, lang)}-${target}`;
}

const HARNESS_DIR = path.join(REPO_ROOT, 'test', 'helpers', 'lms-harness-page');
const STRICT_HARNESS_DIR = path.join(REPO_ROOT, 'test', 'helpers', 'strict-lms-page');
let harnessScript: Promise<Buffer> | null = null;
let strictHarnessScript: Promise<Buffer> | null = null;

/** The scorm-again harness page's script, bundled once per test worker. */
function harnessBundle(): Promise<Buffer> {
  harnessScript ??= bundleBrowserScript(path.join(HARNESS_DIR, 'harness.ts'), 'scorm-again LMS harness');
  return harnessScript;
}

/** The strict harness page's script, bundled once per test worker. */
function strictHarnessBundle(): Promise<Buffer> {
  strictHarnessScript ??= bundleBrowserScript(path.join(STRICT_HARNESS_DIR, 'harness.ts'), 'strict LMS harness');
  return strictHarnessScript;
}

let runtime2004: Promise<Buffer> | null = null;

/**
 * Until the build writes SCORM 2004 packages itself: each SCORM 1.2 package of `dir` copied as
 * its SCORM 2004 package, with the SCORM 2004 runtime bundle inline instead of the 1.2 one, the
 * course data's target set and scorm-again's Scorm2004API beside it. A folder the build already
 * wrote is kept as it is.
 */
async function addScorm2004Packages(dir: string, courseId: string): Promise<void> {
  runtime2004 ??= bundleBrowserScript(path.join(REPO_ROOT, 'src', 'runtime', 'main-scorm2004.ts'), 'SCORM 2004 learner runtime');
  const runtime12 = inlineScriptText(fs.readFileSync(path.join(REPO_ROOT, 'out', 'browser', 'runtime.js'), 'utf8'));
  const inline2004 = inlineScriptText((await runtime2004).toString('utf8'));
  const prefix = `${courseId}-`;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(prefix) || entry.name.endsWith('-scorm2004')) continue;
    const target = path.join(dir, `${entry.name}-scorm2004`);
    if (fs.existsSync(target)) continue;
    fs.cpSync(path.join(dir, entry.name), target, { recursive: true });
    const index = path.join(target, 'index.html');
    const html = fs.readFileSync(index, 'utf8');
    if (!html.includes(runtime12)) throw new Error(`${index} does not hold the compiled SCORM 1.2 runtime: run npm run compile`);
    fs.writeFileSync(index, html.replace(runtime12, () => inline2004).replace(`"format":1,"target":"scorm12"`, `"format":1,"target":"scorm2004"`));
    fs.copyFileSync(path.join(REPO_ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm2004.min.js'), path.join(target, ...STANDALONE_LMS_2004_PATH.split('/')));
  }
}

/** Serve a built output folder (default: the shipped course) with the test pages. */
export async function startCourseServer(outDir?: string, courseId = COURSE_ID): Promise<CourseServer> {
  const dir = outDir ?? (await buildShippedCourse()).outDir;
  await addScorm2004Packages(dir, courseId);
  const server = await startStaticServer();
  server.mount('/pkg', dir);
  server.mount('/harness', HARNESS_DIR);
  server.mountGenerated('/harness/harness.js', harnessBundle);
  server.mount('/strict-harness', STRICT_HARNESS_DIR);
  server.mountGenerated('/strict-harness/harness.js', strictHarnessBundle);
  server.mount('/scorm-again/scorm12.min.js', path.join(REPO_ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm12.min.js'));
  server.mount('/scorm-again/scorm2004.min.js', path.join(REPO_ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm2004.min.js'));
  server.mount('/axe.min.js', path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'));
  const cache = new Map<string, RuntimeCourse>();
  const packageDir = (lang: string, target: Target = 'scorm12') => path.join(dir, packageFolder(courseId, lang, target));
  return {
    server,
    outDir: dir,
    harnessUrl: `${server.origin}/harness/index.html`,
    strictHarnessUrl: `${server.origin}/strict-harness/index.html`,
    packageUrl: (lang, target = 'scorm12') => `${server.origin}/pkg/${packageFolder(courseId, lang, target)}/index.html`,
    packageDir,
    course: (lang, target = 'scorm12') => {
      const key = `${lang}:${target}`;
      let course = cache.get(key);
      if (course === undefined) {
        course = readPackagedCourse(packageDir(lang, target));
        cache.set(key, course);
      }
      return course;
    },
  };
}

const COURSE_JSON = new RegExp(`<script type="application/json" id="${COURSE_JSON_ID}">([\\s\\S]*?)</script>`);

/** The course data embedded in a package's index.html. */
export function readPackagedCourse(packageDir: string): RuntimeCourse {
  const html = fs.readFileSync(path.join(packageDir, 'index.html'), 'utf8');
  const json = COURSE_JSON.exec(html)?.[1];
  if (json === undefined) throw new Error(`No course data in ${packageDir}/index.html`);
  return JSON.parse(json) as RuntimeCourse;
}
