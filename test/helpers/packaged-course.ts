// The shipped course, built once per test worker and served over http for browser tests, with
// the LMS harnesses (scorm-again's, and our strict LMS's, each bundled on first request),
// scorm-again and axe-core beside it.
import fs from 'node:fs';
import path from 'node:path';
import { COURSE_JSON_ID, type RuntimeCourse } from '../../src/contract/course-data.js';
import { bundleBrowserScript } from '../../src/render/browser-bundle.js';
import { folderName } from '../../src/index.js';
import { buildShippedCourse, REPO_ROOT } from './shipped-course.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export const SHIPPED_LANGUAGES = ['el', 'de', 'ms', 'ro', 'sl'] as const;
export const COURSE_ID = 'customer-focus';

export interface CourseServer {
  server: StaticServer;
  outDir: string;
  /** URL of a language package's index.html. */
  packageUrl(lang: string): string;
  /** URL of the LMS harness page (scorm-again). */
  harnessUrl: string;
  /** URL of the strict LMS harness page (HarnessPage.openStrict). */
  strictHarnessUrl: string;
  /** Folder of an unpacked package. */
  packageDir(lang: string): string;
  course(lang: string): RuntimeCourse;
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
  server.mount('/axe.min.js', path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'));
  const cache = new Map<string, RuntimeCourse>();
  const packageDir = (lang: string) => path.join(dir, folderName(courseId, lang));
  return {
    server,
    outDir: dir,
    harnessUrl: `${server.origin}/harness/index.html`,
    strictHarnessUrl: `${server.origin}/strict-harness/index.html`,
    packageUrl: (lang) => `${server.origin}/pkg/${folderName(courseId, lang)}/index.html`,
    packageDir,
    course: (lang) => {
      let course = cache.get(lang);
      if (course === undefined) {
        course = readPackagedCourse(packageDir(lang));
        cache.set(lang, course);
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
