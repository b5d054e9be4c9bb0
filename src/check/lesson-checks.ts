// Per-lesson checks that need the parsed lesson: its id as a file name in the package, the
// options of each choice question told apart, and each fill-in answer accepted once (a repeat is
// reported on its list item, naming the first one).
import type { Lesson, Question } from '../model/course.js';
import { firstAt, quote, report } from '../model/messages.js';
import { MAX_ID_LENGTH, reservedNameOf } from '../load/files/name-limits.js';
import { lessonPagePath } from '../contract/package-layout.js';
import { normaliseFillin } from '../runtime/logic/scoring.js';

/** The lesson id names `lessons/<id>.html` and `lessons/<id>.js` in the package. */
export function checkLessonId(lesson: Lesson): void {
  if (lesson.id === '') return;
  if (lesson.id.length > MAX_ID_LENGTH) {
    report(lesson.file, `Unexpected lesson id of ${lesson.id.length} characters, expected at most ${MAX_ID_LENGTH} (it names the lesson's files in the package)`, lesson.idPlace, 'id-too-long');
  }
  const reserved = reservedNameOf(lesson.id);
  if (reserved !== undefined) {
    report(lesson.file, `Unexpected lesson id ${quote(lesson.id)}, expected an id that is not the Windows device name ${quote(reserved)} (the package's ${quote(lessonPagePath(lesson.id))} could not be unpacked on Windows)`, lesson.idPlace, 'file-name-reserved');
  }
}

/** Option text as a learner tells options apart: white space collapsed, letter case ignored. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Two options of one question with the same text cannot be told apart by the learner. */
export function checkOptionTexts(lesson: Lesson, question: Question): void {
  const seen = new Map<string, number>();
  question.options.forEach((option, index) => {
    const key = comparable(option.text);
    if (key === '') return;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, index);
      return;
    }
    const first = question.options[earlier]!;
    report(lesson.file, `Unexpected option ${index + 1} ${quote(option.text)} with the same text as option ${earlier + 1} of question ${quote(question.id)}, expected options a learner can tell apart`, option.place ?? question.place, 'question-option-duplicate', firstAt(lesson.file, first.place ?? question.place));
  });
}

/**
 * Two accepted answers of a fill-in that match the same typed text (matching ignores case,
 * spaces, punctuation at either end and, with accents=ignore, diacritics): the second one is
 * never needed, and usually shows the author expected matching to be stricter than it is.
 */
export function checkAcceptedAnswers(lesson: Lesson, question: Question): void {
  const seen = new Map<string, number>();
  question.accepted.forEach((answer, index) => {
    const key = normaliseFillin(answer, question.ignoreAccents);
    if (key === '') return;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, index);
      return;
    }
    const place = (at: number) => question.acceptedPlaces?.[at] ?? question.place;
    report(lesson.file, `Unexpected accepted answer ${index + 1} ${quote(answer)} of question ${quote(question.id)}, which matches accepted answer ${earlier + 1} ${quote(question.accepted[earlier]!)} already (case, spaces and punctuation at either end are ignored), expected each answer once`, place(index), 'fillin-answer-duplicate', firstAt(lesson.file, place(earlier)));
  });
}
