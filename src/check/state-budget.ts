// Build-time proof that resume works: the longest GUARANTEED part of suspend_data the edition can
// produce (every lesson visited, the last assessment attempt with every question answered at its
// longest) fits the 4096 characters SCORM 1.2 guarantees. Knowledge-check answers are not part of
// the proof: the runtime keeps those nearest the learner in whatever space is left. Uses the
// runtime's own codec, so proof and runtime agree.
import type { Course, Edition } from '../model/course.js';
import { report } from '../model/messages.js';
import { runtimeCourseData } from '../render/course-data.js';
import { worstCaseStateLength } from '../runtime/logic/state-codec.js';
import { SUSPEND_DATA_LIMIT } from '../scorm12/limits.js';

export function checkStateBudget(course: Course, edition: Edition): void {
  const length = worstCaseStateLength(runtimeCourseData(course, edition));
  if (length <= SUSPEND_DATA_LIMIT) return;
  report(
    edition.file,
    `Unexpected suspend_data of ${length} characters in the worst case, expected at most ${SUSPEND_DATA_LIMIT} (the progress of every lesson and every assessment answer must always fit; knowledge-check answers only fill the space left): move lessons or assessment questions to another course`,
    undefined,
    'state-too-large',
  );
}
