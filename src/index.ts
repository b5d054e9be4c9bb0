// Public API: the stages and the model. Entry file: re-exports only.
export type * from './model/course.js';
export type * from './model/package-file.js';
export { load, type LoadResult, type LoadOptions } from './load/load-course.js';
export { check, answerKey } from './check/check-course.js';
export { buildCourse, checkCourse, zipName, folderName, CATALOG_FILE, type BuildOptions, type BuildResult, type EditionResult } from './pipeline/build-course.js';
export { createMarkdownProcessor, type MarkdownProcessor, type MarkdownProcessorOptions } from './markdown/processor.js';
export { lessonFromMarkdown } from './markdown/lesson-from-markdown.js';
export { renderEdition } from './render/render-edition.js';
export { packageEdition, ManifestError } from './package/package-edition.js';
export { buildManifest, manifestIdentifier } from './package/manifest.js';
export { validateManifest, checkManifestRules } from './package/validate-manifest.js';
export { writeZip } from './package/zip.js';
export { formatMessages } from './cli/report.js';
