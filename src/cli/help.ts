// The `scormdown --help` text, and the usage error every command answers wrong arguments with.
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';

export const HELP = `scormdown — Markdown training courses → one SCORM package per language and target
(SCORM 1.2, SCORM 2004 4th Edition: course.yaml's targets)

Usage:
  scormdown build [--lang xx] [--target T] [--course DIR] [--out DIR]
                                                           check, render and zip every language
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
  scormdown translate export --from xx --to yy [--out FILE] [--xliff 2.0|1.2] [--changed]
                                                           one XLIFF file of the edition's texts for a
                                                           translation agency (--changed: only what
                                                           changed since yy was last updated)
  scormdown translate import FILE [--keep-source]          create or update the edition the translated
                                                           file is for, then check it
  scormdown --help | --version

Options:
  --course DIR   course folder with course.yaml (default: ./course)
  --out DIR      output folder (default: ./dist); for translate export, the XLIFF file
                 (default: <course-id>-<from>-<to>.xlf)
  --lang xx      only this language; repeat or comma-separate for several
  --target T     build only this target of course.yaml: scorm12 or scorm2004
  --color        colour the messages (default: when the terminal supports it)
  --port N       preview port (default: 4700, or the next free one)
  --title T      title of the new edition or lesson
  --against OLD  the packages learners have started: a zip, an unpacked package folder,
                 or a folder of them (such as an old dist/)
  --from, --to   the language translated from and the one translated into
  --xliff V      XLIFF version of the export: 2.0 (default) or 1.2
  --keep-source  import units without a translation with their source text (warned)

Exit codes: 0 success, 1 problems in the course content, 2 wrong usage (also an output folder
that cannot be written), 3 internal failure, 130 or 143 when interrupted (Ctrl-C, SIGTERM).
With --against: 1 also when some learners would lose records, progress or answers, when stored
answers or scores would be judged differently, or when that cannot be checked; 0 only when
every learner keeps everything, scored as before. A missing or unreadable OLD is wrong usage (2).
`;

/** Say what is wrong with the arguments (a sentence with its full stop), then the help; exit 2. */
export function usageError(io: Io, sentence: string): number {
  io.err(`${sentence}\n\n${HELP}`);
  return EXIT.usage;
}
