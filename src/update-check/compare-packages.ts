// Compares an old package of a language with the new one and lists what changes for learners who
// started the old one: identifiers the LMS matches records by, the learner-state format, course
// settings that judge stored results, and each lesson and question (renamed, removed, moved, new
// answer key), with what the state codec really reads back (state-survival.ts).
import type { RuntimeQuestion } from '../contract/course-data.js';
import { normaliseFillin } from '../runtime/logic/scoring.js';
import type { PackageFacts } from './package-facts.js';
import type { PackagedCourse, PackagedLesson } from './packaged-course.js';
import { stateSurvival, type StateSurvival } from './state-survival.js';
import type { AnswerKey, Finding, IdentifierChange, LessonRef, QuestionRef } from './findings.js';

export function comparePackages(old: PackageFacts, current: PackageFacts): Finding[] {
  const findings: Finding[] = [];
  const identifiers = identifierChanges(old, current);
  if (identifiers.length > 0) {
    const versionInOldIdentifiers = old.manifest.version !== undefined && old.manifest.identifier === `${current.manifest.identifier}_${old.manifest.version}`;
    findings.push({ kind: 'identifiers-changed', changes: identifiers, versionInOldIdentifiers });
  }
  const oldFormat = old.manifest.stateFormat;
  const newFormat = current.manifest.stateFormat ?? '';
  if (oldFormat === undefined) findings.push({ kind: 'state-format-unrecorded', new: newFormat });
  else if (oldFormat !== newFormat) findings.push({ kind: 'state-format-changed', old: oldFormat, new: newFormat });
  // A state in another format is read as a clean one: nothing more to find out about what survives.
  // An old package that does not name its format is assumed to save the current one (that finding says so).
  const survival = oldFormat === undefined || oldFormat === newFormat ? stateSurvival(old.course, current.course) : undefined;
  findings.push(...settingChanges(old.course, current.course));
  const lessons = compareLessons(old, current, survival);
  findings.push(...lessons.findings);
  findings.push(...compareQuestions(old.course, current.course, lessons.renamed, survival));
  return findings;
}

function identifierChanges(old: PackageFacts, current: PackageFacts): IdentifierChange[] {
  const pairs: Array<[IdentifierChange['role'], string, string]> = [
    ['manifest', old.manifest.identifier, current.manifest.identifier],
    ['organization', old.manifest.organizations.join(' '), current.manifest.organizations.join(' ')],
    ['item', old.manifest.items.join(' '), current.manifest.items.join(' ')],
    ['resource', old.manifest.resources.join(' '), current.manifest.resources.join(' ')],
  ];
  return pairs.filter(([, before, after]) => before !== after).map(([role, before, after]) => ({ role, old: before, new: after }));
}

function hasAssessment(course: PackagedCourse): boolean {
  return course.lessons.some((lesson) => lesson.assessment);
}

function settingChanges(old: PackagedCourse, current: PackagedCourse): Finding[] {
  // Without an assessment in both, the pass mark, attempts, reporting mode and shuffling judge nothing a learner saved.
  if (!hasAssessment(old) || !hasAssessment(current)) return [];
  const findings: Finding[] = [];
  if (old.passMark !== current.passMark) findings.push({ kind: 'pass-mark-changed', old: old.passMark, new: current.passMark });
  if (old.attempts !== current.attempts) findings.push({ kind: 'attempts-changed', old: old.attempts, new: current.attempts });
  if (old.reporting !== current.reporting) findings.push({ kind: 'reporting-changed', old: old.reporting, new: current.reporting });
  if (old.shuffle.questions !== current.shuffle.questions || old.shuffle.options !== current.shuffle.options) {
    findings.push({ kind: 'shuffle-changed', old: old.shuffle, new: current.shuffle });
  }
  return findings;
}

function lessonRef(lesson: PackagedLesson): LessonRef {
  return { id: lesson.id, title: lesson.title, assessment: lesson.assessment };
}

