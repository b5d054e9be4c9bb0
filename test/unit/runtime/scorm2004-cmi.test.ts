// The SCORM 2004 CMI of the learner state (src/runtime/lms/scorm2004-cmi.ts): completion and
// success apart, the scaled score with raw/min/max, never lower than the LMS holds, exit suspend
// until every lesson is complete, the navigation request, interactions in SCORM 2004 formats, and
// the launch values read from SCORM 2004 elements (the scaled passing score as the pass mark).
import { describe, expect, it } from 'vitest';
import type { RuntimeCourse, RuntimeQuestion } from '../../../src/contract/course-data.js';
import { SCORM2004_CMI } from '../../../src/runtime/lms/scorm2004-cmi.js';
import type { LaunchData, LaunchReads } from '../../../src/runtime/lms/launch.js';
import { emptyLearnerState, type LearnerState } from '../../../src/runtime/logic/learner-state.js';
import { UNREADABLE_STATUS } from '../../../src/runtime/logic/status.js';
import { checkSetValue } from '../../../src/scorm2004/value-rules.js';

const QUESTIONS: Record<string, RuntimeQuestion> = {
  check: { type: 'truefalse', lesson: 'one', answer: true },
  q1: { type: 'single', lesson: 'final', options: 3, correct: [1] },
  q2: { type: 'truefalse', lesson: 'final', answer: false },
};

function course(): RuntimeCourse {
  return {
    format: 1, target: 'scorm2004', courseId: 'c', version: '1', lang: 'de', title: 'C', passMark: 80, reporting: 'passed-incomplete', attempts: 2,
    shuffle: { questions: false, options: false }, strings: {}, questions: QUESTIONS,
    lessons: [
      { id: 'one', title: 'One', script: '', page: '', assessment: false, questions: ['check'] },
      { id: 'final', title: 'Final', script: '', page: '', assessment: true, questions: ['q1', 'q2'] },
    ],
  };
}

function launch(changes: Partial<LaunchData> = {}): LaunchData {
  return {
    entry: 'ab-initio', status: 'unknown', successStatus: 'unknown', recordedPass: false, location: '', suspendData: '', scoreRaw: null, lessonMode: 'normal', credit: 'credit',
    masteryScore: null, totalTimeMs: 0, maxTimeMs: null, timeLimitAction: '', interactionCount: 0, startedAt: 0, ...changes,
  };
}

function state(options: { read?: boolean; attempt?: number; score?: number | null } = {}): LearnerState {
  const learner = emptyLearnerState();
  learner.visited.add('one').add('final');
  if (options.read === true) learner.checks.set('check', { kind: 'truefalse', value: true });
  learner.assessment = { attempt: options.attempt ?? 1, seed: 1, submitted: options.score !== undefined && options.score !== null, answers: new Map(), score: options.score ?? null };
  return learner;
}

const results = (learner: LearnerState, at = launch()) => Object.fromEntries(SCORM2004_CMI.results(course(), learner, at));

