// The package files of each language edition under each reporting mode for each target, rendered
// in memory with the build's own stages (renderEdition, packageEdition) and the edition's own UI
// strings, as build renders them, and kept until the course changes. An edition with errors (its strings files
// included) keeps serving its last good rendering, under the emulator's error overlay.
import type { ReportingMode, Target } from '../model/course.js';
import { hasErrors } from '../model/messages.js';
import { renderEdition } from '../render/render-edition.js';
import { sharedAssets } from '../render/shared-assets.js';
import { packageEdition } from '../package/package-edition.js';
import type { PreviewCourse } from './preview-course.js';

/** Package-relative path → bytes. */
export type PackageContents = ReadonlyMap<string, Buffer>;

export class RenderedEditions {
  private readonly current = new Map<string, Promise<PackageContents>>();
  private readonly lastGood = new Map<string, PackageContents>();

  constructor(private readonly preview: PreviewCourse) {}

  /** Forget the renderings of these languages (all when omitted). */
  invalidate(languages?: readonly string[]): void {
    if (languages === undefined) {
      this.current.clear();
      return;
    }
    for (const key of [...this.current.keys()]) {
      if (languages.includes(languageOf(key))) this.current.delete(key);
    }
  }

  /** The files of `lang` under `mode` in the package of `target`; undefined when there is no such edition. */
  async get(lang: string, mode: ReportingMode, target: Target = 'scorm12'): Promise<PackageContents | undefined> {
    if (this.preview.edition(lang) === undefined) return undefined;
    const key = `${lang}\u0000${mode}\u0000${target}`;
    let pending = this.current.get(key);
    if (pending === undefined) {
      pending = this.render(key, lang, mode, target);
      this.current.set(key, pending);
      pending.catch(() => this.current.delete(key));
    }
    return pending;
  }

  private async render(key: string, lang: string, mode: ReportingMode, target: Target): Promise<PackageContents> {
    const course = this.preview.course;
    const edition = this.preview.edition(lang);
    const previous = this.lastGood.get(key);
    if (course === undefined || edition === undefined) throw new Error(`No edition ${lang} to render`);
    if (previous !== undefined && hasErrors(this.preview.filesOf(lang))) return previous;
    const withMode = { ...course, config: { ...course.config, reporting: mode } };
    const files = await packageEdition(withMode, edition, await renderEdition(withMode, edition, await sharedAssets(target)), target);
    const contents = new Map(files.map((file) => [file.path, file.data]));
    if (!hasErrors(this.preview.filesOf(lang))) this.lastGood.set(key, contents);
    return contents;
  }
}

function languageOf(key: string): string {
  return key.slice(0, key.indexOf('\u0000'));
}
