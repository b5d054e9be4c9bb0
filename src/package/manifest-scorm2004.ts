// imsmanifest.xml of a SCORM 2004 4th Edition package for one language edition, built as an XML
// tree (xmlbuilder2 escapes), beside the SCORM 1.2 one in manifest.ts: the same identifiers, the
// same title, every file listed; SCORM 2004's sequencing says how the LMS judges the one SCO.
import { create } from 'xmlbuilder2';
import type { CourseConfig, Edition } from '../model/course.js';
import { LAUNCH_PAGE } from '../contract/package-layout.js';
import { STATE_FORMAT_VERSION } from '../runtime/logic/state-codec.js';
import { NS_2004, SCHEMA_LOCATION_2004 } from './control-documents-scorm2004.js';
import { packageIdentifiers, STATE_FORMAT_COMMENT, usesMasteryScore } from './manifest.js';

export const SCHEMA_VERSION_2004 = '2004 4th Edition';

/** An element being built (xmlbuilder2 exports the type only from a deep path). */
type XmlNode = ReturnType<typeof create>;

/**
 * The primary objective's id. It needs none of ours (objective ids are local to their activity and
 * nothing maps it to a global objective); a fixed one keeps it the same across versions and languages.
 */
export const PRIMARY_OBJECTIVE_ID = 'PRIMARYOBJ';

/**
 * The LMS buttons the manifest hides: the course is one SCO with its own lesson navigation, so the
 * LMS's Continue and Previous (to the next or previous activity) have nowhere to go. Exit, Suspend
 * and Abandon stay: they are how a learner leaves through the LMS.
 */
export const HIDDEN_LMS_UI = ['continue', 'previous'] as const;

/** The pass mark (0–100) as imsss:minNormalizedMeasure, a decimal from 0 to 1: 80 → "0.8". */
export function minNormalizedMeasure(passMark: number): string {
  return String(passMark / 100);
}

/**
 * The manifest. The item's sequencing:
 *
 * - `deliveryControls completionSetByContent objectiveSetByContent`: the SCO reports completion
 *   and success itself. Left at their defaults (false), the LMS would set the attempt completed,
 *   and the objective satisfied, when the SCO ends without saying, such as a learner leaving
 *   before the assessment.
 * - In the modes that report passed/failed (`passed-*`, where SCORM 1.2 gets adlcp:masteryscore),
 *   the primary objective is satisfied by measure, `minNormalizedMeasure` = pass mark / 100: the LMS
 *   judges success from cmi.score.scaled and hands the pass mark to the SCO as
 *   cmi.scaled_passing_score. In the `completed-*` modes there is no objective element: success
 *   is what the SCO reports, as SCORM 1.2 has no masteryscore there.
 *
 * The organization's controlMode `flow` lets the LMS start the one SCO on "Start" or "Continue"
 * (the default, choice only, leaves some players on an empty page until the learner picks it in the
 * table of contents).
 *
 * The children of `item` follow the order SCORM 2004's content aggregation model gives them (title,
 * imsss:sequencing, adlnav:presentation); the XSDs check each element but not their order there.
 */
export function buildManifest2004(config: CourseConfig, edition: Edition, filePaths: readonly string[]): string {
  const identifiers = packageIdentifiers(config, edition.lang);
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS_2004.imscp, 'manifest', { identifier: identifiers.manifest, version: config.version })
    .att('xmlns:adlcp', NS_2004.adlcp)
    .att('xmlns:adlseq', NS_2004.adlseq)
    .att('xmlns:adlnav', NS_2004.adlnav)
    .att('xmlns:imsss', NS_2004.imsss)
    .att('xmlns:xsi', NS_2004.xsi)
    .att(NS_2004.xsi, 'xsi:schemaLocation', SCHEMA_LOCATION_2004);
  root.com(` ${STATE_FORMAT_COMMENT} ${STATE_FORMAT_VERSION} `);
  const metadata = root.ele(NS_2004.imscp, 'metadata');
  metadata.ele(NS_2004.imscp, 'schema').txt('ADL SCORM');
  metadata.ele(NS_2004.imscp, 'schemaversion').txt(SCHEMA_VERSION_2004);

  const org = root.ele(NS_2004.imscp, 'organizations', { default: identifiers.organization }).ele(NS_2004.imscp, 'organization', { identifier: identifiers.organization });
  org.ele(NS_2004.imscp, 'title').txt(edition.title);
  const item = org.ele(NS_2004.imscp, 'item', { identifier: identifiers.item, identifierref: identifiers.resource, isvisible: 'true' });
  item.ele(NS_2004.imscp, 'title').txt(edition.title);
  itemSequencing(item.ele(NS_2004.imsss, 'imsss:sequencing'), config);
  const navigation = item.ele(NS_2004.adlnav, 'adlnav:presentation').ele(NS_2004.adlnav, 'adlnav:navigationInterface');
  for (const control of HIDDEN_LMS_UI) navigation.ele(NS_2004.adlnav, 'adlnav:hideLMSUI').txt(control);
  org.ele(NS_2004.imsss, 'imsss:sequencing').ele(NS_2004.imsss, 'imsss:controlMode', { choice: 'true', flow: 'true' });

  const res = root.ele(NS_2004.imscp, 'resources').ele(NS_2004.imscp, 'resource', { identifier: identifiers.resource, type: 'webcontent', href: LAUNCH_PAGE }).att(NS_2004.adlcp, 'adlcp:scormType', 'sco');
  for (const filePath of filePaths) res.ele(NS_2004.imscp, 'file', { href: filePath });
  return root.end({ prettyPrint: true });
}

function itemSequencing(sequencing: XmlNode, config: CourseConfig): void {
  // imsss's sequence: objectives come before deliveryControls.
  if (usesMasteryScore(config)) {
    sequencing.ele(NS_2004.imsss, 'imsss:objectives')
      .ele(NS_2004.imsss, 'imsss:primaryObjective', { objectiveID: PRIMARY_OBJECTIVE_ID, satisfiedByMeasure: 'true' })
      .ele(NS_2004.imsss, 'imsss:minNormalizedMeasure').txt(minNormalizedMeasure(config.passMark));
  }
  sequencing.ele(NS_2004.imsss, 'imsss:deliveryControls', { completionSetByContent: 'true', objectiveSetByContent: 'true' });
}
