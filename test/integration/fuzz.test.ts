// Seeded fuzzing: random byte- and token-level mutations of the shipped lessons go through the
// lesson processor and the course-wide checks. Nothing may throw, and every message must say
// where it is (file, line, column) and which rule it is.
//
// 1,000 mutants by default; SCORMDOWN_FUZZ=10000 runs that many. SCORMDOWN_FUZZ_SEED changes the
// seed; a failure names the seed and the mutant number, so the same run can be repeated.
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, load, type Course, type Edition, type Lesson } from '../../src/index.js';
import { createMarkdownProcessor, type MarkdownProcessor } from '../../src/markdown/processor.js';
import { lessonFromMarkdown } from '../../src/markdown/lesson-from-markdown.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { randomFrom } from '../../src/runtime/logic/seeded-order.js';

const MUTANTS = Number.parseInt(process.env.SCORMDOWN_FUZZ ?? '1000', 10);
const SEED = Number.parseInt(process.env.SCORMDOWN_FUZZ_SEED ?? '20260522', 10);

/** The runtime's seeded generator (mulberry32): the same seed gives the same mutants. */
const mulberry32 = randomFrom;

type Random = () => number;

const randomInt = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)]!;

/** Fragments that mean something to the course format, Markdown, YAML or HTML. */
const TOKENS = [
  ':::', '::::', ':::question', ':::question{#fuzz}', ':::question{#fuzz type=fillin}', ':::question{type=truefalse answer=maybe}',
  ':::keypoints', '::leaf', ':text[x]', '{#', '{#id', '}', '{', '"', '=', 'type=multiple',
  '- [x] ', '- [ ] ', '[x]', '[ ]', '- ', '1. ', '> ', '\n> ', '---', '\n---\n', 'id: ', 'title: ', 'assessment: true', ': ', '  ',
  '```', '~~~', '`', '*', '_', '~~', '|', '| --- |', '#', '## ', '\\', '&amp;', '&#0;', '&#x6A;',
  '[link](', '](', '![image](', '[ref]', '<', '>', '<script>', '<!--', '-->',
  '\t', '\r\n', '\n', '\n\n', '\u0000', '\uFEFF', '\u200B', '\u00A0', '\u0301', '\uD800', '\uDC00', '😀', 'ß', 'İ', '\u2028', '\uFFFF',
];

/** Whole links and images: the link checks only run on what parses as one. */
const LINKS = [
  '[outside](../../outside.png)', '![missing](missing.png)', '[script](javascript:alert(1))', '[escape](a%zz.pdf)', '![escape](%E0%A4%A.png)',
  '![space](<a b.png>)', '[lesson](01-x.md)', '[folder](../de/)', '[root](/etc/passwd)', '[query](?x#y)', '[empty]()', '<https://example.com>',
  '\n[ref]: %zz\n', '![data](data:image/png;base64,AAAA)', '[tab](java\tscript:x)', '[nul](a%00b.png)', '[long](' + 'a/'.repeat(300) + ')',
];

const RANDOM_CHARACTERS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u00AD', '\u202E', '\uFFFD', '\uD83D', 'ǅ', 'ﬀ', 'ⅷ', '𝔘', '٣'];

function randomCharacter(random: Random): string {
  const roll = random();
  if (roll < 0.5) return String.fromCharCode(32 + randomInt(random, 95));
  if (roll < 0.8) return pick(random, RANDOM_CHARACTERS);
  return String.fromCodePoint(randomInt(random, 0x110000)).replace(/[\uD800-\uDFFF]/, '\uFFFD');
}

/** One random edit; every edit keeps the text a string (it may be empty). */
const randomToken = (random: Random) => pick(random, random() < 0.3 ? LINKS : TOKENS);

