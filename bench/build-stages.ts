// Benchmark child: builds a course once and prints the stage timings as JSON (one process per run).
import { buildCourse } from '../src/pipeline/build-course.js';

const [courseDir, outDir] = process.argv.slice(2);
if (courseDir === undefined || outDir === undefined) throw new Error('usage: build-stages.js <courseDir> <outDir>');
const started = performance.now();
const result = await buildCourse({ courseDir, outDir });
if (!result.ok) {
  process.stderr.write(`build failed: ${result.files.flatMap((file) => file.messages.map(String)).slice(0, 5).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ ...result.timings, total: performance.now() - started })}\n`);
