// `npm run bench:large-lesson`: how the time to read and check one lesson grows with its size,
// with the linear event edits and, for comparison, with micromark's own (which copy every event
// each time a top-level block quote or list closes). Two kinds of lesson: the shipped German
// lessons repeated with fresh question ids (1, 2.5 and 5 MB), and sections of top-level lists
// and block quotes (0.25, 0.5 and 1 MB). Not a test: the machine is shared and noisy, so these
// are single runs to read, not to assert on. Writes bench/results-large-lesson.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, seconds } from './measure.js';

const CHILD = path.join(ROOT, 'out', 'bench', 'large-lesson-child.js');
const SOURCE = path.join(ROOT, 'course', 'de');
/** Above this size micromark's own edits are not run (they take minutes). */
const LIBRARY_EDITS_UP_TO_MB = Number(process.env.SCORMDOWN_BENCH_LIBRARY_UP_TO_MB ?? 2.5);

/** The bodies of the shipped German lessons (no front matter), question ids suffixed per copy. */
function lessonText(bytes: number): string {
  const bodies = fs.readdirSync(SOURCE).filter((name) => name.endsWith('.md')).sort()
    .map((name) => fs.readFileSync(path.join(SOURCE, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  const parts = ['---\nid: large\ntitle: Eine lange Lektion\n---\n'];
  let size = parts[0]!.length;
  for (let copy = 0; size < bytes; copy++) {
    const body = bodies[copy % bodies.length]!.replace(/\{#([A-Za-z0-9_.-]+)/g, `{#$1-c${copy}`);
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  return parts.join('\n');
}

interface Times {
  load: number;
  check: number;
}

/** Sections of a heading, a paragraph, a list and a block quote, all at the top level. */
function denseText(bytes: number): string {
  const parts = ['---\nid: large\ntitle: Eine lange Lektion\n---\n'];
  let size = parts[0]!.length;
  for (let section = 1; size < bytes; section++) {
    const text = `\n## Abschnitt ${section}\n\nKunden haben **klare Erwartungen**, und _Zuverlässigkeit_ heißt, sie zu erfüllen.\n\n- erster Punkt ${section}\n- zweiter Punkt\n\n> Ein Zitat zu Abschnitt ${section}.\n`;
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  return parts.join('');
}

const KINDS = [
  { name: 'shipped lessons', text: lessonText, sizes: [1, 2.5, 5] },
  { name: 'top-level lists and quotes', text: denseText, sizes: [0.25, 0.5, 1] },
];

function checkOnce(courseDir: string, libraryEdits: boolean): Times {
  const child = spawnSync(process.execPath, [CHILD, courseDir, ...(libraryEdits ? ['--library-edits'] : [])], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim()) as Times;
}

const shown = (times: Times | undefined) => (times === undefined ? 'not run' : `${seconds(times.load)} + ${seconds(times.check)}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormdown-large-lesson-'));
try {
  process.stdout.write('One large lesson: read it (load) and check the course (check), in-process time, fresh process per run\n');
  const rows = [];
  for (const kind of KINDS) {
    process.stdout.write(`\n${kind.name}\nsize     linear edits (load + check)   micromark's own edits (load + check)\n`);
    for (const megabytes of kind.sizes) {
      const courseDir = path.join(work, `course-${rows.length}`);
      fs.mkdirSync(path.join(courseDir, 'de'), { recursive: true });
      fs.writeFileSync(path.join(courseDir, 'course.yaml'), 'id: large-lesson\nlanguages: [de]\n');
      fs.writeFileSync(path.join(courseDir, 'de', 'edition.yaml'), 'title: Lange Lektion\n');
      fs.writeFileSync(path.join(courseDir, 'de', '01-lang.md'), kind.text(megabytes * 1024 * 1024));
      const linear = checkOnce(courseDir, false);
      const library = megabytes <= LIBRARY_EDITS_UP_TO_MB ? checkOnce(courseDir, true) : undefined;
      rows.push({ kind: kind.name, megabytes, linear, library });
      process.stdout.write(`${`${megabytes} MB`.padEnd(9)}${shown(linear).padEnd(30)}${shown(library)}\n`);
    }
  }
  fs.writeFileSync(path.join(ROOT, 'bench', 'results-large-lesson.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
