// `scormdown translate export --from de --to fr [--out FILE] [--xliff 1.2] [--changed]` and
// `scormdown translate import FILE [--keep-source]`: the XLIFF round trip with a translation agency.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT } from './exit-codes.js';
import { usageError } from './help.js';
import type { Io } from './io.js';
import { COLOR_OPTION, colorOf, COURSE_OPTION } from './options.js';
import { printMessages } from './report.js';
import { exportEdition } from '../translate/export-edition.js';
import { importXliff } from '../translate/import-edition.js';
import { TranslationUsageError } from '../translate/translation-error.js';
import type { XliffVersion } from '../translate/xliff-document.js';

export const TRANSLATE_USAGE = 'Usage: scormdown translate export --from <lang> --to <lang> [--out FILE] [--xliff 2.0|1.2] [--changed] | scormdown translate import FILE [--keep-source]';

export const TRANSLATE_OPTIONS = {
  course: COURSE_OPTION,
  color: COLOR_OPTION,
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  xliff: { type: 'string', default: '2.0' },
  changed: { type: 'boolean', default: false },
  'keep-source': { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof TRANSLATE_OPTIONS }>>['values'];

/** `argv`: the whole command line after `scormdown`, with `translate` first among the positionals. */
export async function runTranslateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: TRANSLATE_OPTIONS });
  const [what, ...rest] = positionals.slice(1);
  try {
    if (what === 'export' && rest.length === 0) return await runExport(values, io);
    if (what === 'import' && rest.length === 1) return await runImport(values, rest[0]!, io);
  } catch (error) {
    if (!(error instanceof TranslationUsageError)) throw error;
    io.err(`✗ ${error.message}`);
    return EXIT.usage;
  }
  return usageError(io, `Unexpected \`scormdown ${positionals.join(' ')}\`.\n${TRANSLATE_USAGE}`);
}

async function runExport(values: Values, io: Io): Promise<number> {
  if (values.from === undefined || values.to === undefined) return usageError(io, `translate export needs --from and --to.\n${TRANSLATE_USAGE}`);
  if (values['keep-source']) return usageError(io, '--keep-source is an option of translate import.');
  if (values.xliff !== '2.0' && values.xliff !== '1.2') return usageError(io, `Unexpected --xliff ${values.xliff}, expected 2.0 or 1.2.`);
  const version: XliffVersion = values.xliff;
  const result = await exportEdition({ courseDir: values.course, from: values.from, to: values.to, version, changed: values.changed });
  if (!result.ok) {
    printMessages(result.files, colorOf(values.color), io);
    io.err(`✗ Not exported: the ${values.from} edition has errors (above); fix them first.`);
    return EXIT.contentErrors;
  }
  if (result.xliff === undefined) {
    io.out(`✓ Nothing to translate: every unit of ${values.to} is current with ${values.from} (translation-sources.json, translations.lock); no file written.`);
    return EXIT.ok;
  }
  const out = path.resolve(values.out ?? `${result.courseId}-${values.from}-${values.to}${values.changed ? '-changed' : ''}.xlf`);
  try {
    await fs.writeFile(out, result.xliff);
  } catch (error) {
    throw new TranslationUsageError(`Cannot write ${path.relative(process.cwd(), out)} (${(error as NodeJS.ErrnoException).code ?? 'error'}): choose another --out FILE`);
  }
  const lessons = result.document.files.filter((file) => file.id !== 'edition').length;
  const what = values.changed ? `${result.units} of ${result.totalUnits} units (those changed since ${values.to} was last updated)` : `${result.units} units`;
  io.out(`✓ wrote ${path.relative(process.cwd(), out)}: XLIFF ${version}, ${values.from} → ${values.to}, ${what} in ${lessons} lesson${lessons === 1 ? '' : 's'}`);
  io.out(`  Send it to the translators; import what they send back with: scormdown translate import ${path.relative(process.cwd(), out)}`);
  return EXIT.ok;
}

async function runImport(values: Values, file: string, io: Io): Promise<number> {
  if (values.from !== undefined || values.to !== undefined || values.out !== undefined || values.changed) return usageError(io, `translate import reads the languages from the file; --from, --to, --out and --changed are options of translate export.\n${TRANSLATE_USAGE}`);
  const color = colorOf(values.color);
  const result = await importXliff({ courseDir: values.course, file, keepSource: values['keep-source'] });
  const { errors } = printMessages(result.files, color, io);
  if (!result.ok || errors > 0) {
    io.err(`✗ Not imported: nothing was changed.${result.from === '' ? '' : ` Fix the file (or the ${result.from} edition) and import it again.`}`);
    return EXIT.contentErrors;
  }
  const cwd = process.cwd();
  const { translated, kept, untranslated } = result.units;
  if (result.written.length === 0) io.out(`✓ ${result.to} is already as this file makes it: nothing changed`);
  for (const written of result.written) io.out(`✓ wrote ${path.relative(cwd, written)}`);
  io.out(`  ${translated} units translated from ${result.from}${kept > 0 ? `, ${kept} kept from the ${result.to} edition` : ''}${untranslated > 0 ? `, ${untranslated} left in ${result.from} (--keep-source)` : ''}`);
  const checked = printMessages(result.checked, color, io);
  if (checked.errors > 0) {
    io.err(`✗ The ${result.to} edition was written but does not pass check (above).`);
    return EXIT.contentErrors;
  }
  io.out(`✓ check: ${result.to} passes with its translation group${checked.warnings > 0 ? ` (${checked.warnings} warning${checked.warnings === 1 ? '' : 's'} above)` : ''}`);
  return EXIT.ok;
}
