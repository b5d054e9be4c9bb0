// Build-time proof that resume works: the longest suspend_data the edition can produce (every
// lesson visited, every question answered at its longest, the last attempt) fits the 4096
// characters SCORM 1.2 guarantees. Uses the runtime's own codec, so proof and runtime agree.
import type { Course, Edition } from './model.js';
import { report } from './messages.js';
import { runtimeCourseData } from './render/course-data.js';
import { SUSPEND_DATA_LIMIT, worstCaseStateLength } from './runtime/state-codec.js';

export function checkStateBudget(course: Course, edition: Edition): void {
  const length = worstCaseStateLength(runtimeCourseData(course, edition, {}));
  if (length <= SUSPEND_DATA_LIMIT) return;
  report(
    edition.file,
    `Unexpected suspend_data of ${length} characters in the worst case, expected at most ${SUSPEND_DATA_LIMIT} (every lesson visited, every question answered): move questions to another course or remove some`,
    undefined,
    'state-too-large',
  );
}
