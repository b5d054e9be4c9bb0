// SCORM 2004's CMI for the learner state (cmi-mapping.ts): completion and success reported apart
// (cmi.completion_status "completed" once every lesson is complete, cmi.success_status "passed" or
// "failed" from the assessment, whatever the course's SCORM 1.2 reporting mode), cmi.score.scaled
// with raw/min/max, cmi.location, exit "suspend"/"normal", adl.nav.request on the learner's own
// exit, the session time as an ISO 8601 duration, interactions in SCORM 2004 formats, and the
// launch values (cmi.scaled_passing_score is the LMS's pass mark).
import type { RuntimeCourse, RuntimeQuestion } from '../../contract/course-data.js';
import { CORRECT_RESPONSE_PATTERNS, isPrintableAscii, ITEM_SEPARATOR, LOCALIZED_STRING_LIMIT, LOCATION_LIMIT, SUSPEND_DATA_LIMIT } from '../../scorm2004/limits.js';
import { formatDuration, formatTimestamp, parseDuration } from '../../scorm2004/timeinterval.js';
import { completedLessonCount, hasAssessment, hasPassedAssessment } from '../logic/course-progress.js';
import type { AnsweredQuestion } from '../logic/interactions.js';
import type { Answer, LearnerState } from '../logic/learner-state.js';
import { isCorrect } from '../logic/scoring.js';
import { scoreToWrite, statusToWrite } from '../logic/status.js';
import type { CmiMapping, CmiValue, ExitKind } from './cmi-mapping.js';
import type { LaunchReads, LaunchValues } from './launch.js';

const EXIT: Readonly<Record<ExitKind, string>> = { suspend: 'suspend', done: 'normal', 'time-out': 'time-out' };

/** Fill-in patterns say that letter case does not matter, as the course matches answers. */
const CASE_INSENSITIVE = '{case_matters=false}';

/** A real in [min, max], or null. */
function realOf(text: string, min: number, max: number): number | null {
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** A scaled score (−1…1) on the course's 0–100, two decimals; a negative one counts as 0. */
function percent(scaled: number | null): number | null {
  return scaled === null ? null : Math.max(0, Math.round(scaled * 10000) / 100);
}

async function readLaunch(read: LaunchReads): Promise<LaunchValues> {
  const entry = (await read.value('cmi.entry')).toLowerCase();
  // A status the LMS could not give is not a first launch: never overwrite it with "incomplete".
  const status = await read.status('cmi.completion_status');
  const successStatus = await read.status('cmi.success_status');
  const location = await read.value('cmi.location');
  const suspendData = await read.value('cmi.suspend_data');
  const scoreRaw = percent(realOf(await read.value('cmi.score.scaled'), 0, 1));
  const lessonMode = (await read.value('cmi.mode')).trim().toLowerCase();
  const credit = (await read.value('cmi.credit')).trim().toLowerCase();
  const masteryScore = percent(realOf(await read.value('cmi.scaled_passing_score'), -1, 1));
  const maxTime = (await read.value('cmi.max_time_allowed')).trim();
  const maxTimeMs = maxTime === '' ? null : parseDuration(maxTime);
  const timeLimitAction = maxTimeMs === null ? '' : (await read.value('cmi.time_limit_action')).trim().toLowerCase() || 'continue,no message';
  const totalTimeMs = maxTimeMs === null ? 0 : parseDuration(await read.value('cmi.total_time')) ?? 0;
  const interactionCount = await read.count('cmi.interactions._count');
  return {
    entry, status, successStatus, recordedPass: successStatus === 'passed', location, suspendData, scoreRaw, lessonMode, credit, masteryScore, totalTimeMs,
    maxTimeMs: maxTimeMs !== null && maxTimeMs > 0 ? maxTimeMs : null, timeLimitAction, interactionCount,
  };
}

/** A score on 0–100 as cmi.score.scaled: at most four decimals. */
function scaledOf(score: number): string {
  return String(Math.round(score * 100) / 10000);
}

/** Every lesson complete (the assessment once passed or out of attempts): completion_status "completed". */
function allLessonsComplete(course: RuntimeCourse, state: LearnerState): boolean {
  return completedLessonCount(course, state) === course.lessons.length;
}

function results(course: RuntimeCourse, state: LearnerState, launch: LaunchValues): CmiValue[] {
  const values: CmiValue[] = [];
  if (hasAssessment(course)) {
    const { score } = state.assessment;
    const written = scoreToWrite(score, launch.scoreRaw);
    if (written !== null) {
      const raw = Math.round(written * 100) / 100;
      values.push(['cmi.score.scaled', scaledOf(raw)], ['cmi.score.raw', String(raw)], ['cmi.score.min', '0'], ['cmi.score.max', '100']);
    }
    // Passed, or failed once an attempt is scored below the pass mark (a later attempt may still pass).
    const success = hasPassedAssessment(course, state) ? 'passed' : score !== null ? 'failed' : null;
    const toWrite = success === null ? null : statusToWrite(success, launch.successStatus);
    if (toWrite !== null) values.push(['cmi.success_status', toWrite]);
  }
  const completion = statusToWrite(allLessonsComplete(course, state) ? 'completed' : 'incomplete', launch.status);
  if (completion !== null) values.push(['cmi.completion_status', completion]);
  return values;
}

/** Cut to `limit` UTF-16 code units without splitting a surrogate pair. */
function limitText(text: string, limit: number): string {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > limit) break;
    result += char;
  }
  return result;
}

