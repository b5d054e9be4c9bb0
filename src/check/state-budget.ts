// Build-time proof that resume works, for every target of the course: the longest GUARANTEED part
// of suspend_data the edition can produce (every lesson visited, the last assessment attempt with
// every question answered at its longest) fits what the target guarantees, 4096 characters in
// SCORM 1.2 and 64,000 in SCORM 2004. Knowledge-check answers are not part of the proof: the
// runtime keeps those nearest the learner in whatever space is left. Uses the runtime's own codec
// on the course data of each target's package, so proof and runtime agree.
import type { Course, Edition, Target } from '../model/course.js';
import { report } from '../model/messages.js';
import { runtimeCourseData } from '../render/course-data.js';
import { worstCaseStateLength } from '../runtime/logic/state-codec.js';
import { SUSPEND_DATA_LIMIT } from '../scorm12/limits.js';
import { SUSPEND_DATA_LIMIT as SUSPEND_DATA_LIMIT_2004 } from '../scorm2004/limits.js';

/** cmi.suspend_data's guaranteed length per target: CMIString4096 in SCORM 1.2, SPM 64000 in SCORM 2004. */
export const SUSPEND_DATA_LIMITS: Readonly<Record<Target, number>> = { scorm12: SUSPEND_DATA_LIMIT, scorm2004: SUSPEND_DATA_LIMIT_2004 };

export function checkStateBudget(course: Course, edition: Edition): void {
  for (const target of course.config.targets) {
    const limit = SUSPEND_DATA_LIMITS[target];
    const length = worstCaseStateLength(runtimeCourseData(course, edition, target));
    if (length <= limit) continue;
    report(
      edition.file,
      `Unexpected suspend_data of ${length} characters in the worst case, expected at most ${limit}${target === 'scorm2004' ? ' for SCORM 2004' : ''} (the progress of every lesson and every assessment answer must always fit; knowledge-check answers only fill the space left): move lessons or assessment questions to another course`,
      undefined,
      'state-too-large',
    );
  }
}