describe('SCORM 2004 status and score', () => {
  it('reports completion and success apart: failed while attempts are left, incomplete until every lesson is done', () => {
    expect(results(state())).toEqual({ 'cmi.completion_status': 'incomplete' });
    expect(results(state({ score: 50 }))).toEqual({ 'cmi.score.scaled': '0.5', 'cmi.score.raw': '50', 'cmi.score.min': '0', 'cmi.score.max': '100', 'cmi.success_status': 'failed', 'cmi.completion_status': 'incomplete' });
    expect(results(state({ read: true, score: 90.91 }))).toMatchObject({ 'cmi.score.scaled': '0.9091', 'cmi.success_status': 'passed', 'cmi.completion_status': 'completed' });
    // Out of attempts: complete (nothing more to do) and failed.
    expect(results(state({ read: true, attempt: 2, score: 50 }))).toMatchObject({ 'cmi.success_status': 'failed', 'cmi.completion_status': 'completed' });
    // Passed with a lesson left to read: passed, still incomplete, and suspended to come back.
    expect(results(state({ score: 100 }))).toMatchObject({ 'cmi.success_status': 'passed', 'cmi.completion_status': 'incomplete' });
    expect(SCORM2004_CMI.done(course(), state({ score: 100 }))).toBe(false);
    expect(SCORM2004_CMI.done(course(), state({ read: true, score: 100 }))).toBe(true);
  });

  it('never writes less than the LMS holds', () => {
    const held = launch({ status: 'completed', successStatus: 'passed', recordedPass: true, scoreRaw: 90 });
    expect(results(state({ score: 50 }), held)).toEqual({});
    expect(results(state({ read: true, score: 95 }), held)).toEqual({ 'cmi.score.scaled': '0.95', 'cmi.score.raw': '95', 'cmi.score.min': '0', 'cmi.score.max': '100' });
    expect(results(state(), launch({ status: UNREADABLE_STATUS, successStatus: UNREADABLE_STATUS }))).toEqual({});
    expect(results(state({ score: 40 }), launch({ status: 'incomplete', successStatus: 'failed', scoreRaw: 60 }))).toEqual({ 'cmi.success_status': 'failed', 'cmi.completion_status': 'incomplete' });
  });

  it('ends with suspend or normal, and asks the LMS to close its player on the learner\'s exit', () => {
    expect(SCORM2004_CMI.exit('suspend')).toEqual([['cmi.exit', 'suspend']]);
    expect(SCORM2004_CMI.exit('done')).toEqual([['cmi.exit', 'normal']]);
    expect(SCORM2004_CMI.exit('time-out')).toEqual([['cmi.exit', 'time-out']]);
    expect(SCORM2004_CMI.navigation('suspend', true)).toEqual([['adl.nav.request', 'suspendAll']]);
    expect(SCORM2004_CMI.navigation('done', true)).toEqual([['adl.nav.request', 'exitAll']]);
    expect(SCORM2004_CMI.navigation('suspend', false)).toEqual([['adl.nav.request', 'exitAll']]);
    expect(SCORM2004_CMI.browsed()).toEqual([]);
    expect(SCORM2004_CMI.location('x'.repeat(1001))).toEqual([]);
    expect(SCORM2004_CMI.location('lesson-2')).toEqual([['cmi.location', 'lesson-2']]);
    expect(SCORM2004_CMI.sessionTime(3_723_450)).toEqual(['cmi.session_time', 'PT1H2M3.45S']);
    expect(SCORM2004_CMI.suspendDataLimit).toBe(64000);
  });
});

