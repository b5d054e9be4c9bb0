// Validates the imsmanifest.xml of a SCORM 2004 4th Edition package against the 4th Edition XSDs
// (xmllint compiled to WebAssembly, as for SCORM 1.2) and the rules the XSDs cannot express.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { CONTROL_DOCUMENTS_2004, controlDocuments2004, DRIVER_SCHEMA_2004, NS_2004 } from './control-documents-scorm2004.js';
import { MANIFEST_PATH } from './manifest.js';
import { HIDDEN_LMS_UI, minNormalizedMeasure, SCHEMA_VERSION_2004 } from './manifest-scorm2004.js';
import { checkPackageRules, checkRoot, xsdProblems } from './validate-manifest.js';

/** What the course says the manifest must hold. */
export interface Expected2004 {
  /** The pass mark when the reporting mode reports passed/failed (the primary objective is then satisfied by measure). */
  passMark?: number;
}

/** Problems found, as plain sentences; empty when the manifest is valid. */
export async function validateManifest2004(xml: string, packagePaths: ReadonlySet<string>, expected: Expected2004): Promise<string[]> {
  const problems = await xsdProblems(xml, DRIVER_SCHEMA_2004, await controlDocuments2004());
  problems.push(...checkManifestRules2004(xml, packagePaths, expected));
  return problems;
}

/**
 * Rules beyond the XSDs: those of every content package (identifiers, identifierrefs, hrefs, every
 * file listed), the schema text, one SCO, and the sequencing the course's reporting mode asks for.
 */
export function checkManifestRules2004(xml: string, packagePaths: ReadonlySet<string>, expected: Expected2004): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = checkRoot(doc, NS_2004.imscp, SCHEMA_VERSION_2004);
  if (typeof root === 'string') return [root];
  const unlisted = new Set<string>([MANIFEST_PATH, ...CONTROL_DOCUMENTS_2004]);
  const problems = [...root, ...checkPackageRules(doc, { imscp: NS_2004.imscp, adlcp: NS_2004.adlcp, scormType: 'scormType' }, packagePaths, unlisted)];
  const all = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
  const items = all(NS_2004.imscp, 'item');
  if (items.length !== 1) problems.push(`expected exactly one item, found ${items.length}`);
  const item = items[0];
  if (item === undefined) return problems;

  const childrenOf = (element: Element, ns: string, name: string) => Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name);
  const sequencing = childrenOf(item, NS_2004.imsss, 'sequencing')[0];
  const delivery = sequencing === undefined ? undefined : childrenOf(sequencing, NS_2004.imsss, 'deliveryControls')[0];
  if (delivery?.getAttribute('completionSetByContent') !== 'true' || delivery.getAttribute('objectiveSetByContent') !== 'true') {
    problems.push('the item\'s imsss:deliveryControls must set completionSetByContent and objectiveSetByContent to "true" (else the LMS marks a SCO that ends early completed and satisfied)');
  }
  const primary = all(NS_2004.imsss, 'primaryObjective');
  const measures = all(NS_2004.imsss, 'minNormalizedMeasure').map((element) => element.textContent?.trim());
  if (expected.passMark === undefined) {
    if (primary.some((objective) => objective.getAttribute('satisfiedByMeasure') === 'true')) {
      problems.push('the primary objective is satisfied by measure although the reporting mode has no pass/fail');
    }
  } else {
    const wanted = minNormalizedMeasure(expected.passMark);
    if (primary.length !== 1 || primary[0]!.getAttribute('satisfiedByMeasure') !== 'true') problems.push('the item needs one imsss:primaryObjective with satisfiedByMeasure="true"');
    if (measures.length !== 1 || Number(measures[0]) !== Number(wanted)) problems.push(`imsss:minNormalizedMeasure must be ${wanted}, found ${measures.join(', ') || 'none'}`);
  }
  const hidden = all(NS_2004.adlnav, 'hideLMSUI').map((element) => element.textContent?.trim());
  if (hidden.join(' ') !== HIDDEN_LMS_UI.join(' ')) problems.push(`adlnav:hideLMSUI must be ${HIDDEN_LMS_UI.join(', ')}, found ${hidden.join(', ') || 'none'}`);
  // Order within item as SCORM 2004's content aggregation model gives it (not checked by the XSDs).
  const order = Array.from(item.childNodes).filter((node): node is Element => node.nodeType === 1).map((element) => `${element.namespaceURI === NS_2004.imscp ? '' : `${element.prefix}:`}${element.localName}`);
  const expectedOrder = ['title', 'imsss:sequencing', 'adlnav:presentation'];
  if (order.join(' ') !== expectedOrder.join(' ')) problems.push(`the item's children must be ${expectedOrder.join(', ')}, found ${order.join(', ')}`);
  for (const [prefix, ns] of [['adlcp', NS_2004.adlcp], ['adlseq', NS_2004.adlseq], ['adlnav', NS_2004.adlnav], ['imsss', NS_2004.imsss]] as const) {
    if (!xml.includes(`xmlns:${prefix}="${ns}"`)) problems.push(`the ${prefix} namespace must use the prefix "${prefix}"`);
  }
  return problems;
}
