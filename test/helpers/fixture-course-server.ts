// A course folder under test/fixtures/courses/ built into a temporary dist folder and served over
// http with the LMS harnesses, for browser tests of courses other than the shipped one.
import fs from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCourse } from '../../src/index.js';
import { FIXTURES_DIR } from './fixtures.js';
import { startCourseServer, type CourseServer } from './packaged-course.js';

/** test/fixtures/courses/<name>. */
export function fixtureCourseDir(name: string): string {
  return path.join(FIXTURES_DIR, 'courses', name);
}

/** Build test/fixtures/courses/<name> (course id `courseId`) and serve its packages. */
export async function serveFixtureCourse(name: string, courseId: string): Promise<CourseServer> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), `scormdown-${name}-`));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  const result = await buildCourse({ courseDir: fixtureCourseDir(name), outDir });
  if (!result.ok) throw new Error(`The ${name} course did not build: ${JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))}`);
  return startCourseServer(outDir, courseId);
}
