// SCORM 1.2: window.API, the SCORM 1.2 CMI, scorm-again's Scorm12API as the local LMS.
import { STANDALONE_LMS_PATH } from '../../contract/package-layout.js';
import { API_PROPERTY, isScorm12Api, type Scorm12Api } from '../../scorm12/api.js';
import { relaunchCmi } from '../../scorm12/relaunch.js';
import { Scorm12Adapter } from './scorm12-adapter.js';
import { SCORM12_CMI } from './scorm12-cmi.js';
import type { ScormTarget } from './scorm-target.js';
import { storageKey } from './standalone.js';

export const SCORM12_TARGET: ScormTarget<Scorm12Api> = {
  id: 'scorm12',
  locator: { property: API_PROPERTY, accepts: isScorm12Api },
  adapter: (api) => new Scorm12Adapter(api),
  cmi: SCORM12_CMI,
  learnerName: 'cmi.core.student_name',
  standalone: {
    scriptPath: STANDALONE_LMS_PATH,
    constructorName: 'Scorm12API',
    settings: {
      autocommit: false,
      lmsCommitUrl: false,
      // We report status ourselves; no manifest mastery score is known here to override it.
      mastery_override: false,
      score_overrides_status: false,
      autoCompleteLessonStatus: false,
      logLevel: 5,
    },
    keepOn: ['LMSCommit', 'LMSFinish'],
    storageKey,
    isApi: isScorm12Api,
    relaunch: (saved) => relaunchCmi(saved),
  },
};
