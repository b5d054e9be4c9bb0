// imsmanifest.xml for one language edition, built as an XML tree (xmlbuilder2 escapes).
import { create } from 'xmlbuilder2';
import type { CourseConfig, Edition } from '../model/course.js';
import { LAUNCH_PAGE } from '../contract/package-layout.js';
import { STATE_FORMAT_VERSION } from '../runtime/logic/state-codec.js';
import { NS } from './control-documents.js';

export const MANIFEST_PATH = 'imsmanifest.xml';

/**
 * The comment in every manifest that names the learner-state format (suspend_data) its runtime
 * writes, so that `check --against` can tell whether a new package reads an old one's resume data.
 * The XSDs' extension points are strict, so a comment is the one place that keeps the manifest valid.
 */
export const STATE_FORMAT_COMMENT = 'scormdown learner-state format';

/** The identifiers of a package; LMSes match an updated package's items to the old ones by them. */
export interface PackageIdentifiers {
  manifest: string;
  organization: string;
  item: string;
  resource: string;
}

/**
 * Manifest identifier: language first (SuccessFactors keys on the first 15 characters), then the
 * course id. Never the version: Moodle and Totara delete the learner records of an item whose
 * identifier changes when a package is replaced.
 */
export function manifestIdentifier(config: Pick<CourseConfig, 'id'>, lang: string): string {
  return `${lang.replace(/[^A-Za-z0-9]/g, '_')}_${config.id}`;
}

export function packageIdentifiers(config: Pick<CourseConfig, 'id'>, lang: string): PackageIdentifiers {
  const manifest = manifestIdentifier(config, lang);
  return { manifest, organization: `ORG_${manifest}`, item: `ITEM_${manifest}`, resource: `RES_${manifest}` };
}

/** Whether the mode reports passed/failed, so the LMS may derive status from masteryscore. */
export function usesMasteryScore(config: CourseConfig): boolean {
  return config.reporting.startsWith('passed');
}

export function buildManifest(config: CourseConfig, edition: Edition, filePaths: readonly string[]): string {
  const identifiers = packageIdentifiers(config, edition.lang);
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS.imscp, 'manifest', { identifier: identifiers.manifest, version: config.version })
    .att('xmlns:adlcp', NS.adlcp)
    .att('xmlns:xsi', NS.xsi)
    .att(NS.xsi, 'xsi:schemaLocation', `${NS.imscp} imscp_rootv1p1p2.xsd ${NS.imsmd} imsmd_rootv1p2p1.xsd ${NS.adlcp} adlcp_rootv1p2.xsd`);
  root.com(` ${STATE_FORMAT_COMMENT} ${STATE_FORMAT_VERSION} `);
  const metadata = root.ele(NS.imscp, 'metadata');
  metadata.ele(NS.imscp, 'schema').txt('ADL SCORM');
  metadata.ele(NS.imscp, 'schemaversion').txt('1.2');

  const org = root.ele(NS.imscp, 'organizations', { default: identifiers.organization }).ele(NS.imscp, 'organization', { identifier: identifiers.organization });
  org.ele(NS.imscp, 'title').txt(edition.title);
  const item = org.ele(NS.imscp, 'item', { identifier: identifiers.item, identifierref: identifiers.resource, isvisible: 'true' });
  item.ele(NS.imscp, 'title').txt(edition.title);
  if (usesMasteryScore(config)) item.ele(NS.adlcp, 'adlcp:masteryscore').txt(String(config.passMark));

  const res = root.ele(NS.imscp, 'resources').ele(NS.imscp, 'resource', { identifier: identifiers.resource, type: 'webcontent', href: LAUNCH_PAGE }).att(NS.adlcp, 'adlcp:scormtype', 'sco');
  for (const filePath of filePaths) res.ele(NS.imscp, 'file', { href: filePath });
  return root.end({ prettyPrint: true });
}
