// Validates imsmanifest.xml against the SCORM 1.2 XSDs (xmllint compiled to WebAssembly) and the
// rules the XSDs cannot express.
import { validateXML } from 'xmllint-wasm';
import { DOMParser } from '@xmldom/xmldom';
import { controlDocuments, DRIVER_SCHEMA, NS } from './control-documents.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const PACKAGE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_.\/-]+$/;

/** Problems found, as plain sentences; empty when the manifest is valid. */
export async function validateManifest(xml: string, packagePaths: ReadonlySet<string>, expected: { masteryScore?: number }): Promise<string[]> {
  const problems: string[] = [];
  const xsds = await controlDocuments();
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'driver.xsd', contents: DRIVER_SCHEMA }],
    preload: xsds.map((xsd) => ({ fileName: xsd.name, contents: xsd.data.toString('utf8') })),
  });
  // ims_xml.xsd declares the xml namespace as default, which libxml2 notes as a warning in the
  // schema itself; only problems located in the manifest count.
  for (const error of result.errors) {
    if (error.loc?.fileName === 'imsmanifest.xml') problems.push(`XSD: ${error.rawMessage.trim()}`);
  }
  problems.push(...checkManifestRules(xml, packagePaths, expected));
  return problems;
}

/** Rules beyond the XSDs: identifiers, identifierrefs, listed files, schema text, masteryscore. */
export function checkManifestRules(xml: string, packagePaths: ReadonlySet<string>, expected: { masteryScore?: number }): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const all = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
  const text = (ns: string, name: string) => all(ns, name)[0]?.textContent?.trim();
  const manifest = doc.documentElement;
  if (manifest === null || manifest.namespaceURI !== NS.imscp || manifest.localName !== 'manifest') {
    return ['the root element is not an imscp manifest in the default namespace'];
  }
  if (manifest.prefix !== null && manifest.prefix !== '') problems.push('imscp must be the default namespace');
  if (text(NS.imscp, 'schema') !== 'ADL SCORM') problems.push('metadata/schema must be "ADL SCORM"');
  if (text(NS.imscp, 'schemaversion') !== '1.2') problems.push('metadata/schemaversion must be "1.2"');

  const identifiers = new Set<string>();
  for (const element of [...all(NS.imscp, 'manifest'), ...all(NS.imscp, 'organization'), ...all(NS.imscp, 'item'), ...all(NS.imscp, 'resource')]) {
    const id = element.getAttribute('identifier') ?? '';
    if (!IDENTIFIER.test(id)) problems.push(`identifier "${id}" does not match ${IDENTIFIER.source}`);
    if (identifiers.has(id)) problems.push(`identifier "${id}" is not unique`);
    identifiers.add(id);
  }
  const resources = new Map(all(NS.imscp, 'resource').map((resource) => [resource.getAttribute('identifier') ?? '', resource]));
  const organizations = all(NS.imscp, 'organizations')[0];
  const defaultOrg = organizations?.getAttribute('default');
  if (defaultOrg === null || defaultOrg === undefined || !all(NS.imscp, 'organization').some((org) => org.getAttribute('identifier') === defaultOrg)) {
    problems.push(`organizations/@default "${defaultOrg}" does not name an organization`);
  }
  for (const item of all(NS.imscp, 'item')) {
    const ref = item.getAttribute('identifierref');
    if (ref !== null && !resources.has(ref)) problems.push(`item identifierref "${ref}" does not name a resource`);
  }
  const scos = [...resources.values()].filter((resource) => resource.getAttributeNS(NS.adlcp, 'scormtype') === 'sco');
  if (scos.length !== 1) problems.push(`expected exactly one resource with adlcp:scormtype="sco", found ${scos.length}`);
  for (const resource of resources.values()) {
    const href = resource.getAttribute('href');
    if (href !== null && !packagePaths.has(href)) problems.push(`resource href "${href}" is not in the package`);
  }
  for (const file of all(NS.imscp, 'file')) {
    const href = file.getAttribute('href') ?? '';
    if (!PACKAGE_PATH.test(href)) problems.push(`file href "${href}" is not a plain relative ASCII path`);
    if (!packagePaths.has(href)) problems.push(`file href "${href}" is not in the package`);
  }
  const mastery = all(NS.adlcp, 'masteryscore').map((element) => element.textContent?.trim());
  if (expected.masteryScore === undefined) {
    if (mastery.length > 0) problems.push('adlcp:masteryscore is set although the reporting mode has no pass/fail');
  } else if (mastery.length !== 1 || mastery[0] !== String(expected.masteryScore)) {
    problems.push(`adlcp:masteryscore must be ${expected.masteryScore}, found ${mastery.join(', ') || 'none'}`);
  }
  if (!xml.includes(`xmlns:adlcp="${NS.adlcp}"`)) problems.push('the adlcp namespace must use the prefix "adlcp"');
  return problems;
}
