// The comparison behind `check --against`, on package facts made in the test: what each kind of
// edit does to learners' saved state, as the real state codec reads it back, and its consequence.
import { describe, expect, it } from 'vitest';
import { comparePackages } from '../../src/update-check/compare-packages.js';
import { consequenceOf, keepsRecords, worstConsequence, type Finding } from '../../src/update-check/findings.js';
import type { PackageFacts } from '../../src/update-check/package-facts.js';
import type { PackagedCourse, PackagedLesson } from '../../src/update-check/packaged-course.js';
import type { RuntimeQuestion } from '../../src/contract/course-data.js';
import { lessonPagePath } from '../../src/contract/package-layout.js';
import { encodeLearnerState } from '../../src/runtime/logic/state-codec.js';
import { emptyLearnerState } from '../../src/runtime/logic/learner-state.js';
import { fnv1a } from '../../src/runtime/logic/string-hash.js';

interface LessonSpec {
  id: string;
  title?: string;
  assessment?: boolean;
  questions?: Record<string, Omit<RuntimeQuestion, 'lesson'>>;
}

const single = (options: number, correct: number): Omit<RuntimeQuestion, 'lesson'> => ({ type: 'single', options, correct: [correct] });

function course(lessons: readonly LessonSpec[], settings: Partial<Pick<PackagedCourse, 'passMark' | 'attempts' | 'reporting'>> = {}): PackagedCourse {
  const questions: Record<string, RuntimeQuestion> = {};
  const packaged: PackagedLesson[] = lessons.map((lesson) => {
    for (const [id, question] of Object.entries(lesson.questions ?? {})) questions[id] = { ...question, lesson: lesson.id };
    return { id: lesson.id, title: lesson.title ?? lesson.id, page: lessonPagePath(lesson.id), assessment: lesson.assessment ?? false, questions: Object.keys(lesson.questions ?? {}) };
  });
  return { courseId: 'demo', version: '1.0.0', lang: 'en', title: 'Demo', passMark: 80, reporting: 'passed-incomplete', attempts: 3, shuffle: { questions: false, options: false }, lessons: packaged, questions, ...settings };
}

function facts(packaged: PackagedCourse, manifest: Partial<PackageFacts['manifest']> = {}): PackageFacts {
  const identifier = `en_${packaged.courseId}`;
  return {
    location: `/packages/${packaged.version}`,
    kind: 'zip',
    manifest: { target: 'scorm12', identifier, version: packaged.version, organizations: [`ORG_${identifier}`], items: [`ITEM_${identifier}`], resources: [`RES_${identifier}`], stateFormat: '2', ...manifest },
    course: packaged,
    pages: new Map(packaged.lessons.map((lesson) => [lesson.id, `<h1>${lesson.title}</h1>`])),
  };
}

const BASE: LessonSpec[] = [
  { id: 'intro' },
  { id: 'basics', questions: { 'basics-single': single(3, 1), 'basics-tf': { type: 'truefalse', answer: true } } },
  { id: 'more', questions: { 'more-fill': { type: 'fillin', accepted: ['80', '80%'], ignoreAccents: false } } },
  { id: 'final', assessment: true, questions: { 'final-multiple': { type: 'multiple', options: 4, correct: [0, 2] }, 'final-single': single(2, 0) } },
];

function compare(before: LessonSpec[], after: LessonSpec[], settings: Parameters<typeof course>[1] = {}): Finding[] {
  return comparePackages(facts(course(before)), facts(course(after, settings)));
}

function withQuestion(lessons: readonly LessonSpec[], lessonId: string, id: string, question: Omit<RuntimeQuestion, 'lesson'> | undefined): LessonSpec[] {
  return lessons.map((lesson) => {
    if (lesson.id !== lessonId) return lesson;
    const questions = { ...lesson.questions };
    if (question === undefined) delete questions[id];
    else questions[id] = question;
    return { ...lesson, questions };
  });
}

const kinds = (findings: readonly Finding[]) => findings.map((finding) => `${finding.kind}:${consequenceOf(finding)}`);

