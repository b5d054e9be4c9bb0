// What a SCORM version writes for the learner state, as element/value pairs: the one interface
// behind which scorm12-cmi.ts and scorm2004-cmi.ts keep their element names, formats and limits.
// ProgressTracking decides when; the mapping says what.
import type { RuntimeCourse } from '../../contract/course-data.js';
import type { AnsweredQuestion } from '../logic/interactions.js';
import type { LearnerState } from '../logic/learner-state.js';
import type { LaunchData, LaunchReader } from './launch.js';

export type CmiValue = readonly [element: string, value: string];

/** How a session ends: to come back, done, or ended by the LMS's time limit. */
export type ExitKind = 'suspend' | 'done' | 'time-out';

export interface CmiMapping {
  /** The launch values, from the version's elements. */
  readonly readLaunch: LaunchReader;
  /** What the version guarantees of cmi.suspend_data (the state is written to fit). */
  readonly suspendDataLimit: number;
  readonly suspendDataElement: string;
  /** Elements whose refusal costs the learner nothing on their record (besides interactions). */
  readonly optional: readonly string[];
  /** Values the LMS holds at launch: not sent again unless they change. */
  known(launch: LaunchData): CmiValue[];
  /** A first launch in browse mode, which records nothing else: what the LMS may be told. */
  browsed(): CmiValue[];
  /** The bookmark, when the LMS can keep it as it is. */
  location(location: string): CmiValue[];
  /** Whether the learner is done, so the session ends without "suspend". */
  done(course: RuntimeCourse, state: LearnerState): boolean;
  /** Status and score for the state, never lower than what the LMS held at launch. */
  results(course: RuntimeCourse, state: LearnerState, launch: LaunchData): CmiValue[];
  exit(kind: ExitKind): CmiValue[];
  /** On the learner's own exit (and the LMS's time limit): what the LMS should do once the session is over. */
  navigation(kind: ExitKind, tracking: boolean): CmiValue[];
  /** Interaction `index` (n = _count onwards), id first. */
  interaction(index: number, answered: AnsweredQuestion, course: RuntimeCourse): CmiValue[];
  sessionTime(milliseconds: number): CmiValue;
}
