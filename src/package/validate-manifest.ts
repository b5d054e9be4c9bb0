// Validates imsmanifest.xml against the SCORM 1.2 XSDs (xmllint compiled to WebAssembly) and the
// rules the XSDs cannot express. The XSD run and the content-package rules both SCORM versions
// share are here too, for validate-manifest-scorm2004.ts.
import { validateXML } from 'xmllint-wasm';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { controlDocuments, DRIVER_SCHEMA, NS, type ControlDocument } from './control-documents.js';
import { MANIFEST_PATH } from './manifest.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const PACKAGE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_.\/-]+$/;

/** Problems found, as plain sentences; empty when the manifest is valid. */
export async function validateManifest(xml: string, packagePaths: ReadonlySet<string>, expected: { masteryScore?: number }): Promise<string[]> {
  const problems = await xsdProblems(xml, DRIVER_SCHEMA, await controlDocuments());
  problems.push(...checkManifestRules(xml, packagePaths, expected));
  return problems;
}

/**
 * The manifest validated by xmllint against `driver`, a schema that imports the control documents
 * `xsds`. Only problems located in the manifest count: libxml2 notes some things about the XSDs
 * themselves as warnings (ims_xml.xsd of SCORM 1.2 declares the xml namespace as its default).
 *
 * The manifests asked for in one turn of the event loop with the same driver (every package of a
 * target in a build) are validated by one xmllint run: each run starts a worker and compiles the
 * XSDs, which costs more than validating ten manifests.
 */
export function xsdProblems(xml: string, driver: string, xsds: readonly ControlDocument[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let batch = batches.get(driver);
    if (batch === undefined) {
      const created: Batch = { xsds, pending: [] };
      batches.set(driver, created);
      setImmediate(() => {
        batches.delete(driver);
        runBatch(driver, created).catch((error: unknown) => {
          for (const request of created.pending) request.reject(error);
        });
      });
      batch = created;
    }
    batch.pending.push({ xml, resolve, reject });
  });
}

interface Batch {
  xsds: readonly ControlDocument[];
  pending: Array<{ xml: string; resolve: (problems: string[]) => void; reject: (error: unknown) => void }>;
}

const batches = new Map<string, Batch>();

async function runBatch(driver: string, batch: Batch): Promise<void> {
  // Each manifest under a name of its own, so that every problem is told to the manifest it is in.
  const names = batch.pending.map((_, index) => `imsmanifest-${index + 1}.xml`);
  const result = await validateXML({
    xml: batch.pending.map((request, index) => ({ fileName: names[index]!, contents: request.xml })),
    schema: [{ fileName: 'driver.xsd', contents: driver }],
    preload: batch.xsds.map((xsd) => ({ fileName: xsd.name, contents: xsd.data.toString('utf8') })),
  });
  // An XSD libxml2 cannot load or compile is a warning to it: the import is skipped, and with the
  // lax wildcards of the content-packaging XSDs the manifest then "validates" without its namespace
  // being checked at all. That is a failure of the validation, not a pass.
  const skipped = result.rawOutput.split('\n').filter((line) => /failed to load|Skipping the import|failed to compile|Failed to parse/i.test(line));
  batch.pending.forEach((request, index) => {
    const name = names[index]!;
    const problems = result.errors
      .filter((error) => error.loc?.fileName === name)
      .map((error) => `XSD: ${error.rawMessage.trim().replace(name, MANIFEST_PATH)}`);
    if (skipped.length > 0) problems.push(`XSD: the control documents could not all be loaded, so the manifest was not fully validated: ${skipped.map((line) => line.trim()).join('; ')}`);
    request.resolve(problems);
  });
}

/** Rules beyond the XSDs: identifiers, identifierrefs, listed files, schema text, masteryscore. */
export function checkManifestRules(xml: string, packagePaths: ReadonlySet<string>, expected: { masteryScore?: number }): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const all = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
  const root = checkRoot(doc, NS.imscp, '1.2');
  if (typeof root === 'string') return [root];
  const problems = [...root, ...checkPackageRules(doc, { imscp: NS.imscp, adlcp: NS.adlcp, scormType: 'scormtype' }, packagePaths)];
  const mastery = all(NS.adlcp, 'masteryscore').map((element) => element.textContent?.trim());
  if (expected.masteryScore === undefined) {
    if (mastery.length > 0) problems.push('adlcp:masteryscore is set although the reporting mode has no pass/fail');
  } else if (mastery.length !== 1 || mastery[0] !== String(expected.masteryScore)) {
    problems.push(`adlcp:masteryscore must be ${expected.masteryScore}, found ${mastery.join(', ') || 'none'}`);
  }
  if (!xml.includes(`xmlns:adlcp="${NS.adlcp}"`)) problems.push('the adlcp namespace must use the prefix "adlcp"');
  return problems;
}

