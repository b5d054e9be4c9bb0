// SCORM 2004: window.API_1484_11, the SCORM 2004 CMI, scorm-again's Scorm2004API as the local LMS
// (its record kept apart from a SCORM 1.2 package's of the same course and language).
import { STANDALONE_LMS_2004_PATH } from '../../contract/package-layout.js';
import { API_PROPERTY, isScorm2004Api, type Scorm2004Api } from '../../scorm2004/api.js';
import { relaunchCmi } from '../../scorm2004/relaunch.js';
import { Scorm2004Adapter } from './scorm2004-adapter.js';
import { SCORM2004_CMI } from './scorm2004-cmi.js';
import type { ScormTarget } from './scorm-target.js';

/** The local record of a SCORM 2004 package. */
export function storageKey2004(courseId: string, lang: string): string {
  return `scormdown:${courseId}:${lang}:scorm2004`;
}

export const SCORM2004_TARGET: ScormTarget<Scorm2004Api> = {
  id: 'scorm2004',
  locator: { property: API_PROPERTY, accepts: isScorm2004Api },
  adapter: (api) => new Scorm2004Adapter(api),
  cmi: SCORM2004_CMI,
  learnerName: 'cmi.learner_name',
  standalone: {
    scriptPath: STANDALONE_LMS_2004_PATH,
    constructorName: 'Scorm2004API',
    // No commits to a server; scorm-again neither completes nor sequences anything on its own.
    settings: { autocommit: false, lmsCommitUrl: false, autoProgress: false, logLevel: 5 },
    keepOn: ['Commit', 'Terminate'],
    storageKey: storageKey2004,
    isApi: isScorm2004Api,
    relaunch: (saved) => relaunchCmi(saved),
  },
};
