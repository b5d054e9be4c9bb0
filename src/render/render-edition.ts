// Stage 3: one language edition → the files of its package for one target (pages, lesson scripts,
// shell): the target is that of `shared`, whose runtime and standalone LMS the package gets.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Course, Edition } from '../model/course.js';
import type { PackageFile } from '../model/package-file.js';
import { fill, t } from '../model/strings.js';
import { CSS_PATH, lessonPagePath, lessonScriptPath, mediaPackagePath } from '../contract/package-layout.js';
import { runtimeCourseData } from './course-data.js';
import { fillTemplate, scriptSafeJson } from './templates.js';
import type { SharedAssets } from './shared-assets.js';
import { textDirection } from './text-direction.js';
import { logoHtml, themeCss, themeFiles } from './theme-css.js';

/** The package files of `edition` for `shared.target`, its interface text from `edition.strings`. */
export async function renderEdition(course: Course, edition: Edition, shared: SharedAssets): Promise<PackageFile[]> {
  const strings = edition.strings;
  const files: PackageFile[] = [];
  const add = (filePath: string, data: string | Buffer) => files.push({ path: filePath, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  const common = { lang: edition.lang, dir: textDirection(edition.lang), courseTitle: edition.title, logo: logoHtml(edition.theme) };

  const bodies = edition.lessons.map((lesson) => fillTemplate('lesson-body.html', { lessonId: lesson.id, lessonTitle: lesson.title, body: lesson.html }));
  edition.lessons.forEach((lesson, index) => {
    add(lessonPagePath(lesson.id), fillTemplate('lesson.html', { ...common, lessonId: lesson.id, lessonTitle: lesson.title, body: lesson.html }));
    add(lessonScriptPath(lesson.id), fillTemplate('lesson.js', { lessonIdJson: scriptSafeJson(lesson.id), htmlJson: scriptSafeJson(bodies[index]) }));
  });

  const data = runtimeCourseData(course, edition, shared.target);
  const tocItems = edition.lessons
    // The runtime writes each lesson's state word (visited, completed…) as it starts.
    .map((lesson) => fillTemplate('toc-item.html', { lessonId: lesson.id, lessonTitle: lesson.title }))
    .join('\n');
  add('index.html', fillTemplate('shell.html', {
    ...common,
    // The runtime and the CSS inline: the first lesson does not wait for a request for them.
    runtime: shared.inlineRuntime,
    courseCss: shared.inlineCss,
    // The theme's custom properties after the course stylesheet, in the same <style> element (guarded as it is: themeCss).
    themeCss: themeCss(edition.theme, 'inline'),
    courseJson: scriptSafeJson(data),
    skipToLesson: t(strings, 'skip.toLesson'),
    menu: t(strings, 'nav.menu'),
    exit: t(strings, 'nav.exit'),
    exitShort: t(strings, 'nav.exitShort'),
    noticeExpand: t(strings, 'notice.expand'),
    navLabel: t(strings, 'nav.label'),
    contents: t(strings, 'nav.contents'),
    previous: t(strings, 'nav.previous'),
    next: t(strings, 'nav.next'),
    lessonCount: edition.lessons.length,
    progressText: fill(t(strings, 'progress.value'), { done: 0, total: edition.lessons.length }),
    progressShort: fill(t(strings, 'progress.short'), { done: 0, total: edition.lessons.length }),
    tocItems,
    results: t(strings, 'nav.results'),
    loading: t(strings, 'lesson.loading'),
    loadFailed: t(strings, 'lesson.loadFailed'),
    retryLoad: t(strings, 'lesson.retry'),
    submit: t(strings, 'assessment.submit'),
    retry: t(strings, 'assessment.retry'),
    noAttemptsLeft: t(strings, 'assessment.noAttemptsLeft'),
    resultsTitle: t(strings, 'results.title'),
    print: t(strings, 'results.print'),
    exitRetry: t(strings, 'exit.retry'),
    exitLeave: t(strings, 'exit.leaveUnsaved'),
    // The first lesson is in the launch page itself, so learners see it without a second request.
    firstLesson: bodies[0] ?? '',
  }));

  // The stylesheet of the lesson pages carries the theme too: the shared file, then the theme's block.
  const assetsTheme = themeCss(edition.theme, 'assets');
  for (const asset of shared.files) files.push(asset.path === CSS_PATH && assetsTheme !== '' ? { path: asset.path, data: Buffer.concat([asset.data, Buffer.from(assetsTheme, 'utf8')]) } : asset);
  const media = new Set([...edition.lessons.flatMap((lesson) => lesson.media), ...themeFiles(edition.theme)]);
  for (const mediaPath of [...media].sort()) {
    add(mediaPackagePath(mediaPath), await fs.readFile(path.join(course.dir, ...mediaPath.split('/'))));
  }
  return files;
}
