// `scormdown new lesson <lang> <id>`: a lesson file with its front matter, named with the next
// free `NN-` prefix so it comes last. Refuses to reuse an id or overwrite a file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Document, parseDocument } from 'yaml';
import { ID_PATTERN, ID_PATTERN_TEXT, LANG_PATTERN } from '../model/ids.js';
import { TEXT_LIMIT } from '../scorm12/limits.js';
import { CONFIG_FILE } from '../load/load-course.js';
import { EDITION_FILE, compareFileNames } from '../load/load-edition.js';
import { ScaffoldError, type ScaffoldResult } from './scaffold-result.js';

export interface LessonScaffoldOptions {
  /** The lesson title (default: the id, to replace). */
  title?: string;
}

interface ExistingLesson {
  fileName: string;
  id?: string;
  assessment: boolean;
}

export async function scaffoldLesson(courseDir: string, lang: string, id: string, options: LessonScaffoldOptions = {}): Promise<ScaffoldResult> {
  if (!ID_PATTERN.test(id) || id.length > TEXT_LIMIT) throw new ScaffoldError(`Unexpected lesson id \`${id}\`, expected ${ID_PATTERN_TEXT} (at most ${TEXT_LIMIT} characters)`);
  const editionDir = path.join(courseDir, lang);
  if (!LANG_PATTERN.test(lang) || !(await exists(path.join(editionDir, EDITION_FILE)))) {
    throw new ScaffoldError(`No edition \`${lang}\` in ${courseDir} (no ${path.join(lang, EDITION_FILE)}): create it first with \`scormdown new edition ${lang}\``);
  }
  const lessons = await existingLessons(editionDir);
  const clash = lessons.find((lesson) => lesson.id === id);
  if (clash !== undefined) throw new ScaffoldError(`Lesson id \`${id}\` is already used by ${path.join(lang, clash.fileName)}; choose another id`);

  const fileName = `${nextPrefix(lessons.map((lesson) => lesson.fileName))}-${id}.md`;
  const filePath = path.join(editionDir, fileName);
  const frontMatter = new Document({ id, title: options.title ?? id }).toString({ lineWidth: 0 });
  try {
    await fs.writeFile(filePath, `---\n${frontMatter}---\n\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`${path.join(lang, fileName)} already exists; nothing was changed`);
    throw error;
  }

  const notes = [`Write the lesson below its front matter (check reports lesson-empty until you do).`];
  if (options.title === undefined) notes.push('Its title is the id for now: change `title:` in the front matter.');
  const last = lessons.at(-1);
  if (last?.assessment === true) notes.push(`It comes after the assessment ${last.fileName}: rename the files to change the order.`);
  const partners = await translationPartners(courseDir, lang);
  if (partners.length > 0) {
    notes.push(`${lang} is translated as ${partners.join(', ')}: add the lesson there too (${partners.map((partner) => `scormdown new lesson ${partner} ${id}`).join('; ')}).`);
  }
  return { created: [filePath], changed: [], notes };
}

/** `01` after nothing, else one more than the highest numeric prefix, as wide as the widest. */
export function nextPrefix(fileNames: readonly string[]): string {
  const prefixes = fileNames.map((name) => /^(\d+)-/.exec(name)?.[1]).filter((prefix): prefix is string => prefix !== undefined);
  const next = prefixes.reduce((highest, prefix) => Math.max(highest, Number(prefix)), 0) + 1;
  const width = Math.max(2, ...prefixes.map((prefix) => prefix.length));
  return String(next).padStart(width, '0');
}

async function existingLessons(editionDir: string): Promise<ExistingLesson[]> {
  const names = (await fs.readdir(editionDir)).filter((name) => name.endsWith('.md')).sort(compareFileNames);
  return Promise.all(names.map(async (fileName) => ({ fileName, ...frontMatterOf(await fs.readFile(path.join(editionDir, fileName), 'utf8')) })));
}

/** The id and assessment flag of a lesson's front matter, as far as it can be read. */
function frontMatterOf(text: string): { id?: string; assessment: boolean } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (match === null) return { assessment: false };
  const value = parseDocument(match[1]!).toJS() as { id?: unknown; assessment?: unknown } | null;
  return { id: value?.id === undefined || value.id === null ? undefined : String(value.id), assessment: value?.assessment === true };
}

/** Other languages in the translation group of `lang`, from course.yaml. */
async function translationPartners(courseDir: string, lang: string): Promise<string[]> {
  const config = parseDocument(await fs.readFile(path.join(courseDir, CONFIG_FILE), 'utf8')).toJS() as { translations?: unknown } | null;
  const groups = Array.isArray(config?.translations) ? config.translations : [];
  const group = groups.find((candidate): candidate is unknown[] => Array.isArray(candidate) && candidate.includes(lang));
  return (group ?? []).filter((partner): partner is string => typeof partner === 'string' && partner !== lang);
}

async function exists(filePath: string): Promise<boolean> {
  return fs.access(filePath).then(() => true, () => false);
}
