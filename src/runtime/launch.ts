// Start the LMS session: one LMSInitialize, then the values the course resumes from. Each read
// runs in its own task so an LMS that takes half a second per call does not freeze the page.
import type { Scorm12Adapter } from './scorm12-adapter.js';
import { nextTask } from './next-task.js';
import { UNREADABLE_STATUS } from './status.js';

export interface LaunchData {
  entry: string;
  status: string;
  location: string;
  suspendData: string;
  lessonMode: string;
  interactionCount: number;
  /** performance.now() when the session started, for cmi.core.session_time. */
  startedAt: number;
}

/** null when LMSInitialize failed. */
export async function launchSession(adapter: Scorm12Adapter): Promise<LaunchData | null> {
  if (!adapter.initialize()) return null;
  const startedAt = performance.now();
  const read = async (element: string): Promise<string> => {
    await nextTask();
    return adapter.getValue(element);
  };
  const entry = await read('cmi.core.entry');
  await nextTask();
  // A status the LMS could not give is not a first launch: never overwrite it with "incomplete".
  const status = adapter.readValue('cmi.core.lesson_status') ?? UNREADABLE_STATUS;
  const location = await read('cmi.core.lesson_location');
  const suspendData = await read('cmi.suspend_data');
  const lessonMode = await read('cmi.core.lesson_mode');
  await nextTask();
  const interactionCount = adapter.getCount('cmi.interactions._count');
  return { entry, status, location, suspendData, lessonMode, interactionCount, startedAt };
}

/** A first launch: the LMS has no attempt on record (SCORM 1.2 entry ab-initio / not attempted). */
export function isFirstLaunch(launch: LaunchData): boolean {
  return launch.entry === 'ab-initio' || launch.status === 'not attempted' || launch.status === '';
}

/** The learner comes back to an attempt the LMS kept (entry resume, or "" with a saved state). */
export function resumesAttempt(launch: LaunchData): boolean {
  return launch.entry !== 'ab-initio' && (launch.entry === 'resume' || launch.suspendData !== '' || launch.location !== '');
}