/**
 * The root is a manifest in the content-packaging namespace `imscp`, as the default namespace, with
 * the schema and schemaversion of SCORM `version`: the problems, or one string when the root is
 * no manifest at all (nothing else can be checked then).
 */
export function checkRoot(doc: Document, imscp: string, version: string): string[] | string {
  const manifest = doc.documentElement;
  if (manifest === null || manifest.namespaceURI !== imscp || manifest.localName !== 'manifest') {
    return 'the root element is not an imscp manifest in the default namespace';
  }
  const problems: string[] = [];
  const text = (name: string) => doc.getElementsByTagNameNS(imscp, name)[0]?.textContent?.trim();
  if (manifest.prefix !== null && manifest.prefix !== '') problems.push('imscp must be the default namespace');
  if (text('schema') !== 'ADL SCORM') problems.push('metadata/schema must be "ADL SCORM"');
  if (text('schemaversion') !== version) problems.push(`metadata/schemaversion must be "${version}"`);
  return problems;
}

/**
 * The content-package rules of both SCORM versions that the XSDs cannot express: identifiers
 * well-formed and unique, the default organization and every identifierref naming what exists,
 * exactly one SCO, every href a plain relative path to a file of the package, and every file of the
 * package listed (save the manifest and the control documents, which `unlisted` names).
 */
export function checkPackageRules(
  doc: Document,
  ns: { imscp: string; adlcp: string; scormType: 'scormtype' | 'scormType' },
  packagePaths: ReadonlySet<string>,
  unlisted?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const all = (name: string) => Array.from(doc.getElementsByTagNameNS(ns.imscp, name));
  const identifiers = new Set<string>();
  for (const element of [...all('manifest'), ...all('organization'), ...all('item'), ...all('resource')]) {
    const id = element.getAttribute('identifier') ?? '';
    if (!IDENTIFIER.test(id)) problems.push(`identifier "${id}" does not match ${IDENTIFIER.source}`);
    if (identifiers.has(id)) problems.push(`identifier "${id}" is not unique`);
    identifiers.add(id);
  }
  const resources = new Map(all('resource').map((resource) => [resource.getAttribute('identifier') ?? '', resource]));
  const defaultOrg = all('organizations')[0]?.getAttribute('default');
  if (defaultOrg === null || defaultOrg === undefined || !all('organization').some((org) => org.getAttribute('identifier') === defaultOrg)) {
    problems.push(`organizations/@default "${defaultOrg}" does not name an organization`);
  }
  for (const item of all('item')) {
    const ref = item.getAttribute('identifierref');
    if (ref !== null && !resources.has(ref)) problems.push(`item identifierref "${ref}" does not name a resource`);
  }
  const scos = [...resources.values()].filter((resource) => resource.getAttributeNS(ns.adlcp, ns.scormType) === 'sco');
  if (scos.length !== 1) problems.push(`expected exactly one resource with adlcp:${ns.scormType}="sco", found ${scos.length}`);
  for (const resource of resources.values()) {
    const href = resource.getAttribute('href');
    if (href !== null && !packagePaths.has(href)) problems.push(`resource href "${href}" is not in the package`);
  }
  const listed = new Set<string>();
  for (const file of all('file')) {
    const href = file.getAttribute('href') ?? '';
    if (!PACKAGE_PATH.test(href)) problems.push(`file href "${href}" is not a plain relative ASCII path`);
    if (!packagePaths.has(href)) problems.push(`file href "${href}" is not in the package`);
    listed.add(href);
  }
  if (unlisted !== undefined) {
    for (const packagePath of packagePaths) {
      if (!listed.has(packagePath) && !unlisted.has(packagePath)) problems.push(`package file "${packagePath}" is not listed in the manifest`);
    }
  }
  return problems;
}
