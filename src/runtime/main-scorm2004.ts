// The SCORM 2004 learner runtime's entry (bundled by npm run compile into
// out/browser/runtime-scorm2004.js, inline in each SCORM 2004 package's index.html): the shared
// runtime with the SCORM 2004 target.
import { startRuntime } from './start.js';
import { SCORM2004_TARGET } from './lms/scorm2004-target.js';

startRuntime(window, SCORM2004_TARGET);
