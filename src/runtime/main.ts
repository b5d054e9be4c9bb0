// The SCORM 1.2 learner runtime's entry (bundled by npm run compile into out/browser/runtime.js,
// inline in each SCORM 1.2 package's index.html): the shared runtime with the SCORM 1.2 target.
import { startRuntime } from './start.js';
import { SCORM12_TARGET } from './lms/scorm12-target.js';

startRuntime(window, SCORM12_TARGET);
