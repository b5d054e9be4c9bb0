// Start the LMS session: one initialize, then the values the course resumes from and the settings
// the LMS decides (mode, credit, mastery or passing score, time limit). Each read runs in its own
// task so an LMS that takes half a second per call does not freeze the page. What is read, and
// from which elements, is the version's (scorm12-cmi.ts, scorm2004-cmi.ts); what it means is the
// same for both.
import type { ScormAdapter } from './lms-adapter.js';
import { nextTask } from './next-task.js';
import { UNREADABLE_STATUS } from '../logic/status.js';

export interface LaunchData {
  entry: string;
  /**
   * The status the LMS holds, in lower case (some LMSes answer "Passed"), or UNREADABLE_STATUS:
   * SCORM 1.2 cmi.core.lesson_status, SCORM 2004 cmi.completion_status.
   */
  status: string;
  /** SCORM 2004 cmi.success_status in lower case, or UNREADABLE_STATUS; "" in SCORM 1.2, which has none. */
  successStatus: string;
  /** The LMS holds a success from an earlier session (1.2: passed or completed; 2004: passed). */
  recordedPass: boolean;
  location: string;
  suspendData: string;
  /** The score the LMS holds on 0–100 (1.2 score.raw, 2004 score.scaled × 100), or null when it holds none. */
  scoreRaw: number | null;
  lessonMode: string;
  credit: string;
  /** The LMS's pass mark on 0–100 (1.2 mastery_score, 2004 scaled_passing_score × 100), or null: then the course's applies. */
  masteryScore: number | null;
  /** cmi total_time of the earlier sessions, in milliseconds (0 when unknown). */
  totalTimeMs: number;
  /** max_time_allowed in milliseconds, or null for no limit. */
  maxTimeMs: number | null;
  /** time_limit_action, lower case. */
  timeLimitAction: string;
  interactionCount: number;
  /** performance.now() when the session started, for the session time. */
  startedAt: number;
}

export type LaunchValues = Omit<LaunchData, 'startedAt'>;

/** Reads for a launch, each in a task of its own. */
export interface LaunchReads {
  /** GetValue; "" when empty or unreadable. */
  value(element: string): Promise<string>;
  /** A status in lower case, UNREADABLE_STATUS when the LMS could not give it (never mistaken for a first launch). */
  status(element: string): Promise<string>;
  /** A `_count`; 0 when the LMS cannot tell. */
  count(element: string): Promise<number>;
}

/** A version's reading of the launch values. */
export type LaunchReader = (reads: LaunchReads) => Promise<LaunchValues>;

/** A decimal score in 0–100, or null. */
export function scoreOf(text: string): number | null {
  if (!/^\d{1,3}(\.\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : null;
}

/** null when the initialize call failed. */
export async function launchSession(adapter: ScormAdapter, readLaunch: LaunchReader): Promise<LaunchData | null> {
  if (!adapter.initialize()) return null;
  const startedAt = performance.now();
  const values = await readLaunch({
    value: async (element) => {
      await nextTask();
      return adapter.getValue(element);
    },
    status: async (element) => {
      await nextTask();
      return adapter.readValue(element)?.trim().toLowerCase() ?? UNREADABLE_STATUS;
    },
    count: async (element) => {
      await nextTask();
      return adapter.getCount(element);
    },
  });
  return { ...values, startedAt };
}

/** A first launch: the LMS has no attempt on record (entry ab-initio, or a status not attempted or unknown). */
export function isFirstLaunch(launch: LaunchData): boolean {
  return launch.entry === 'ab-initio' || launch.status === 'not attempted' || launch.status === '' || launch.status === 'unknown';
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

/** The LMS holds a success from an earlier session. */
export function recordedSuccess(launch: LaunchData): boolean {
  return launch.recordedPass;
}
