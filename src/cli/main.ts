// The `scormdown` command: parses arguments, wires the stages, prints. No logic of its own.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCourse, checkCourse, CATALOG_FILE } from '../pipeline/build-course.js';
import { countMessages } from '../model/messages.js';
import { formatMessages } from './report.js';
import { checkedCourseLine, checkedLine, formatUpdateCheck, progressLine, summaryTable } from './format.js';
import { ManifestError } from '../package/package-edition.js';
import { OutputError } from '../package/output-folder.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { UpdateCheckError } from '../update-check/update-check-error.js';

export const EXIT = { ok: 0, contentErrors: 1, usage: 2, internal: 3 } as const;

const HELP = `scormdown — Markdown training courses → one SCORM 1.2 package per language

Usage:
  scormdown build [--lang xx] [--course DIR] [--out DIR]   check, render and zip every language
  scormdown check [--lang xx] [--course DIR]               validate the course without packaging
  scormdown check --update-lock [--course DIR]             record the translated lessons as agreeing
                                                           (course/translations.lock)
  scormdown check --against OLD [--lang xx] [--course DIR]
                                                           also say, per language, whether learners who
                                                           started the old packages keep their records
                                                           and answers when the new ones replace them
  scormdown preview [--lang xx] [--port N] [--course DIR]  live preview in an LMS emulator on 127.0.0.1
  scormdown new edition <lang> [--title T]                 scaffold a language edition
  scormdown new lesson <lang> <id> [--title T]             scaffold a lesson (next NN- file name)
  scormdown --help | --version

Options:
  --course DIR   course folder with course.yaml (default: ./course)
  --out DIR      output folder (default: ./dist)
  --lang xx      only this language; repeat or comma-separate for several
  --color        colour the messages (default: when the terminal supports it)
  --port N       preview port (default: 4700, or the next free one)
  --title T      title of the new edition or lesson
  --against OLD  the packages learners have started: a zip, an unpacked package folder,
                 or a folder of them (such as an old dist/)

Exit codes: 0 success, 1 problems in the course content, 2 wrong usage (also an output folder
that cannot be written), 3 internal failure, 130 or 143 when interrupted (Ctrl-C, SIGTERM).
With --against: 1 also when some learners would lose records, progress or answers, when stored
answers or scores would be judged differently, or when that cannot be checked; 0 only when
every learner keeps everything, scored as before. A missing or unreadable OLD is wrong usage (2).
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        course: { type: 'string', default: 'course' },
        out: { type: 'string', default: 'dist' },
        lang: { type: 'string', multiple: true },
        color: { type: 'boolean', default: process.stderr.isTTY === true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        port: { type: 'string' },
        title: { type: 'string' },
        'update-lock': { type: 'boolean', default: false },
        against: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.out((await import('../tool/version.js')).VERSION);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command === 'preview' && rest.length === 0) {
    const lang = values.lang?.flatMap((value) => value.split(','))[0]?.trim();
    return guarded(io, async () => (await import('./preview-command.js')).runPreviewCommand({ courseDir: path.resolve(values.course), lang, port: values.port }, io));
  }
  if (command === 'new') return guarded(io, async () => (await import('./new-command.js')).runNewCommand(rest, { courseDir: path.resolve(values.course), title: values.title }, io));
  if (command === undefined || rest.length > 0 || (command !== 'build' && command !== 'check')) {
    io.err(`${command === undefined ? 'Missing command' : `Unknown command "${positionals.join(' ')}"`}.\n\n${HELP}`);
    return EXIT.usage;
  }
  if (values.against !== undefined && (command !== 'check' || values.against.trim() === '')) {
    io.err(`${command !== 'check' ? '--against is an option of check' : '--against needs the path of the old packages'}.\n\n${HELP}`);
    return EXIT.usage;
  }
  const languages = values.lang?.flatMap((value) => value.split(',')).map((lang) => lang.trim()).filter(Boolean);
  const courseDir = path.resolve(values.course);
  return guarded(io, () => (command === 'check' ? runCheck(courseDir, languages, values.color, io, values['update-lock'], values.against) : runBuild(courseDir, path.resolve(values.out), languages, values.color, io)));
}

/** Run a command; whatever fails is one message and an exit code, never a stack trace. */
async function guarded(io: Io, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof UpdateCheckError) {
      io.err(`${error.message}\n\nscormdown check --against OLD needs a package zip, an unpacked package folder, or a folder of them (such as an old dist/).`);
      return EXIT.usage;
    }
    if (error instanceof OutputError) {
      io.err(`✗ Cannot write ${path.relative(process.cwd(), error.target) || '.'}: ${error.reason} (${error.code}). Packages already there are kept as they were; choose a folder you can write with --out DIR.`);
      return EXIT.usage;
    }
    if (error instanceof ManifestError) {
      io.err(error.message);
      return EXIT.internal;
    }
    const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
    if (typeof code === 'string' && typeof file === 'string') {
      io.err(`✗ Cannot read ${path.relative(process.cwd(), file) || file} (${code}): it changed or disappeared while scormdown was running; run the command again.`);
      return EXIT.internal;
    }
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.err(`scormdown failed unexpectedly: ${what}\nThis is a bug in scormdown; please report it with the command you ran.`);
    return EXIT.internal;
  }
}

function printMessages(files: Parameters<typeof formatMessages>[0], color: boolean, io: Io): { errors: number; warnings: number } {
  const text = formatMessages(files, { color });
  if (text !== '') io.err(text);
  return countMessages(files);
}

async function runCheck(courseDir: string, languages: string[] | undefined, color: boolean, io: Io, updateLock = false, against?: string): Promise<number> {
  // Read the old packages first, so that a wrong --against fails before any other work.
  const updateCheck = against === undefined ? undefined : await import('../update-check/update-check.js');
  const old = against === undefined ? undefined : await updateCheck!.readOldPackages(path.resolve(against));
  if (updateLock) {
    const lock = await (await import('../check/translation-lock.js')).updateTranslationLock(courseDir, languages);
    io.out(lock === undefined ? 'No translations in course.yaml: no lock written' : `✓ updated ${path.relative(process.cwd(), lock)}`);
  }
  const { course, files } = await checkCourse(courseDir, languages);
  const { errors, warnings } = printMessages(files, color, io);
  if (errors > 0) {
    if (old !== undefined) io.err('Not compared with the old packages: the course has errors (above); fix them first.');
    return EXIT.contentErrors;
  }
  const lessons = course?.editions.reduce((sum, edition) => sum + edition.lessons.length, 0) ?? 0;
  io.out(checkedCourseLine(course?.editions.length ?? 0, lessons, warnings));
  if (updateCheck === undefined || old === undefined || course === undefined) return EXIT.ok;
  const result = await updateCheck.checkUpdate(course, old, languages);
  io.out(`\n${formatUpdateCheck(result, process.cwd())}`);
  return updateCheck.updateKeepsRecords(result) ? EXIT.ok : EXIT.contentErrors;
}

async function runBuild(courseDir: string, outDir: string, languages: string[] | undefined, color: boolean, io: Io): Promise<number> {
  const started = performance.now();
  const cwd = process.cwd();
  const result = await cleanUpOnInterrupt(() => buildCourse({
    courseDir,
    outDir,
    languages,
    onChecked: (summary) => io.out(checkedLine(summary)),
    onEdition: (edition) => io.out(progressLine(edition, cwd)),
  }), io.err);
  const { errors } = printMessages(result.files, color, io);
  if (result.editions.length > 0) {
    io.out(`\n${summaryTable(result.editions)}\n`);
    io.out(`Catalog: ${path.relative(cwd, path.join(outDir, CATALOG_FILE))}  (${((performance.now() - started) / 1000).toFixed(2)} s)`);
  }
  return errors > 0 || !result.ok ? EXIT.contentErrors : EXIT.ok;
}
