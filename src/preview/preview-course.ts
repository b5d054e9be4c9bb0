// The course as the preview server holds it in memory: loaded once, then patched file by file as
// the author edits (one lesson is re-read alone), with the course-wide checks re-run each time.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Course, Edition } from '../model.js';
import { load, loadEdition, loadLesson } from '../load.js';
import { check } from '../check.js';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/processor.js';
import { loadStrings } from '../strings-files.js';

type VFileMessage = VFile['messages'][number];

/** What a change on disk means for the course in memory. */
export type CourseChange =
  | { kind: 'course' }
  | { kind: 'edition'; lang: string }
  | { kind: 'lesson'; lang: string; filePath: string }
  | { kind: 'checks' };

export class PreviewCourse {
  /** Undefined while course.yaml cannot be read. */
  course: Course | undefined;
  /** Every file read (course.yaml first), carrying its current messages. */
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
    if (!course.config.languages.includes(change.lang)) return [];
    if (change.kind === 'lesson' && (await this.reloadLesson(course, change.lang, change.filePath))) return [change.lang];
    await this.reloadEdition(course, change.lang);
    return [change.lang];
  }

  /** The edition of `lang`, if it was loaded. */
  edition(lang: string): Edition | undefined {
    return this.course?.editions.find((edition) => edition.lang === lang);
  }

  /** course.yaml, then the edition's own files. */
  filesOf(lang: string): VFile[] {
    const edition = this.edition(lang);
    const config = this.files[0];
    return [...(config === undefined ? [] : [config]), ...(edition === undefined ? [] : [edition.file, ...edition.lessons.map((lesson) => lesson.file)])];
  }

  /** Re-read one lesson file; false when it is not a lesson of the edition yet (a new file). */
  private async reloadLesson(course: Course, lang: string, filePath: string): Promise<boolean> {
    const edition = this.edition(lang);
    const fileName = path.basename(filePath);
    const index = edition?.lessons.findIndex((lesson) => lesson.fileName === fileName) ?? -1;
    if (edition === undefined || index < 0) return false;
    const lesson = await loadLesson(await this.processor(course, lang), filePath, fileName);
    this.rememberLoadMessages(lesson.file);
    edition.lessons[index] = lesson;
    this.collectFiles(course);
    this.runChecks();
    return true;
  }

  private async reloadEdition(course: Course, lang: string): Promise<void> {
    const edition = await loadEdition(course.dir, lang);
    for (const file of [edition.file, ...edition.lessons.map((lesson) => lesson.file)]) this.rememberLoadMessages(file);
    const index = course.editions.findIndex((existing) => existing.lang === lang);
    if (index < 0) course.editions.push(edition);
    else course.editions[index] = edition;
    this.collectFiles(course);
    this.runChecks();
  }

  /** The same processor loadEdition creates for the language. */
  private async processor(course: Course, lang: string): Promise<MarkdownProcessor> {
    let processor = this.processors.get(lang);
    if (processor === undefined) {
      const strings = (await loadStrings(lang)) ?? (await loadStrings('en'))!;
      processor = createMarkdownProcessor({ strings, courseDir: course.dir });
      this.processors.set(lang, processor);
    }
    return processor;
  }

  /** Same order as load(): course.yaml, then per edition its edition.yaml and its lessons. */
  private collectFiles(course: Course): void {
    this.files = [course.configFile, ...course.editions.flatMap((edition) => [edition.file, ...edition.lessons.map((lesson) => lesson.file)])];
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
