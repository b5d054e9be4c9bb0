// Start the LMS session: one LMSInitialize, then the values the course resumes from and the
// settings the LMS decides (mode, credit, mastery score, time limit). Each read runs in its own
// task so an LMS that takes half a second per call does not freeze the page.
import type { Scorm12Adapter } from './scorm12-adapter.js';
import { nextTask } from './next-task.js';
import { UNREADABLE_STATUS } from '../logic/status.js';
import { parseTimespan } from '../../scorm12/timespan.js';

export interface LaunchData {
  entry: string;
  /** cmi.core.lesson_status in lower case (some LMSes answer "Passed"), or UNREADABLE_STATUS. */
  status: string;
  location: string;
  suspendData: string;
  /** cmi.core.score.raw the LMS holds, or null when it holds none. */
  scoreRaw: number | null;
  lessonMode: string;
  credit: string;
  /** A valid cmi.student_data.mastery_score (0–100), or null: then the course's pass mark applies. */
  masteryScore: number | null;
  /** cmi.core.total_time of the earlier sessions, in milliseconds (0 when unknown). */
  totalTimeMs: number;
  /** cmi.student_data.max_time_allowed in milliseconds, or null for no limit. */
  maxTimeMs: number | null;
  /** cmi.student_data.time_limit_action, lower case ("exit,message" when the LMS gives none). */
  timeLimitAction: string;
  interactionCount: number;
  /** performance.now() when the session started, for cmi.core.session_time. */
  startedAt: number;
}

/** A CMIDecimal score in 0–100, or null. */
function scoreOf(text: string): number | null {
  if (!/^\d{1,3}(\.\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : null;
}

/** null when LMSInitialize failed. */
export async function launchSession(adapter: Scorm12Adapter): Promise<LaunchData | null> {
  if (!adapter.initialize()) return null;
  const startedAt = performance.now();
  const read = async (element: string): Promise<string> => {
    await nextTask();
    return adapter.getValue(element);
  };
  const entry = (await read('cmi.core.entry')).toLowerCase();
  await nextTask();
  // A status the LMS could not give is not a first launch: never overwrite it with "incomplete".
  const status = adapter.readValue('cmi.core.lesson_status')?.trim().toLowerCase() ?? UNREADABLE_STATUS;
  const location = await read('cmi.core.lesson_location');
  const suspendData = await read('cmi.suspend_data');
  const scoreRaw = scoreOf(await read('cmi.core.score.raw'));
  const lessonMode = (await read('cmi.core.lesson_mode')).trim().toLowerCase();
  const credit = (await read('cmi.core.credit')).trim().toLowerCase();
  const masteryScore = scoreOf(await read('cmi.student_data.mastery_score'));
  const maxTime = (await read('cmi.student_data.max_time_allowed')).trim();
  const maxTimeMs = maxTime === '' ? null : parseTimespan(maxTime);
  const timeLimitAction = maxTimeMs === null ? '' : (await read('cmi.student_data.time_limit_action')).trim().toLowerCase() || 'exit,message';
  const totalTimeMs = maxTimeMs === null ? 0 : parseTimespan(await read('cmi.core.total_time')) ?? 0;
  await nextTask();
  const interactionCount = adapter.getCount('cmi.interactions._count');
  return {
    entry, status, location, suspendData, scoreRaw, lessonMode, credit, masteryScore, totalTimeMs,
    maxTimeMs: maxTimeMs !== null && maxTimeMs > 0 ? maxTimeMs : null, timeLimitAction, interactionCount, startedAt,
  };
}

/** A first launch: the LMS has no attempt on record (SCORM 1.2 entry ab-initio / not attempted). */
export function isFirstLaunch(launch: LaunchData): boolean {
  return launch.entry === 'ab-initio' || launch.status === 'not attempted' || launch.status === '';
}

/**
 * Whether the LMS kept something to resume from. Saved state counts whatever `entry` says: some
 * LMSes send ab-initio on every launch, even after exit=suspend with suspend_data kept.
 */
export function resumesAttempt(launch: LaunchData): boolean {
  return launch.suspendData !== '' || launch.location !== '' || launch.entry === 'resume';
}

/**
 * Browse and review mode, and a no-credit launch, leave the learner's record as it is: the
 * course writes no status, score, interactions, answers or bookmark then.
 */
export function tracksResults(launch: LaunchData): boolean {
  return launch.lessonMode !== 'review' && launch.lessonMode !== 'browse' && launch.credit !== 'no-credit';
}

/** The LMS holds a success from an earlier session (passed, or completed). */
export function recordedSuccess(launch: LaunchData): boolean {
  return launch.status === 'passed' || launch.status === 'completed';
}