/**
 * A fill-in text as one localized string: spaces collapsed, the item separator "[,]" written as
 * ",", and no "{" at the start (an LMS would read it as a delimiter).
 */
function fillinText(text: string, limit: number): string {
  return limitText(text.trim().replace(/\s+/g, ' ').split(ITEM_SEPARATOR).join(',').replace(/^\{+\s*/, ''), limit);
}

/** Choice items: short identifiers [0-9a-z] (the option index in base 36), as SCORM 1.2 writes them. */
function choiceItems(indices: readonly number[], options: number): string {
  return [...indices].filter((index) => index < 36 && index < options).sort((a, b) => a - b).map((index) => index.toString(36)).join(ITEM_SEPARATOR);
}

function interactionType(question: RuntimeQuestion): 'true-false' | 'fill-in' | 'choice' {
  return question.type === 'truefalse' ? 'true-false' : question.type === 'fillin' ? 'fill-in' : 'choice';
}

function learnerResponse(question: RuntimeQuestion, answer: Answer | undefined): string {
  if (answer === undefined) return '';
  if (answer.kind === 'truefalse') return String(answer.value);
  if (answer.kind === 'fillin') return fillinText(answer.text, LOCALIZED_STRING_LIMIT);
  return choiceItems(answer.selected, question.options ?? 0);
}

function correctPatterns(question: RuntimeQuestion): string[] {
  if (question.type === 'truefalse') return [String(question.answer === true)];
  if (question.type === 'fillin') {
    const texts = [...new Set((question.accepted ?? []).map((text) => fillinText(text, LOCALIZED_STRING_LIMIT - CASE_INSENSITIVE.length)))].filter((text) => text !== '');
    // An LMS keeps at least five patterns of a fill-in; the first accepted answers are the main ones.
    return texts.slice(0, CORRECT_RESPONSE_PATTERNS['fill-in']).map((text) => `${CASE_INSENSITIVE}${text}`);
  }
  return [choiceItems(question.correct ?? [], question.options ?? 0)];
}

function interaction(index: number, answered: AnsweredQuestion): CmiValue[] {
  const prefix = `cmi.interactions.${index}.`;
  const { question, answer } = answered;
  const response = learnerResponse(question, answer);
  // Id first, then the type the responses depend on.
  return [
    [`${prefix}id`, answered.id],
    [`${prefix}type`, interactionType(question)],
    [`${prefix}timestamp`, formatTimestamp(answered.answeredAt)],
    ...correctPatterns(question).map((pattern, n): CmiValue => [`${prefix}correct_responses.${n}.pattern`, pattern]),
    ...(response === '' ? [] : [[`${prefix}learner_response`, response] as const]),
    [`${prefix}result`, isCorrect(question, answer) ? 'correct' : 'incorrect'],
    [`${prefix}latency`, formatDuration(answered.latencyMs)],
  ];
}

export const SCORM2004_CMI: CmiMapping = {
  readLaunch,
  suspendDataLimit: SUSPEND_DATA_LIMIT,
  suspendDataElement: 'cmi.suspend_data',
  optional: ['cmi.session_time', 'adl.nav.request'],
  known: (launch) => {
    const values: CmiValue[] = [['cmi.location', launch.location], ['cmi.suspend_data', launch.suspendData], ['cmi.completion_status', launch.status], ['cmi.success_status', launch.successStatus]];
    if (launch.scoreRaw !== null) values.push(['cmi.score.scaled', scaledOf(launch.scoreRaw)]);
    return values;
  },
  // SCORM 2004 has no "browsed" status: a browse-mode session records nothing.
  browsed: () => [],
  // A learner who passed with lessons left to read comes back to them: done once completed.
  done: allLessonsComplete,
  location: (location) => (location.length <= LOCATION_LIMIT && isPrintableAscii(location) ? [['cmi.location', location]] : []),
  results,
  exit: (kind) => [['cmi.exit', EXIT[kind]]],
  // Suspend the attempt, or end it, and leave the course: the LMS closes its player.
  navigation: (kind, tracking) => [['adl.nav.request', tracking && kind === 'suspend' ? 'suspendAll' : 'exitAll']],
  interaction,
  sessionTime: (milliseconds) => ['cmi.session_time', formatDuration(milliseconds)],
};