/** Pairs of (gone, new) items that look like one item under a new id; each item pairs at most once. */
function pairRenames<T>(gone: readonly T[], added: readonly T[], alike: (before: T, after: T) => boolean): Array<[T, T]> {
  const free = [...added];
  const pairs: Array<[T, T]> = [];
  for (const before of gone) {
    const index = free.findIndex((after) => alike(before, after));
    if (index >= 0) pairs.push([before, free.splice(index, 1)[0]!]);
  }
  return pairs;
}

/** Lesson findings, and old lesson id → new lesson id for lessons that look renamed. */
function compareLessons(old: PackageFacts, current: PackageFacts, survival: StateSurvival | undefined): { findings: Finding[]; renamed: Map<string, string> } {
  const findings: Finding[] = [];
  const newIds = new Set(current.course.lessons.map((lesson) => lesson.id));
  const oldById = new Map(old.course.lessons.map((lesson) => [lesson.id, lesson]));
  const gone = old.course.lessons.filter((lesson) => !newIds.has(lesson.id));
  const added = current.course.lessons.filter((lesson) => !oldById.has(lesson.id));
  const samePage = (before: PackagedLesson, after: PackagedLesson) => old.pages.get(before.id) !== undefined && old.pages.get(before.id) === current.pages.get(after.id);
  const sameQuestions = (before: PackagedLesson, after: PackagedLesson) => before.questions.length > 0 && before.questions.join() === after.questions.join();
  const renames = pairRenames(gone, added, (before, after) => before.title === after.title || sameQuestions(before, after) || samePage(before, after));
  const renamed = new Map(renames.map(([before, after]) => [before.id, after.id]));
  const renamedTo = new Set(renamed.values());

  const stillAsked = (lesson: PackagedLesson) => lesson.questions.filter((id) => current.course.questions[id] !== undefined);
  for (const [before, after] of renames) {
    const answersKept = survival !== undefined && stillAsked(before).every((id) => { const answers = survival.answers.get(id); return answers !== undefined && answers.dropped === 0 && answers.altered === 0; });
    findings.push({ kind: 'lesson-renamed', old: lessonRef(before), new: lessonRef(after), answersKept });
  }
  for (const lesson of gone) {
    if (!renamed.has(lesson.id)) findings.push({ kind: 'lesson-removed', lesson: lessonRef(lesson), questionsGone: lesson.questions.length - stillAsked(lesson).length });
  }
  for (const lesson of added) if (!renamedTo.has(lesson.id)) findings.push({ kind: 'lesson-added', lesson: lessonRef(lesson) });

  const common = current.course.lessons.filter((lesson) => oldById.has(lesson.id));
  const oldOrder = old.course.lessons.filter((lesson) => newIds.has(lesson.id)).map((lesson) => lesson.id);
  if (oldOrder.join() !== common.map((lesson) => lesson.id).join()) findings.push({ kind: 'lessons-reordered' });
  for (const lesson of common) {
    const before = oldById.get(lesson.id)!;
    if (before.assessment !== lesson.assessment) findings.push({ kind: 'lesson-role-changed', lesson: lessonRef(lesson) });
    else if (survival?.visitLost.has(lesson.id) === true || survival?.completionLost.has(lesson.id) === true) {
      findings.push({ kind: 'lesson-progress-unreadable', lesson: lessonRef(lesson), completionOnly: survival.visitLost.has(lesson.id) === false });
    }
    const page = old.pages.get(lesson.id);
    if (page !== undefined && current.pages.has(lesson.id) && page !== current.pages.get(lesson.id)) findings.push({ kind: 'lesson-page-changed', lesson: lessonRef(lesson) });
  }
  return { findings, renamed };
}

function answerKey(question: RuntimeQuestion): AnswerKey {
  switch (question.type) {
    case 'truefalse':
      return { type: question.type, answer: question.answer === true };
    case 'fillin':
      return { type: question.type, accepted: [...(question.accepted ?? [])], ignoreAccents: question.ignoreAccents === true };
    default:
      return { type: question.type, options: question.options ?? 0, correct: [...(question.correct ?? [])].sort((a, b) => a - b) };
  }
}