describe('comparing packages', () => {
  it('finds nothing between a package and itself', () => {
    expect(compare(BASE, BASE)).toEqual([]);
  });

  it('a changed learner-state format loses resume data, and nothing else is said about it', () => {
    const findings = comparePackages(facts(course(BASE), { stateFormat: '1' }), facts(course(withQuestion(BASE, 'basics', 'basics-tf', undefined))));
    expect(kinds(findings)).toEqual(['state-format-changed:lost', 'question-removed:lost']);
  });

  it('an old package from before identifiers stopped carrying the version: identifiers change once, the format is unknown', () => {
    const findings = comparePackages(
      facts(course(BASE), { identifier: 'en_demo_1.0.0', organizations: ['ORG_en_demo_1.0.0'], items: ['ITEM_en_demo_1.0.0'], resources: ['RES_en_demo_1.0.0'], stateFormat: undefined }),
      facts(course(BASE)),
    );
    expect(kinds(findings)).toEqual(['identifiers-changed:lost', 'state-format-unrecorded:unknown']);
    expect(findings[0]).toMatchObject({ versionInOldIdentifiers: true, changes: [{ role: 'manifest', old: 'en_demo_1.0.0', new: 'en_demo' }, { role: 'organization' }, { role: 'item' }, { role: 'resource' }] });
    expect(worstConsequence(findings)).toBe('lost');
  });

  it('an unknown format alone cannot be confirmed as safe', () => {
    const findings = comparePackages(facts(course(BASE), { stateFormat: undefined }), facts(course(BASE)));
    expect(kinds(findings)).toEqual(['state-format-unrecorded:unknown']);
    expect(keepsRecords(findings)).toBe(false);
  });

  it('settings: the pass mark re-judges stored scores; attempts, reporting and shuffling change what learners meet', () => {
    const findings = comparePackages(facts(course(BASE)), facts({ ...course(BASE, { passMark: 90, attempts: 0, reporting: 'passed-failed' }), shuffle: { questions: true, options: false } }));
    expect(kinds(findings)).toEqual(['pass-mark-changed:rescored', 'attempts-changed:changed', 'reporting-changed:changed', 'shuffle-changed:changed']);
  });

  it('a question that changes type: single → multiple keeps the answers (re-judged), multiple → true/false loses them', () => {
    const widened = withQuestion(BASE, 'basics', 'basics-single', { type: 'multiple', options: 3, correct: [1] });
    expect(kinds(compare(BASE, widened))).toEqual(['question-type-changed:rescored']);
    const narrowed = withQuestion(BASE, 'final', 'final-multiple', { type: 'truefalse', answer: true });
    expect(kinds(compare(BASE, narrowed))).toEqual(['question-type-changed:lost']);
  });

  it('options: fewer drops the answers beyond the new count; one more keeps them; a moved [x] is a new key', () => {
    expect(compare(BASE, withQuestion(BASE, 'basics', 'basics-single', single(2, 1)))).toEqual([
      { kind: 'question-options-changed', question: { id: 'basics-single', lesson: 'basics', assessment: false }, old: 3, new: 2, answersDropped: true },
    ]);
    expect(kinds(compare(BASE, withQuestion(BASE, 'basics', 'basics-single', single(4, 1))))).toEqual(['question-options-changed:changed']);
    expect(kinds(compare(BASE, withQuestion(BASE, 'basics', 'basics-single', single(3, 2))))).toEqual(['question-key-changed:rescored']);
  });

  it('fill-in: a new accepted answer is a new key; the same answers in another order are shown differently but kept', () => {
    const added = withQuestion(BASE, 'more', 'more-fill', { type: 'fillin', accepted: ['80', '80%', 'eighty'], ignoreAccents: false });
    expect(kinds(compare(BASE, added))).toEqual(['question-key-changed:rescored']);
    const reordered = withQuestion(BASE, 'more', 'more-fill', { type: 'fillin', accepted: ['80%', '80'], ignoreAccents: false });
    expect(kinds(compare(BASE, reordered))).toEqual(['question-answers-shown-differently:changed']);
  });

  it('a question moved between ordinary lessons keeps its answers; moved into the assessment it loses them', () => {
    const between = withQuestion(withQuestion(BASE, 'basics', 'basics-tf', undefined), 'more', 'basics-tf', { type: 'truefalse', answer: true });
    expect(compare(BASE, between)).toMatchObject([{ kind: 'question-moved', old: { lesson: 'basics' }, new: { lesson: 'more' }, answersKept: true }]);
    const intoAssessment = withQuestion(withQuestion(BASE, 'basics', 'basics-tf', undefined), 'final', 'basics-tf', { type: 'truefalse', answer: true });
    expect(kinds(compare(BASE, intoAssessment))).toEqual(['question-moved:lost']);
  });

  it('a question with a new id and the same key in the same lesson looks renamed', () => {
    const renamed = withQuestion(withQuestion(BASE, 'basics', 'basics-tf', undefined), 'basics', 'basics-truefalse', { type: 'truefalse', answer: true });
    expect(compare(BASE, renamed)).toMatchObject([{ kind: 'question-renamed', old: { id: 'basics-tf' }, new: { id: 'basics-truefalse' } }]);
  });

  it('a lesson that becomes the assessment loses the answers saved to its questions', () => {
    const after = BASE.filter((lesson) => lesson.id !== 'final').map((lesson) => (lesson.id === 'more' ? { ...lesson, assessment: true } : lesson));
    expect(kinds(compare(BASE, after))).toContain('lesson-role-changed:lost');
  });

  it('a new lesson whose key clashes with an old lesson\'s under the old salt: the codec loses that progress, and the check says so', () => {
    const old = course(BASE);
    const saved = encodeLearnerState(old, emptyLearnerState());
    const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const salt = DIGITS.indexOf(saved[1]!) * 64 + DIGITS.indexOf(saved[2]!);
    const key = (id: string) => fnv1a(id, salt) % 64 ** 3;
    let clash = '';
    for (let index = 0; clash === ''; index++) if (key(`extra-${index}`) === key('basics')) clash = `extra-${index}`;
    const findings = compare(BASE, [...BASE.slice(0, 3), { id: clash }, BASE[3]!]);
    expect(kinds(findings)).toEqual(['lesson-added:changed', 'lesson-progress-unreadable:lost']);
    expect(findings[1]).toMatchObject({ lesson: { id: 'basics' }, completionOnly: false });
  });
});
