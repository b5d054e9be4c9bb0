// Stage 2: course-wide checks that no single lesson file can see (ids across lessons, the
// assessment, translation parity, links to parts of lessons). Per-lesson problems were already
// reported while loading.
import type { VFile } from 'vfile';
import type { Course, Edition, Lesson, Question } from '../model/course.js';
import { firstAt, quote, report, START_OF_FILE } from '../model/messages.js';
import { checkTranslationLock } from './translation-lock.js';
import { checkStateBudget } from './state-budget.js';
import { checkGiveaways } from './answer-given-away.js';
import { checkLabelClash } from './label-clash.js';
import { checkMissingStrings } from './missing-strings.js';
import { checkAcceptedAnswers, checkLessonId, checkOptionTexts } from './lesson-checks.js';
import { checkPackageSize } from './package-size.js';
import { checkSectionLinks } from './section-links.js';

/** Run every course-wide check; returns all files so callers can report them together. */
export function check(course: Course): VFile[] {
  // First: the strings warning is listed before the other course-wide messages at edition.yaml:1:1.
  for (const edition of course.editions) checkMissingStrings(edition);
  for (const edition of course.editions) checkEdition(edition);
  for (const edition of course.editions) checkSectionLinks(edition);
  for (const edition of course.editions) checkStateBudget(course, edition);
  for (const edition of course.editions) checkGiveaways(edition);
  for (const edition of course.editions) checkLabelClash(edition);
  for (const edition of course.editions) checkPackageSize(course, edition);
  for (const group of course.config.translations) checkTranslations(course, group);
  checkTranslationLock(course);
  return course.files;
}

function checkEdition(edition: Edition): void {
  if (edition.lessons.length === 0) {
    report(edition.file, `Unexpected edition ${quote(edition.lang)} without lessons, expected \`.md\` lesson files in its folder`, START_OF_FILE, 'edition-empty');
  }
  const lessonIds = new Map<string, Lesson>();
  const questionIds = new Map<string, { id: string; lesson: Lesson; question: Question }>();
  const assessments = edition.lessons.filter((lesson) => lesson.assessment);
  for (const lesson of edition.lessons) {
    checkLessonId(lesson);
    // Lesson ids name files in the package (lessons/<id>.html): ids differing only in case would
    // overwrite each other when unpacked on Windows or macOS.
    const earlier = lessonIds.get(lesson.id.toLowerCase());
    if (lesson.id !== '' && earlier !== undefined) {
      const sameCase = earlier.id === lesson.id ? '' : ` as ${quote(earlier.id)}, ids differing only in case`;
      report(lesson.file, `Unexpected duplicate lesson id ${quote(lesson.id)} (also in ${earlier.fileName}${sameCase}), expected ids unique in the edition`, lesson.idPlace, 'duplicate-id', firstAt(earlier.file, earlier.idPlace ?? START_OF_FILE));
    }
    lessonIds.set(lesson.id.toLowerCase(), lesson);
    for (const question of lesson.questions) {
      checkOptionTexts(lesson, question);
      checkAcceptedAnswers(lesson, question);
      // Question ids differing only in case are one id to LMSes that compare interaction ids without case.
      const owner = questionIds.get(question.id.toLowerCase());
      if (question.id !== '' && owner !== undefined) {
        const sameCase = owner.id === question.id ? '' : ` as ${quote(owner.id)}, ids differing only in case`;
        report(lesson.file, `Unexpected duplicate question id ${quote(question.id)} (also in ${owner.lesson.fileName}${sameCase}), expected ids unique in the edition`, question.place, 'duplicate-id', firstAt(owner.lesson.file, owner.question.place ?? START_OF_FILE));
      }
      questionIds.set(question.id.toLowerCase(), { id: question.id, lesson, question });
    }
  }
  const [firstAssessment, ...extras] = assessments;
  for (const extra of extras) {
    report(extra.file, `Unexpected second assessment lesson (the first is ${firstAssessment!.fileName}), expected at most one lesson with \`assessment: true\``, extra.idPlace ?? START_OF_FILE, 'assessment-several', firstAt(firstAssessment!.file, firstAssessment!.idPlace ?? START_OF_FILE));
  }
  const assessment = assessments[0];
  if (assessment !== undefined && assessment.questions.length === 0) {
    report(assessment.file, 'Unexpected assessment without questions, expected at least one `:::question`', assessment.idPlace ?? START_OF_FILE, 'assessment-empty');
  }
}

