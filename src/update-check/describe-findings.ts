// Each finding in words for authors and HR: what changed, and what it means for learners who
// started the old package and for the LMS that holds their records.
import type { AnswerKey, Finding, IdentifierChange, LessonRef, QuestionRef } from './findings.js';
import { TARGET_NAMES } from '../model/course.js';

const code = (text: string) => `\`${text}\``;

/** `Lesson `id` (“Title”)`; `atStart: false` for the middle of a sentence. */
function lessonName(lesson: LessonRef, atStart = true): string {
  const noun = lesson.assessment ? 'the assessment' : 'lesson';
  return `${atStart ? capitalised(noun) : noun} ${code(lesson.id)} (“${lesson.title}”)`;
}

function questionName(question: QuestionRef, atStart = true): string {
  const noun = atStart ? 'Question' : 'question';
  return question.assessment ? `${noun} ${code(question.id)} of the assessment` : `${noun} ${code(question.id)} (knowledge check in lesson ${code(question.lesson)})`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function keyText(key: AnswerKey): string {
  switch (key.type) {
    case 'truefalse':
      return `answer ${key.answer === true ? 'true' : 'false'}`;
    case 'fillin':
      return `accepts ${list((key.accepted ?? []).map((text) => `“${text}”`))}${key.ignoreAccents === true ? ', accents ignored' : ''}`;
    default: {
      const correct = (key.correct ?? []).map((index) => String(index + 1));
      return `${correct.length === 1 ? 'option' : 'options'} ${list(correct)} of ${key.options ?? 0} correct`;
    }
  }
}

function identifierText(change: IdentifierChange): string {
  return `${change.role} ${code(change.old)} → ${code(change.new)}`;
}

const RECORDS_DELETED = 'Moodle and Totara match the items of a replaced package by identifier and delete the learners\' records (status, score, time, resume data) of an item whose identifier changed; other LMSes may take the package for new content.';
const BOOKMARK_LOST = 'learners whose bookmark is there start at the first lesson';

function percentRange(low: number, high: number): string {
  return high - low === 1 ? `${low}%` : `${low}–${high - 1}%`;
}

/** One or two sentences about `finding`. */
export function describeFinding(finding: Finding): string {
  switch (finding.kind) {
    case 'new-language':
      return 'No old package of this language was given: no learner has started it, so there is nothing to keep.';
    case 'new-target':
      return `No old ${TARGET_NAMES[finding.target]} package of this language was given, only ${list(finding.old.map((target) => TARGET_NAMES[target]))}: the ${TARGET_NAMES[finding.target]} package is uploaded as an activity of its own, which no learner has started; learners of the other keep their records there as long as it stays in the LMS.`;
    case 'identifiers-changed':
      return `The package identifiers changed (${finding.changes.map(identifierText).join('; ')}). ${RECORDS_DELETED}${finding.versionInOldIdentifiers ? ' The old package was made by an earlier scormdown, which put the course version into the identifiers; packages made now keep them from one version to the next, but this update changes them once.' : ''}`;
    case 'state-format-changed':
      return `The learner-state format changed (${finding.old} → ${finding.new}): the new package cannot read the resume data the old one saved, so resume data is discarded and learners start the lesson progress again, without their saved answers; the status and score the LMS holds are kept.`;
    case 'state-format-unrecorded':
      return `The old package does not say which learner-state format it saves (it was made before scormdown recorded it), so whether the new package reads its resume data cannot be checked. What is said here about progress and answers holds if it saves format ${finding.new}, as this scormdown does; with any other, resume data is discarded and learners start the lesson progress again.`;
    case 'pass-mark-changed':
      return finding.new > finding.old
        ? `The pass mark rose from ${finding.old}% to ${finding.new}%: stored assessment scores are now judged against ${finding.new}%. Learners the LMS already records as passed stay passed in the course, but an LMS that derives passed/failed from the mastery score (Moodle's "Mastery score overrides status") may record a stored score of ${percentRange(finding.old, finding.new)} as failed.`
        : `The pass mark fell from ${finding.old}% to ${finding.new}%: stored assessment scores are now judged against ${finding.new}%, so learners who had not passed with ${percentRange(finding.new, finding.old)} are reported as passed the next time they open the course.`;
    case 'attempts-changed': {
      const text = (attempts: number) => (attempts === 0 ? 'unlimited' : String(attempts));
      const fewer = finding.new !== 0 && (finding.old === 0 || finding.new < finding.old);
      return `Assessment attempts changed from ${text(finding.old)} to ${text(finding.new)}: ${fewer ? `learners who have already used ${finding.new} without passing cannot try again` : 'learners who had used up their attempts without passing may try again'}.`;
    }
    case 'reporting-changed':
      return `The reporting mode changed from ${finding.old} to ${finding.new}: the next time learners open the course, the status sent to the LMS follows the new mode (for example ${finding.new.startsWith('passed') ? '`passed` instead of `completed`' : '`completed` instead of `passed`'}); no record is deleted.`;
    case 'shuffle-changed': {
      const onOff = (value: boolean) => (value ? 'on' : 'off');
      return `Shuffling changed (questions ${onOff(finding.old.questions)} → ${onOff(finding.new.questions)}, options ${onOff(finding.old.options)} → ${onOff(finding.new.options)}): an assessment attempt in progress shows its questions or options in another order; the answers given are kept.`;
    }
    case 'lesson-removed': {
      const answers = finding.questionsGone > 0 ? ` and their answers to its ${finding.questionsGone === 1 ? 'question' : 'questions'}` : '';
      return finding.lesson.assessment
        ? `${lessonName(finding.lesson)} is no longer in the course: answers of attempts in progress are discarded and ${BOOKMARK_LOST}; the status and score the LMS holds are kept.`
        : `${lessonName(finding.lesson)} is no longer in the course: learners' progress in it${answers} ${answers === '' ? 'is' : 'are'} discarded, and ${BOOKMARK_LOST}.`;
    }
    case 'lesson-renamed':
      return `${lessonName(finding.old)} seems to have been renamed to ${code(finding.new.id)}: progress is saved by lesson id, so learners see it as not yet visited and ${BOOKMARK_LOST}; ${finding.answersKept ? 'their answers to its questions are kept (answers are saved by question id)' : 'their answers to its questions are discarded'}. Give it back the id ${code(finding.old.id)} to keep its progress.`;
    case 'lesson-added':
      return finding.lesson.assessment
        ? `${lessonName(finding.lesson)} is new: learners now pass the course by passing it; a completion or pass the LMS already holds is not taken back.`
        : `${lessonName(finding.lesson)} is new: learners see it as not yet visited; a completion the LMS already holds is not taken back.`;
    case 'lesson-role-changed':
      return `${lessonName(finding.lesson)} ${finding.lesson.assessment ? 'is now the assessment' : 'is no longer the assessment'}: answers learners saved to its questions are discarded.`;
    case 'lesson-progress-unreadable':
      return `Learners' saved ${finding.completionOnly ? 'completion' : 'progress'} in ${lessonName(finding.lesson, false)} is lost: in the old package's saved data its short key now also stands for a new lesson id (a rare clash). Giving the new lesson another id avoids it.`;
    case 'lessons-reordered':
      return 'The lessons are in a new order: progress is saved by lesson id, so it is kept.';
    case 'lesson-page-changed':
      return `${lessonName(finding.lesson)}: its page changed (text, title or layout). Progress and answers are kept.`;
    case 'question-removed':
      return finding.question.assessment
        ? `${questionName(finding.question)} is no longer in the course: its answer in an attempt in progress is discarded; submitted attempts keep their score, and the LMS keeps the interactions it was sent.`
        : `${questionName(finding.question)} is no longer in the course: learners' answers to it are discarded.`;
    case 'question-renamed':
      return `${questionName(finding.old)} seems to have been renamed to ${code(finding.new.id)} (same lesson, same answer key): answers are saved by question id, so learners' answers to it are discarded, and LMS reports list it under the new id. Give it back the id ${code(finding.old.id)} to keep them.`;
    case 'question-added':
      return finding.question.assessment
        ? `${questionName(finding.question)} is new: an attempt in progress needs it answered too; submitted attempts keep their score.`
        : `${questionName(finding.question)} is new: learners who have not completed that lesson answer it too; lessons already completed stay completed.`;
    case 'question-moved':
      return `Question ${code(finding.old.id)} moved from ${finding.old.assessment ? 'the assessment' : `lesson ${code(finding.old.lesson)}`} to ${finding.new.assessment ? 'the assessment' : `lesson ${code(finding.new.lesson)}`}: ${finding.answersKept ? 'learners\' saved answers to it are kept' : 'learners\' saved answers to it are discarded'}.`;
    case 'question-type-changed':
      return finding.answersKept
        ? `${questionName(finding.question)} changed from ${finding.old} to ${finding.new}: saved answers are kept and scored by the rules of the new type.`
        : `${questionName(finding.question)} changed from ${finding.old} to ${finding.new}: saved answers that cannot be read as the new type are discarded.`;
    case 'question-options-changed':
      return finding.answersDropped
        ? `${questionName(finding.question)} has ${finding.new} options instead of ${finding.old}: saved answers are stored by option position, so answers that chose a position beyond ${finding.new} are discarded and the others now select the option at the same position.`
        : `${questionName(finding.question)} has ${finding.new} options instead of ${finding.old}: saved answers are stored by option position and now select the option at the same position (another text, if options were inserted or reordered).`;
    case 'question-key-changed': {
      const change = `the answer key changed (${keyText(finding.old)} → ${keyText(finding.new)})`;
      const scoring = finding.question.assessment
        ? 'Stored answers are scored against the new key: an attempt in progress is scored by it when submitted; submitted attempts keep their score and pass/fail, but the verdict shown beside this question follows the new key.'
        : 'Stored answers are scored against the new key: learners see their earlier answer marked right or wrong by it.';
      const shown = finding.answersShownDifferently ? ' Answers that matched an accepted answer are stored by its position in the list, so they now show the accepted answer at that position.' : '';
      return `${questionName(finding.question)}: ${change}. ${scoring}${shown}`;
    }
    case 'question-answers-unreadable':
      return `Saved answers to ${questionName(finding.question, false)} are lost: in the old package's saved data its short key now also stands for a new question id (a rare clash). Giving the new question another id avoids it.`;
    case 'question-answers-shown-differently':
      return `${questionName(finding.question)}: the accepted answers are in a new order. Answers that matched one are stored by its position in the list, so they now show the accepted answer at that position (still an accepted answer).`;
  }
}