describe('SCORM 2004 interactions', () => {
  const at = new Date(Date.UTC(2024, 5, 11, 8, 3, 59, 120));
  /** The elements of interaction `index`, each judged by the SCORM 2004 value rules in the order written. */
  function written(index: number, question: RuntimeQuestion, answer: Parameters<typeof SCORM2004_CMI.interaction>[1]['answer']): Record<string, string> {
    const values = SCORM2004_CMI.interaction(index, { id: `q-${index}`, question, answer, latencyMs: 12_500, answeredAt: at }, course());
    const types = new Map<number, string>();
    let patterns = 0;
    values.forEach(([element, value], position) => {
      const violations = checkSetValue(element, value, { interactionCount: position === 0 ? index : index + 1, interactionType: (n) => types.get(n), patternCount: () => patterns });
      expect(violations, `${element} = ${value}`).toEqual([]);
      if (element.endsWith('.type')) types.set(index, value);
      if (element.includes('correct_responses')) patterns++;
    });
    expect(values[0]![0]).toBe(`cmi.interactions.${index}.id`);
    expect(values[1]![0]).toBe(`cmi.interactions.${index}.type`);
    return Object.fromEntries(values);
  }

  it('writes choices as short identifiers joined by [,], true-false as true/false, results correct/incorrect', () => {
    expect(written(0, { type: 'multiple', lesson: 'final', options: 12, correct: [0, 11] }, { kind: 'choice', selected: [11, 3] })).toEqual({
      'cmi.interactions.0.id': 'q-0',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.timestamp': '2024-06-11T08:03:59.12Z',
      'cmi.interactions.0.correct_responses.0.pattern': '0[,]b',
      'cmi.interactions.0.learner_response': '3[,]b',
      'cmi.interactions.0.result': 'incorrect',
      'cmi.interactions.0.latency': 'PT12.5S',
    });
    expect(written(3, QUESTIONS.q2!, { kind: 'truefalse', value: false })).toMatchObject({ 'cmi.interactions.3.learner_response': 'false', 'cmi.interactions.3.correct_responses.0.pattern': 'false', 'cmi.interactions.3.result': 'correct' });
  });

  it('writes fill-in patterns with {case_matters=false}, at most five, and responses an LMS takes as they are', () => {
    const fillin: RuntimeQuestion = { type: 'fillin', lesson: 'final', accepted: ['achtzig', '80', 'rund 80', 'achtzig Prozent', '80 %', 'acht zehner'] };
    const values = written(1, fillin, { kind: 'fillin', text: '  80   %  ' });
    expect(Object.entries(values).filter(([element]) => element.includes('correct_responses')).map(([, value]) => value)).toEqual(['achtzig', '80', 'rund 80', 'achtzig Prozent', '80 %'].map((text) => `{case_matters=false}${text}`));
    expect(values['cmi.interactions.1.learner_response']).toBe('80 %');
    expect(values['cmi.interactions.1.result']).toBe('correct');
    // A "{" at the start would be read as a delimiter, "[,]" as a second item.
    expect(written(2, fillin, { kind: 'fillin', text: '{x} a[,]b' })['cmi.interactions.2.learner_response']).toBe('x} a,b');
    const long = written(4, { type: 'fillin', lesson: 'final', accepted: ['ä'.repeat(300)] }, { kind: 'fillin', text: '😀'.repeat(200) });
    expect(long['cmi.interactions.4.learner_response']).toBe('😀'.repeat(125));
    expect(long['cmi.interactions.4.correct_responses.0.pattern']).toHaveLength(250);
  });
});

describe('SCORM 2004 launch values', () => {
  function reads(values: Record<string, string>): LaunchReads {
    return {
      value: async (element) => values[element] ?? '',
      status: async (element) => (values[element] ?? UNREADABLE_STATUS).toLowerCase(),
      count: async (element) => Number(values[element] ?? '0'),
    };
  }

  it('reads the SCORM 2004 elements: the scaled passing score and score on 0–100, an ISO 8601 time limit', async () => {
    const launched = await SCORM2004_CMI.readLaunch(reads({
      'cmi.entry': 'resume', 'cmi.completion_status': 'INCOMPLETE', 'cmi.success_status': 'passed', 'cmi.location': 'one', 'cmi.suspend_data': 'state',
      'cmi.score.scaled': '0.6364', 'cmi.mode': 'normal', 'cmi.credit': 'credit', 'cmi.scaled_passing_score': '0.6', 'cmi.max_time_allowed': 'PT10S',
      'cmi.time_limit_action': 'exit,message', 'cmi.total_time': 'PT8S', 'cmi.interactions._count': '4',
    }));
    expect(launched).toEqual({
      entry: 'resume', status: 'incomplete', successStatus: 'passed', recordedPass: true, location: 'one', suspendData: 'state', scoreRaw: 63.64, lessonMode: 'normal', credit: 'credit',
      masteryScore: 60, totalTimeMs: 8000, maxTimeMs: 10000, timeLimitAction: 'exit,message', interactionCount: 4,
    });
    const first = await SCORM2004_CMI.readLaunch(reads({ 'cmi.entry': 'ab-initio', 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown', 'cmi.scaled_passing_score': '-0.5' }));
    expect(first).toMatchObject({ status: 'unknown', recordedPass: false, scoreRaw: null, masteryScore: 0, maxTimeMs: null, timeLimitAction: '' });
  });
});