/** Editions declared as translations must share lesson ids, question ids, types and answer keys. */
function checkTranslations(course: Course, group: readonly string[]): void {
  const editions = group.map((lang) => course.editions.find((edition) => edition.lang === lang)).filter((edition): edition is Edition => edition !== undefined);
  const [reference, ...others] = editions;
  if (reference === undefined) return;
  for (const other of others) {
    compareLessons(reference, other);
    compareLessons(other, reference, true);
  }
}

function compareLessons(reference: Edition, other: Edition, onlyMissing = false): void {
  const otherLessons = new Map(other.lessons.map((lesson) => [lesson.id, lesson]));
  reference.lessons.forEach((lesson, index) => {
    // A lesson without an id (unreadable, no front matter) already carries its error.
    if (lesson.id === '') return;
    const counterpart = otherLessons.get(lesson.id);
    if (counterpart === undefined) {
      report(other.file, `Unexpected missing lesson ${quote(lesson.id)} in ${other.lang} (it is in ${reference.lang}/${lesson.fileName}), expected the same lessons in every translation`, START_OF_FILE, 'translation-lesson-missing');
      return;
    }
    if (onlyMissing) return;
    if (other.lessons.indexOf(counterpart) !== index) {
      report(counterpart.file, `Unexpected lesson ${quote(lesson.id)} at position ${other.lessons.indexOf(counterpart) + 1}, expected position ${index + 1} as in ${reference.lang}`, counterpart.idPlace, 'translation-lesson-order');
    }
    compareQuestions(reference, lesson, other, counterpart);
  });
}

function compareQuestions(reference: Edition, lesson: Lesson, other: Edition, counterpart: Lesson): void {
  const theirs = new Map(counterpart.questions.map((question) => [question.id, question]));
  const ours = new Set(lesson.questions.map((question) => question.id));
  for (const question of lesson.questions) {
    const match = theirs.get(question.id);
    const where = `${reference.lang}/${lesson.fileName}${question.place ? `:${question.place.start.line}:${question.place.start.column}` : ''}`;
    if (match === undefined) {
      report(counterpart.file, `Unexpected missing question ${quote(question.id)} (it is in ${where}), expected the same questions in every translation`, counterpart.idPlace, 'translation-question-missing');
      continue;
    }
    if (match.type !== question.type) {
      report(counterpart.file, `Unexpected type ${quote(match.type)} for question ${quote(question.id)}, expected ${quote(question.type)} as in ${where}`, match.place, 'translation-key-mismatch');
    } else if (answerKey(match) !== answerKey(question)) {
      report(counterpart.file, `Unexpected answer key ${answerKey(match)} for question ${quote(question.id)}, expected ${answerKey(question)} as in ${where}`, match.place, 'translation-key-mismatch');
    }
  }
  for (const question of counterpart.questions) {
    if (!ours.has(question.id)) {
      report(counterpart.file, `Unexpected question ${quote(question.id)} missing from ${reference.lang}/${lesson.fileName}, expected the same questions in every translation`, question.place, 'translation-question-extra');
    }
  }
}

/** A language-independent description of the right answer (fill-in answers are per language). */
export function answerKey(question: Question): string {
  switch (question.type) {
    case 'truefalse':
      return String(question.answer);
    case 'fillin':
      return 'fill-in';
    default:
      return `${question.options.length} options, correct ${question.options.flatMap((option, index) => (option.correct ? [index + 1] : [])).join('+') || 'none'}`;
  }
}
