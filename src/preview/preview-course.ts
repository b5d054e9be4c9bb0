// The course as the preview server holds it in memory: loaded once, then patched file by file as
// the author edits (one lesson is re-read alone, a course strings file re-reads the editions that
// use it), with the course-wide checks re-run each time. The UI strings are the load stage's
// (Edition.strings): resolved for every edition at once, so a strings file that two editions read
// (strings/de.json for de and de-AT) stays one file, as in `check`.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Course, Edition } from '../model/course.js';
import { load } from '../load/load-course.js';
import { loadEdition, loadLesson } from '../load/load-edition.js';
import { resolveEditionStrings, stringsOf, withStrings, type EditionStrings } from '../load/edition-strings.js';
import { check } from '../check/check-course.js';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/processor.js';
import { baseLanguage } from '../load/shipped-strings.js';
import { applyEditionTheme, reportCourseLogoAlt } from '../load/edition-theme.js';

type VFileMessage = VFile['messages'][number];

/** What a change on disk means for the course in memory. */
export type CourseChange =
  | { kind: 'course' }
  | { kind: 'edition'; lang: string }
  | { kind: 'lesson'; lang: string; filePath: string }
  /** The course's strings/<lang>.json: the editions of `lang` and of its regional variants. */
  | { kind: 'strings'; lang: string }
  | { kind: 'checks' };

export class PreviewCourse {
  /** Undefined while course.yaml cannot be read. */
  course: Course | undefined;
  /** Every file read (course.yaml first, the course's strings files last, as load() lists them), carrying its current messages. */
  files: VFile[] = [];
  /** Messages each file had right after it was read, before the course-wide checks. */
  private readonly loadMessages = new WeakMap<VFile, VFileMessage[]>();
  private readonly processors = new Map<string, MarkdownProcessor>();

  constructor(readonly courseDir: string) {}

  /** Read the whole course again. */
  async loadAll(): Promise<void> {
    const loaded = await load(this.courseDir);
    this.course = loaded.course;
    this.files = loaded.files;
    this.processors.clear();
    for (const file of this.files) this.rememberLoadMessages(file);
    this.runChecks();
  }

  /** Apply one change; returns the languages whose pages changed. */
  async apply(change: CourseChange): Promise<string[]> {
    const course = this.course;
    if (course === undefined || change.kind === 'course') {
      await this.loadAll();
      return this.course?.editions.map((edition) => edition.lang) ?? [];
    }
    if (change.kind === 'checks') {
      this.runChecks();
      return [];
    }
    if (change.kind === 'strings') {
      const languages = course.editions.map((edition) => edition.lang).filter((lang) => lang === change.lang || baseLanguage(lang) === change.lang);
      // No edition reads the file: nothing changes.
      if (languages.length === 0) return [];
      const strings = await this.resolveStrings(course);
      for (const lang of languages) await this.reloadEdition(course, lang, strings.get(lang)!);
      return languages;
    }
    if (!course.config.languages.includes(change.lang)) return [];
    if (change.kind === 'lesson' && (await this.reloadLesson(course, change.lang, change.filePath))) return [change.lang];
    await this.reloadEdition(course, change.lang);
    return [change.lang];
  }

  /** The edition of `lang`, if it was loaded. */
  edition(lang: string): Edition | undefined {
    return this.course?.editions.find((edition) => edition.lang === lang);
  }

  /** course.yaml, then the edition's own files and the course strings files it reads (what build checks before rendering it). */
  filesOf(lang: string): VFile[] {
    const edition = this.edition(lang);
    const config = this.files[0];
    return [...(config === undefined ? [] : [config]), ...(edition === undefined ? [] : [edition.file, ...edition.lessons.map((lesson) => lesson.file), ...edition.stringsFiles])];
  }

  /** Re-read one lesson file; false when it is not a lesson of the edition yet (a new file). */
  private async reloadLesson(course: Course, lang: string, filePath: string): Promise<boolean> {
    const edition = this.edition(lang);
    const fileName = path.basename(filePath);
    const index = edition?.lessons.findIndex((lesson) => lesson.fileName === fileName) ?? -1;
    if (edition === undefined || index < 0) return false;
    const lesson = await loadLesson(this.processor(course, lang), filePath);
    this.rememberLoadMessages(lesson.file);
    edition.lessons[index] = lesson;
    this.collectFiles(course);
    this.runChecks();
    return true;
  }

  /**
   * Re-read an edition's folder with `strings`; by default the strings it has (its strings files
   * did not change), or, for an edition not loaded before, the strings of every edition again.
   */
  private async reloadEdition(course: Course, lang: string, strings?: EditionStrings): Promise<void> {
    const existing = this.edition(lang);
    const edition = await loadEdition(course.dir, lang, strings ?? (existing === undefined ? (await this.resolveStrings(course)).get(lang)! : stringsOf(existing)));
    // Its edition.yaml may change the course's theme: worked out as load() does.
    applyEditionTheme(course, edition);
    for (const file of [edition.file, ...edition.lessons.map((lesson) => lesson.file)]) this.rememberLoadMessages(file);
    // Its strings may have changed: the next lesson re-read makes a processor with the new ones.
    this.processors.delete(lang);
    const index = course.editions.findIndex((existing) => existing.lang === lang);
    if (index < 0) course.editions.push(edition);
    else course.editions[index] = edition;
    // course.yaml's logo may now have alt text for it, or lack it: those messages, again for every edition.
    const configFile = course.configFile;
    configFile.messages = (this.loadMessages.get(configFile) ?? []).filter((message) => message.ruleId !== 'theme-logo-alt-missing');
    reportCourseLogoAlt(course, course.editions);
    this.rememberLoadMessages(configFile);
    this.collectFiles(course);
    this.runChecks();
  }

  /**
   * Read the course's strings files again and resolve every edition's strings, as load() does; each
   * edition takes its new strings part now (the unchanged ones read the same text from new files).
   */
  private async resolveStrings(course: Course): Promise<Map<string, EditionStrings>> {
    const strings = await resolveEditionStrings(course.dir, [...new Set([...course.editions.map((edition) => edition.lang), ...course.config.languages])]);
    course.editions = course.editions.map((edition) => withStrings(edition, strings.get(edition.lang)!));
    for (const file of new Set([...strings.values()].flatMap((resolved) => resolved.stringsFiles))) this.rememberLoadMessages(file);
    this.collectFiles(course);
    return strings;
  }

  /** The same processor loadEdition creates for the language: with the edition's own strings. */
  private processor(course: Course, lang: string): MarkdownProcessor {
    let processor = this.processors.get(lang);
    if (processor === undefined) {
      processor = createMarkdownProcessor({ strings: this.edition(lang)!.strings, courseDir: course.dir });
      this.processors.set(lang, processor);
    }
    return processor;
  }

  /**
   * Same order as load(): course.yaml, then per edition its edition.yaml and its lessons, then the
   * course's strings files, each once (strings/de.json for de and de-AT is one file).
   */
  private collectFiles(course: Course): void {
    const stringsFiles = new Set(course.editions.flatMap((edition) => edition.stringsFiles));
    this.files = [course.configFile, ...course.editions.flatMap((edition) => [edition.file, ...edition.lessons.map((lesson) => lesson.file)]), ...stringsFiles];
    course.files = this.files;
  }

  private rememberLoadMessages(file: VFile): void {
    this.loadMessages.set(file, [...file.messages]);
  }

  /** Drop the previous course-wide messages and check the course again. */
  private runChecks(): void {
    for (const file of this.files) file.messages = [...(this.loadMessages.get(file) ?? file.messages)];
    if (this.course !== undefined) check(this.course);
  }
}
