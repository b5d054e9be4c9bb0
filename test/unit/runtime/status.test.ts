// Status, score and exit per reporting mode, consistent with adlcp:masteryscore.
import { describe, expect, it } from 'vitest';
import { reportingFor, scoreToWrite, statusToWrite, UNREADABLE_STATUS, type StatusCourse } from '../../../src/runtime/logic/status.js';
import { emptyLearnerState, type LearnerState } from '../../../src/runtime/logic/learner-state.js';
import type { ReportingMode } from '../../../src/model/course.js';

function course(reporting: ReportingMode, attempts = 2, withAssessment = true): StatusCourse {
  const lessons = [
    { id: 'one', assessment: false, questions: ['check'] },
    ...(withAssessment ? [{ id: 'final', assessment: true, questions: ['q'] }] : []),
  ];
  return { lessons, questions: { check: { type: 'truefalse', lesson: 'one', answer: true }, q: { type: 'truefalse', lesson: 'final', answer: true } }, attempts, passMark: 80, reporting };
}

function after(attempt: number, score: number | null, submitted = score !== null): LearnerState {
  const state = emptyLearnerState();
  state.visited.add('one').add('final');
  state.assessment = { attempt, seed: 1, submitted, answers: new Map(), score };
  return state;
}

/** What an LMS that applies masteryscore at LMSFinish (Moodle, scorm-again) would end with. */
function lmsOverride(status: string, raw: number | null, mastery: number | null): string {
  return raw === null || mastery === null ? status : raw >= mastery ? 'passed' : 'failed';
}

describe('reporting modes', () => {
  it.each([
    // mode, attempt, score, status, reported score, exit
    ['passed-incomplete', 0, null, 'incomplete', null, 'suspend'],
    ['passed-incomplete', 1, 50, 'incomplete', null, 'suspend'],
    // The last attempt failed: finished without passing, so failed with the score in every mode.
    ['passed-incomplete', 2, 50, 'failed', 50, ''],
    ['passed-incomplete', 2, 90, 'passed', 90, ''],
    ['passed-failed', 1, 50, 'failed', 50, 'suspend'],
    ['passed-failed', 2, 50, 'failed', 50, ''],
    ['passed-failed', 1, 80, 'passed', 80, ''],
    ['completed-incomplete', 1, 50, 'incomplete', 50, 'suspend'],
    ['completed-incomplete', 1, 100, 'completed', 100, ''],
    ['completed-incomplete', 2, 50, 'failed', 50, ''],
    ['completed-failed', 2, 50, 'failed', 50, ''],
    ['completed-failed', 1, 85.5, 'completed', 85.5, ''],
  ] as const)('%s after attempt %i scoring %s', (mode, attempt, score, status, reported, exit) => {
    const result = reportingFor(course(mode), after(attempt, score));
    expect(result).toMatchObject({ status, score: reported, exit });
  });

  it('never contradicts an LMS that derives passed/failed from masteryscore and score.raw', () => {
    for (const mode of ['passed-incomplete', 'passed-failed'] as const) {
      for (const score of [null, 0, 50, 79.99, 80, 100]) {
        for (const attempt of [1, 2]) {
          const result = reportingFor(course(mode), after(attempt, score));
          expect(lmsOverride(result.status, result.score, 80), `${mode} ${score} ${attempt}`).toBe(result.status);
        }
      }
    }
  });

  it('reports completed for a course without an assessment once every lesson is complete', () => {
    const state = emptyLearnerState();
    state.visited.add('one');
    expect(reportingFor(course('passed-incomplete', 0, false), state)).toMatchObject({ status: 'incomplete', exit: 'suspend' });
    state.checks.set('check', { kind: 'truefalse', value: false });
    expect(reportingFor(course('passed-incomplete', 0, false), state)).toMatchObject({ status: 'completed', exit: '', score: null });
  });

  it('keeps unlimited attempts open', () => {
    expect(reportingFor(course('passed-failed', 0), after(40, 10))).toMatchObject({ status: 'failed', exit: 'suspend', done: false });
  });
});

describe('status against what the LMS had at launch', () => {
  it('never takes back a success or turns a verdict into incomplete', () => {
    expect(statusToWrite('incomplete', 'passed')).toBeNull();
    expect(statusToWrite('passed', 'completed')).toBeNull();
    expect(statusToWrite('failed', 'PASSED')).toBeNull();
    expect(statusToWrite('incomplete', 'Completed')).toBeNull();
    expect(statusToWrite('failed', 'completed')).toBeNull();
    expect(statusToWrite('incomplete', 'failed')).toBeNull();
    expect(statusToWrite('passed', 'failed')).toBe('passed');
    expect(statusToWrite('incomplete', 'not attempted')).toBe('incomplete');
    expect(statusToWrite('failed', 'incomplete')).toBe('failed');
  });

  it('never lowers the score the LMS holds', () => {
    expect(scoreToWrite(60, 90)).toBeNull();
    expect(scoreToWrite(95, 90)).toBe(95);
    expect(scoreToWrite(50, null)).toBe(50);
    expect(scoreToWrite(null, 90)).toBeNull();
  });

  it('leaves a status the LMS could not return alone unless a result is earned now', () => {
    expect(statusToWrite('incomplete', UNREADABLE_STATUS)).toBeNull();
    expect(statusToWrite('passed', UNREADABLE_STATUS)).toBe('passed');
    expect(statusToWrite('failed', UNREADABLE_STATUS)).toBe('failed');
  });
});