/** Whether the same answers are right under both keys (fill-in: the same accepted texts once normalised). */
function sameKey(before: AnswerKey, after: AnswerKey): boolean {
  if (before.type !== after.type) return false;
  if (before.type === 'fillin') {
    const normalised = (key: AnswerKey) => [...new Set((key.accepted ?? []).map((text) => normaliseFillin(text, key.ignoreAccents === true)))].sort().join('\n');
    return before.ignoreAccents === after.ignoreAccents && normalised(before) === normalised(after);
  }
  // The number of options alone judges nothing: a stored selection is right when it is the correct set.
  return before.answer === after.answer && (before.correct ?? []).join() === (after.correct ?? []).join();
}

function questionRefs(course: PackagedCourse): Map<string, QuestionRef> {
  const refs = new Map<string, QuestionRef>();
  for (const lesson of course.lessons) for (const id of lesson.questions) refs.set(id, { id, lesson: lesson.id, assessment: lesson.assessment });
  return refs;
}

function compareQuestions(old: PackagedCourse, current: PackagedCourse, renamedLessons: ReadonlyMap<string, string>, survival: StateSurvival | undefined): Finding[] {
  const findings: Finding[] = [];
  const oldRefs = questionRefs(old);
  const newRefs = questionRefs(current);
  const gone = [...oldRefs.values()].filter((ref) => !newRefs.has(ref.id));
  const added = [...newRefs.values()].filter((ref) => !oldRefs.has(ref.id));
  const lessonNow = (ref: QuestionRef) => renamedLessons.get(ref.lesson) ?? ref.lesson;
  const renames = pairRenames(gone, added, (before, after) => lessonNow(before) === after.lesson && sameKey(answerKey(old.questions[before.id]!), answerKey(current.questions[after.id]!)));
  const renamed = new Set(renames.flatMap(([before, after]) => [before.id, after.id]));
  for (const [before, after] of renames) findings.push({ kind: 'question-renamed', old: before, new: after });
  // The questions of a removed lesson go with it (lesson-removed says so).
  const removedLessons = new Set(old.lessons.map((lesson) => lesson.id).filter((id) => !current.lessons.some((lesson) => lesson.id === id) && !renamedLessons.has(id)));
  for (const ref of gone) if (!renamed.has(ref.id) && !removedLessons.has(ref.lesson)) findings.push({ kind: 'question-removed', question: ref });
  for (const ref of added) if (!renamed.has(ref.id)) findings.push({ kind: 'question-added', question: ref });

  const oldLessonRole = new Map(old.lessons.map((lesson) => [lesson.id, lesson.assessment]));
  for (const ref of newRefs.values()) {
    const before = oldRefs.get(ref.id);
    if (before === undefined) continue;
    const oldKey = answerKey(old.questions[ref.id]!);
    const newKey = answerKey(current.questions[ref.id]!);
    const samples = survival?.answers.get(ref.id);
    const dropped = (samples?.dropped ?? 0) > 0;
    const altered = (samples?.altered ?? 0) > 0;
    // Its lesson became (or stopped being) the assessment: lesson-role-changed already says the answers go.
    const roleChanged = before.lesson === ref.lesson && oldLessonRole.get(ref.lesson) !== ref.assessment;
    if (lessonNow(before) !== ref.lesson) findings.push({ kind: 'question-moved', old: before, new: ref, answersKept: survival !== undefined && !dropped && !altered });
    if (oldKey.type !== newKey.type) {
      findings.push({ kind: 'question-type-changed', question: ref, old: oldKey.type, new: newKey.type, answersKept: survival !== undefined && !dropped && !altered });
      continue;
    }
    const optionsChanged = oldKey.options !== newKey.options;
    const keyChanged = !sameKey(oldKey, newKey);
    if (optionsChanged) findings.push({ kind: 'question-options-changed', question: ref, old: oldKey.options ?? 0, new: newKey.options ?? 0, answersDropped: dropped });
    if (keyChanged) findings.push({ kind: 'question-key-changed', question: ref, old: oldKey, new: newKey, answersShownDifferently: altered });
    const explained = optionsChanged || keyChanged || roleChanged || lessonNow(before) !== ref.lesson;
    if (!explained && dropped) findings.push({ kind: 'question-answers-unreadable', question: ref });
    else if (!explained && altered) findings.push({ kind: 'question-answers-shown-differently', question: ref });
  }
  return findings;
}