function mutateOnce(text: string, random: Random): string {
  const lines = text.split('\n');
  const at = randomInt(random, text.length + 1);
  const line = randomInt(random, lines.length);
  switch (randomInt(random, 11)) {
    case 0: // delete a run of characters
      return text.slice(0, at) + text.slice(at + 1 + randomInt(random, 40));
    case 1: // insert random characters
      return text.slice(0, at) + Array.from({ length: 1 + randomInt(random, 4) }, () => randomCharacter(random)).join('') + text.slice(at);
    case 2: // replace one code unit (may split a surrogate pair)
      return text.slice(0, at) + randomCharacter(random) + text.slice(at + 1);
    case 3: // truncate
      return text.slice(0, at);
    case 4: // delete a line
      lines.splice(line, 1);
      return lines.join('\n');
    case 5: // duplicate a line
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 6: { // swap two lines
      const other = randomInt(random, lines.length);
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
    case 7: // a token anywhere
      return text.slice(0, at) + randomToken(random) + text.slice(at);
    case 8: // a token at the start of a line
      lines[line] = randomToken(random) + (lines[line] ?? '');
      return lines.join('\n');
    case 9: // a token line of its own
      lines.splice(line, 0, randomToken(random));
      return lines.join('\n');
    default: { // move a block of lines elsewhere
      const count = 1 + randomInt(random, 8);
      const block = lines.splice(line, count);
      lines.splice(randomInt(random, lines.length + 1), 0, ...block);
      return lines.join('\n');
    }
  }
}

function mutate(text: string, random: Random): string {
  let result = text;
  const edits = 1 + randomInt(random, 4);
  for (let edit = 0; edit < edits; edit++) result = mutateOnce(result, random);
  return result;
}

/** The same file, without the messages an earlier check left on it. */
function freshFile(file: VFile): VFile {
  return new VFile({ path: file.path, cwd: file.cwd, value: file.value });
}

/** The shipped course with one lesson replaced; every other file fresh, so messages do not pile up. */
function courseWithMutant(base: Course, original: Lesson, mutant: Lesson): Course {
  const editions: Edition[] = base.editions.map((edition) => ({
    ...edition,
    file: freshFile(edition.file),
    lessons: edition.lessons.map((lesson) => (lesson === original ? mutant : { ...lesson, file: freshFile(lesson.file) })),
  }));
  const configFile = freshFile(base.configFile);
  return { ...base, configFile, editions, files: [configFile, ...editions.flatMap((edition) => [edition.file, ...edition.lessons.map((lesson) => lesson.file)])] };
}

/** Every message with what makes it findable; empty when all are fine. */
function unplacedMessages(files: readonly VFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const placed = typeof message.file === 'string' && message.file !== '' &&
        Number.isInteger(message.line) && message.line! >= 1 &&
        Number.isInteger(message.column) && message.column! >= 1 &&
        typeof message.ruleId === 'string' && message.ruleId !== '' && message.source === 'scormdown';
      if (!placed) problems.push(`${message.file}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
    }
  }
  return problems;
}

let base: Course;
let processors: Map<string, MarkdownProcessor>;

beforeAll(async () => {
  const loaded = await load(SHIPPED_COURSE);
  if (loaded.course === undefined) throw new Error('the shipped course did not load');
  base = loaded.course;
  processors = new Map();
  for (const edition of base.editions) {
    processors.set(edition.lang, createMarkdownProcessor({ strings: edition.strings, courseDir: base.dir }));
  }
});

describe('seeded fuzz', () => {
  it('mulberry32 is deterministic and spreads over [0, 1)', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => second())).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values.map((value) => Math.floor(value * 10))).size).toBe(10);
  });

  it(`survives ${MUTANTS} mutants of the shipped lessons (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const lessons = base.editions.flatMap((edition) => edition.lessons.map((lesson) => ({ edition, lesson })));
    expect(lessons.length).toBeGreaterThan(0);
    let reported = 0;
    for (let index = 0; index < MUTANTS; index++) {
      const { edition, lesson } = pick(random, lessons);
      const text = mutate(String(lesson.file.value), random);
      const where = `mutant ${index} of ${lesson.file.path} (seed ${SEED})`;
      let course: Course;
      try {
        const mutant = await lessonFromMarkdown(new VFile({ path: lesson.file.path, cwd: process.cwd(), value: text }), processors.get(edition.lang)!);
        course = courseWithMutant(base, lesson, mutant);
        check(course);
      } catch (error) {
        throw new Error(`${where} crashed: ${(error as Error).stack}\n--- mutant ---\n${text}`);
      }
      const unplaced = unplacedMessages(course.files);
      if (unplaced.length > 0) throw new Error(`${where} has messages without a place or rule:\n${unplaced.join('\n')}\n--- mutant ---\n${text}`);
      reported += course.files.reduce((sum, file) => sum + file.messages.length, 0);
    }
    // The mutations do break lessons: a fuzz run that finds nothing to report mutates nothing.
    expect(reported).toBeGreaterThan(MUTANTS / 2);
    // A guard against a hang, not a speed target: 1,000 mutants take about 45 s on a quiet 2-core
    // machine and twice that when the machine is shared.
  }, Math.max(300_000, MUTANTS * 300));
});
