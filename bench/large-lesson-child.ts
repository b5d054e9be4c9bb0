// Benchmark child: loads and checks a course once in this process and prints the milliseconds of
// each (load: read, parse and render the lessons; check: the course-wide checks) as JSON.
// With `--library-edits`, micromark's own EditMap.consume is put back first, to measure the
// quadratic parse that src/markdown/micromark-linear-edits.ts replaces.
import { EditMap } from 'micromark-util-edit-map';
import { originalConsume } from '../src/markdown/micromark-linear-edits.js';
import { load } from '../src/load/load-course.js';
import { check } from '../src/check/check-course.js';

const [courseDir, mode] = process.argv.slice(2);
if (courseDir === undefined) throw new Error('usage: large-lesson-child.js <courseDir> [--library-edits]');
if (mode === '--library-edits') EditMap.prototype.consume = originalConsume;
const started = performance.now();
const { course, files } = await load(courseDir);
const loaded = performance.now();
if (course !== undefined) check(course);
const checked = performance.now();
const errors = files.flatMap((file) => file.messages.filter((message) => message.fatal === true));
if (errors.length > 0) {
  process.stderr.write(`check found errors: ${errors.slice(0, 3).map(String).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ load: loaded - started, check: checked - loaded })}\n`);
