// A course full of XSS payloads (test/fixtures/xss/course) goes through the real stages: load,
// check (which rejects the raw HTML and unsafe links), then render regardless of the errors. Every
// page of the package must come out with nothing executable: the sanitiser has to hold even where
// the errors of `check` are ignored.
import path from 'node:path';
import vm from 'node:vm';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, load, packageEdition, renderEdition, type Course, type PackageFile } from '../../src/index.js';
import { sharedAssets } from '../../src/render/shared-assets.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { elements, executableContent, parseFragment, parsePage, type AllowedScript } from '../helpers/html-safety.js';

const XSS_COURSE = path.join(FIXTURES_DIR, 'xss', 'course');
const COURSE_DATA_SCRIPT: AllowedScript = { type: 'application/json', id: 'scormdown-course' };

let course: Course;
let packageFiles: PackageFile[];
let allowedShellScripts: AllowedScript[];
let allowedShellStyles: string[];

beforeAll(async () => {
  const loaded = await load(XSS_COURSE);
  if (loaded.course === undefined) throw new Error('the XSS course did not load');
  course = loaded.course;
  check(course);
  const shared = await sharedAssets();
  // index.html has exactly two scripts of its own: the course data (JSON, not run) and the
  // learner runtime inline, byte for byte as built.
  allowedShellScripts = [COURSE_DATA_SCRIPT, { text: shared.inlineRuntime }];
  // ...and exactly one style element: the course stylesheet, byte for byte as built.
  allowedShellStyles = [shared.inlineCss];
  const edition = course.editions[0]!;
  packageFiles = await renderEdition(course, edition, shared);
});

function text(file: PackageFile): string {
  return file.data.toString('utf8');
}

/** The lesson bodies a lesson script hands to the shell, by running it against an empty window. */
function lessonBodies(file: PackageFile): Record<string, unknown> {
  const sandbox: { window: { scormdownLessons?: Record<string, unknown> } } = { window: {} };
  vm.runInNewContext(text(file), sandbox, { timeout: 1000 });
  return sandbox.window.scormdownLessons ?? {};
}

describe('XSS payloads', () => {
  it('are reported by check as errors', () => {
    const rules = new Set(course.files.flatMap((file) => file.messages.filter((message) => message.fatal === true).map((message) => message.ruleId)));
    for (const rule of ['no-raw-html', 'link-unsafe', 'link-outside-course', 'directive-unknown-attribute', 'id-invalid']) expect(rules).toContain(rule);
  });

  it('render every page of the package', () => {
    const paths = packageFiles.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['index.html', 'lessons/payloads.html', 'lessons/payloads.js', 'lessons/questions.html', 'lessons/questions.js']));
  });

  it('leave nothing executable in any HTML page', () => {
    const pages = packageFiles.filter((file) => file.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const shell = page.path === 'index.html';
      expect(executableContent(parsePage(text(page), page.path), shell ? allowedShellScripts : [], shell ? allowedShellStyles : []), page.path).toEqual([]);
    }
  });

  it('leave nothing executable in the lesson bodies the shell inserts', () => {
    const scripts = packageFiles.filter((file) => file.path.startsWith('lessons/') && file.path.endsWith('.js'));
    expect(scripts.map((file) => file.path).sort()).toEqual(['lessons/payloads.js', 'lessons/questions.js']);
    for (const script of scripts) {
      const bodies = lessonBodies(script);
      const lessonId = path.basename(script.path, '.js');
      // The script defines exactly its own lesson, as a string of HTML.
      expect(Object.keys(bodies)).toEqual([lessonId]);
      const body = bodies[lessonId];
      expect(typeof body).toBe('string');
      expect(executableContent(parseFragment(body as string, script.path)), script.path).toEqual([]);
    }
  });

  it('keep the course data in index.html intact (payloads cannot close its script element)', () => {
    const index = packageFiles.find((file) => file.path === 'index.html')!;
    const dataScript = elements(parsePage(text(index), 'index.html')).find((element) => element.localName === 'script' && element.getAttribute('id') === 'scormdown-course');
    expect(dataScript).toBeDefined();
    const data = JSON.parse(dataScript!.textContent ?? '') as { title: string; lessons: { title: string }[] };
    expect(data.title).toBe(course.editions[0]!.title);
    expect(data.lessons.map((lesson) => lesson.title)).toEqual(course.editions[0]!.lessons.map((lesson) => lesson.title));
    expect(data.lessons[0]!.title).toContain("<script>alert('title')</script>");
  });

  it('keep the manifest valid, with the edition title as escaped text', async () => {
    const edition = course.editions[0]!;
    const packaged = await packageEdition(course, edition, packageFiles);
    const manifest = packaged.find((file) => file.path === 'imsmanifest.xml')!;
    const doc = new DOMParser().parseFromString(text(manifest), 'text/xml');
    const titles = Array.from(doc.getElementsByTagNameNS('http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'title')).map((title) => title.textContent);
    expect(titles).toEqual([edition.title, edition.title]);
    expect(edition.title).toContain('<script>');
  });

  it('still render the harmless content around the payloads', () => {
    const questions = text(packageFiles.find((file) => file.path === 'lessons/questions.html')!);
    const questionElements = elements(parsePage(questions, 'questions.html'));
    expect(questionElements.filter((element) => element.localName === 'form')).toHaveLength(4);
    const payloads = elements(parsePage(text(packageFiles.find((file) => file.path === 'lessons/payloads.html')!), 'payloads.html'));
    const hrefs = payloads.filter((element) => element.localName === 'a').map((element) => element.getAttribute('href'));
    expect(hrefs).toContain('https://example.com');
    const codes = payloads.filter((element) => element.localName === 'code').map((element) => element.textContent);
    expect(codes).toContain("<script>alert('code')</script>");
  });
});
