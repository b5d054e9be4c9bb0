// Stage 4: the files of one edition + manifest + control documents → a validated package.
import type { Course, Edition } from '../model/course.js';
import type { PackageFile } from '../model/package-file.js';
import { controlDocuments } from './control-documents.js';
import { buildManifest, MANIFEST_PATH, usesMasteryScore } from './manifest.js';
import { validateManifest } from './validate-manifest.js';

export class ManifestError extends Error {
  constructor(readonly lang: string, readonly problems: string[]) {
    super(`The manifest of ${lang} is not valid SCORM 1.2:\n  ${problems.join('\n  ')}`);
  }
}

/** Add imsmanifest.xml and the XSDs to `files`; validate the manifest (throws ManifestError). */
export async function packageEdition(course: Course, edition: Edition, files: readonly PackageFile[]): Promise<PackageFile[]> {
  const paths = files.map((file) => file.path).sort();
  const manifest = buildManifest(course.config, edition, paths);
  const xsds = await controlDocuments();
  const all: PackageFile[] = [
    ...files,
    { path: MANIFEST_PATH, data: Buffer.from(manifest, 'utf8') },
    ...xsds.map((xsd) => ({ path: xsd.name, data: xsd.data })),
  ];
  const problems = await validateManifest(manifest, new Set(all.map((file) => file.path)), {
    masteryScore: usesMasteryScore(course.config) ? course.config.passMark : undefined,
  });
  if (problems.length > 0) throw new ManifestError(edition.lang, problems);
  return all;
}
