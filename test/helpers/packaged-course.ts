// The shipped course, built once per test worker and served over http for browser tests, with
// the LMS harnesses (scorm-again's, and our strict LMS's, each bundled on first request),
// scorm-again (SCORM 1.2 and 2004) and axe-core beside it. Each language has a package per target
// of course.yaml (the shipped course lists both).
import fs from 'node:fs';
import path from 'node:path';
import { COURSE_JSON_ID, type RuntimeCourse } from '../../src/contract/course-data.js';
import { bundleBrowserScript } from '../../src/render/browser-bundle.js';
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

/** The unpacked package of a language and target, as the build names it. */
export function packageFolder(courseId: string, lang: string, target: Target = 'scorm12'): string {
  return folderName(courseId, lang, target);
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

/** Serve a built output folder (default: the shipped course) with the test pages. */
export async function startCourseServer(outDir?: string, courseId = COURSE_ID): Promise<CourseServer> {
  const dir = outDir ?? (await buildShippedCourse()).outDir;
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
