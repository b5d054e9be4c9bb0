// Stage 4: the files of one edition + manifest + control documents → a validated package, for
// one target: SCORM 1.2 (manifest.ts) or SCORM 2004 4th Edition (manifest-scorm2004.ts).
import { TARGET_NAMES, type Course, type Edition, type Target } from '../model/course.js';
import type { PackageFile } from '../model/package-file.js';
import { controlDocuments, type ControlDocument } from './control-documents.js';
import { controlDocuments2004 } from './control-documents-scorm2004.js';
import { buildManifest, MANIFEST_PATH, usesMasteryScore } from './manifest.js';
import { buildManifest2004 } from './manifest-scorm2004.js';
import { validateManifest } from './validate-manifest.js';
import { validateManifest2004 } from './validate-manifest-scorm2004.js';

export class ManifestError extends Error {
  constructor(readonly lang: string, readonly problems: string[], readonly target: Target = 'scorm12') {
    super(`The manifest of ${lang} is not valid ${TARGET_NAMES[target]}:\n  ${problems.join('\n  ')}`);
  }
}

interface TargetPackaging {
  manifest: (course: Course, edition: Edition, paths: readonly string[]) => string;
  controlDocuments: () => Promise<ControlDocument[]>;
  validate: (course: Course, manifest: string, paths: ReadonlySet<string>) => Promise<string[]>;
}

const PACKAGING: Readonly<Record<Target, TargetPackaging>> = {
  scorm12: {
    manifest: (course, edition, paths) => buildManifest(course.config, edition, paths),
    controlDocuments,
    validate: (course, manifest, paths) => validateManifest(manifest, paths, { masteryScore: usesMasteryScore(course.config) ? course.config.passMark : undefined }),
  },
  scorm2004: {
    manifest: (course, edition, paths) => buildManifest2004(course.config, edition, paths),
    controlDocuments: controlDocuments2004,
    validate: (course, manifest, paths) => validateManifest2004(manifest, paths, { passMark: usesMasteryScore(course.config) ? course.config.passMark : undefined }),
  },
};

/** Add imsmanifest.xml and the target's XSDs to `files`; validate the manifest (throws ManifestError). */
export async function packageEdition(course: Course, edition: Edition, files: readonly PackageFile[], target: Target = 'scorm12'): Promise<PackageFile[]> {
  const packaging = PACKAGING[target];
  const paths = files.map((file) => file.path).sort();
  const manifest = packaging.manifest(course, edition, paths);
  const xsds = await packaging.controlDocuments();
  const all: PackageFile[] = [
    ...files,
    { path: MANIFEST_PATH, data: Buffer.from(manifest, 'utf8') },
    ...xsds.map((xsd) => ({ path: xsd.name, data: xsd.data })),
  ];
  const problems = await packaging.validate(course, manifest, new Set(all.map((file) => file.path)));
  if (problems.length > 0) throw new ManifestError(edition.lang, problems, target);
  return all;
}
