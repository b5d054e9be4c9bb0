// SCORM 1.2's CMI for the learner state (cmi-mapping.ts): cmi.core.lesson_status, one status per
// reporting mode (logic/status.ts), score.raw on 0–100, lesson_location, exit "suspend"/"", the
// session time as HHHH:MM:SS.SS, interactions in SCORM 1.2 formats (logic/interactions.ts), and
// the launch values from cmi.core and cmi.student_data.
import { isPrintableAscii, SUSPEND_DATA_LIMIT, TEXT_LIMIT } from '../../scorm12/limits.js';
import { formatTimespan, parseTimespan } from '../../scorm12/timespan.js';
import { interactionElements, interactionFor } from '../logic/interactions.js';
import { reportingFor, scoreToWrite, statusToWrite } from '../logic/status.js';
import type { CmiMapping, CmiValue, ExitKind } from './cmi-mapping.js';
import { scoreOf, type LaunchReads, type LaunchValues } from './launch.js';

const EXIT: Readonly<Record<ExitKind, string>> = { suspend: 'suspend', done: '', 'time-out': 'time-out' };

async function readLaunch(read: LaunchReads): Promise<LaunchValues> {
  const entry = (await read.value('cmi.core.entry')).toLowerCase();
  // A status the LMS could not give is not a first launch: never overwrite it with "incomplete".
  const status = await read.status('cmi.core.lesson_status');
  const location = await read.value('cmi.core.lesson_location');
  const suspendData = await read.value('cmi.suspend_data');
  const scoreRaw = scoreOf(await read.value('cmi.core.score.raw'));
  const lessonMode = (await read.value('cmi.core.lesson_mode')).trim().toLowerCase();
  const credit = (await read.value('cmi.core.credit')).trim().toLowerCase();
  const masteryScore = scoreOf(await read.value('cmi.student_data.mastery_score'));
  const maxTime = (await read.value('cmi.student_data.max_time_allowed')).trim();
  const maxTimeMs = maxTime === '' ? null : parseTimespan(maxTime);
  const timeLimitAction = maxTimeMs === null ? '' : (await read.value('cmi.student_data.time_limit_action')).trim().toLowerCase() || 'exit,message';
  const totalTimeMs = maxTimeMs === null ? 0 : parseTimespan(await read.value('cmi.core.total_time')) ?? 0;
  const interactionCount = await read.count('cmi.interactions._count');
  return {
    entry, status, successStatus: '', recordedPass: status === 'passed' || status === 'completed', location, suspendData, scoreRaw, lessonMode, credit, masteryScore, totalTimeMs,
    maxTimeMs: maxTimeMs !== null && maxTimeMs > 0 ? maxTimeMs : null, timeLimitAction, interactionCount,
  };
}

export const SCORM12_CMI: CmiMapping = {
  readLaunch,
  suspendDataLimit: SUSPEND_DATA_LIMIT,
  suspendDataElement: 'cmi.suspend_data',
  optional: ['cmi.core.session_time'],
  known: (launch) => {
    const values: CmiValue[] = [['cmi.core.lesson_location', launch.location], ['cmi.suspend_data', launch.suspendData], ['cmi.core.lesson_status', launch.status]];
    if (launch.scoreRaw !== null) values.push(['cmi.core.score.raw', String(launch.scoreRaw)]);
    return values;
  },
  browsed: () => [['cmi.core.lesson_status', 'browsed']],
  // Passed, or out of attempts (logic/status.ts): the status is final.
  done: (course, state) => reportingFor(course, state).done,
  // lesson_location is CMIString255; printable ASCII is what every LMS keeps as it is.
  location: (location) => (location.length <= TEXT_LIMIT && isPrintableAscii(location) ? [['cmi.core.lesson_location', location]] : []),
  results: (course, state, launch) => {
    const values: CmiValue[] = [];
    const reporting = reportingFor(course, state);
    const score = scoreToWrite(reporting.score, launch.scoreRaw);
    if (score !== null) values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(Math.round(score * 100) / 100)]);
    const status = statusToWrite(reporting.status, launch.status);
    if (status !== null) values.push(['cmi.core.lesson_status', status]);
    return values;
  },
  exit: (kind) => [['cmi.core.exit', EXIT[kind]]],
  // SCORM 1.2 has no way to ask the LMS to close the course.
  navigation: () => [],
  interaction: (index, answered) => interactionElements(index, interactionFor(answered.id, answered.question, answered.answer, answered.latencyMs, answered.answeredAt)),
  sessionTime: (milliseconds) => ['cmi.core.session_time', formatTimespan(milliseconds)],
};
