// What a package tells about itself, old or new: its target (SCORM 1.2 or SCORM 2004, from the
// namespace of its manifest), the identifiers and version of its manifest, the learner-state format
// it names, its course data, and its lesson pages (to see text changes).
import { DOMParser } from '@xmldom/xmldom';
import type { Target } from '../model/course.js';
import { NS } from '../package/control-documents.js';
import { NS_2004 } from '../package/control-documents-scorm2004.js';
import { LAUNCH_PAGE } from '../contract/package-layout.js';
import { MANIFEST_PATH, STATE_FORMAT_COMMENT } from '../package/manifest.js';
import { CourseDataError, readPackagedCourse, type PackagedCourse } from './packaged-course.js';
import type { PackageSource } from './package-sources.js';
import { UpdateCheckError } from './update-check-error.js';

export interface ManifestFacts {
  /** The SCORM version the package is for: its manifest's content-packaging namespace says. */
  target: Target;
  identifier: string;
  /** The manifest's version attribute, when it has one. */
  version: string | undefined;
  organizations: string[];
  items: string[];
  resources: string[];
  /** The learner-state format named in the manifest; undefined for packages made before it was. */
  stateFormat: string | undefined;
}

export interface PackageFacts {
  location: string;
  kind: PackageSource['kind'];
  manifest: ManifestFacts;
  course: PackagedCourse;
  /** Lesson id → the text of its page, for the lessons whose page the package has. */
  pages: ReadonlyMap<string, string>;
}

const COMMENT_NODE = 8;
/** The content-packaging namespace of each target's manifests (the default namespace of the root). */
const TARGET_OF_NAMESPACE: ReadonlyMap<string, Target> = new Map([[NS.imscp, 'scorm12'], [NS_2004.imscp, 'scorm2004']]);
const STATE_FORMAT = new RegExp(`^\\s*${STATE_FORMAT_COMMENT} (\\S+)\\s*$`);

/** Read a package. Throws UpdateCheckError, naming the package, when it is not a scormdown package. */
export async function readPackageFacts(source: PackageSource): Promise<PackageFacts> {
  const [manifestXml, indexHtml] = await Promise.all([source.read(MANIFEST_PATH), source.read(LAUNCH_PAGE)]);
  if (manifestXml === undefined) throw new UpdateCheckError(`${source.location} is not a SCORM package: it has no ${MANIFEST_PATH}`);
  if (indexHtml === undefined) throw new UpdateCheckError(`${source.location} is not a scormdown package: it has no ${LAUNCH_PAGE}`);
  const manifest = readManifest(manifestXml.toString('utf8'), source.location);
  let course: PackagedCourse;
  try {
    course = readPackagedCourse(indexHtml.toString('utf8'));
  } catch (error) {
    if (error instanceof CourseDataError) throw new UpdateCheckError(`${source.location} cannot be compared: ${error.message}`);
    throw error;
  }
  const pages = new Map<string, string>();
  for (const lesson of course.lessons) {
    const page = await source.read(lesson.page);
    if (page !== undefined) pages.set(lesson.id, page.toString('utf8'));
  }
  return { location: source.location, kind: source.kind, manifest, course, pages };
}

function readManifest(xml: string, location: string): ManifestFacts {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') problems.push(message); } }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  const target = TARGET_OF_NAMESPACE.get(root?.namespaceURI ?? '');
  if (problems.length > 0 || root === null || target === undefined || root.localName !== 'manifest') {
    throw new UpdateCheckError(`${location} has an unreadable ${MANIFEST_PATH}${problems.length > 0 ? ` (${problems[0]!.split('\n')[0]})` : ''}`);
  }
  const identifiers = (name: string) => Array.from(doc.getElementsByTagNameNS(root.namespaceURI, name)).map((element) => element.getAttribute('identifier') ?? '');
  let stateFormat: string | undefined;
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType !== COMMENT_NODE) continue;
    stateFormat ??= STATE_FORMAT.exec(node.nodeValue ?? '')?.[1];
  }
  return {
    target,
    identifier: root.getAttribute('identifier') ?? '',
    version: root.getAttribute('version') ?? undefined,
    organizations: identifiers('organization'),
    items: identifiers('item'),
    resources: identifiers('resource'),
    stateFormat,
  };
}
