// imsmanifest.xml for one language edition, built as an XML tree (xmlbuilder2 escapes).
import { create } from 'xmlbuilder2';
import type { CourseConfig, Edition } from '../model.js';
import { NS } from './control-documents.js';

export const MANIFEST_PATH = 'imsmanifest.xml';
export const LAUNCH_PATH = 'index.html';

/** Manifest identifier: language first (SuccessFactors keys on the first 15 characters). */
export function manifestIdentifier(config: CourseConfig, lang: string): string {
  return `${lang.replace(/[^A-Za-z0-9]/g, '_')}_${config.id}_${config.version}`;
}

/** Whether the mode reports passed/failed, so the LMS may derive status from masteryscore. */
export function usesMasteryScore(config: CourseConfig): boolean {
  return config.reporting.startsWith('passed');
}

export function buildManifest(config: CourseConfig, edition: Edition, filePaths: readonly string[]): string {
  const identifier = manifestIdentifier(config, edition.lang);
  const organization = `ORG_${identifier}`;
  const resource = `RES_${identifier}`;
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS.imscp, 'manifest', { identifier, version: config.version })
    .att('xmlns:adlcp', NS.adlcp)
    .att('xmlns:xsi', NS.xsi)
    .att(NS.xsi, 'xsi:schemaLocation', `${NS.imscp} imscp_rootv1p1p2.xsd ${NS.imsmd} imsmd_rootv1p2p1.xsd ${NS.adlcp} adlcp_rootv1p2.xsd`);
  const metadata = root.ele(NS.imscp, 'metadata');
  metadata.ele(NS.imscp, 'schema').txt('ADL SCORM');
  metadata.ele(NS.imscp, 'schemaversion').txt('1.2');

  const org = root.ele(NS.imscp, 'organizations', { default: organization }).ele(NS.imscp, 'organization', { identifier: organization });
  org.ele(NS.imscp, 'title').txt(edition.title);
  const item = org.ele(NS.imscp, 'item', { identifier: `ITEM_${identifier}`, identifierref: resource, isvisible: 'true' });
  item.ele(NS.imscp, 'title').txt(edition.title);
  if (usesMasteryScore(config)) item.ele(NS.adlcp, 'adlcp:masteryscore').txt(String(config.passMark));

  const res = root.ele(NS.imscp, 'resources').ele(NS.imscp, 'resource', { identifier: resource, type: 'webcontent', href: LAUNCH_PATH }).att(NS.adlcp, 'adlcp:scormtype', 'sco');
  for (const filePath of filePaths) res.ele(NS.imscp, 'file', { href: filePath });
  return root.end({ prettyPrint: true });
}
