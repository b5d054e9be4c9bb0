// Right and wrong answers for a question of the course data, as the runtime stores them.
import type { RuntimeQuestion } from '../../src/contract/course-data.js';
import type { Answer } from '../../src/runtime/logic/learner-state.js';

export function rightAnswer(question: RuntimeQuestion): Answer {
  switch (question.type) {
    case 'truefalse':
      return { kind: 'truefalse', value: question.answer === true };
    case 'fillin':
      return { kind: 'fillin', text: question.accepted![0]! };
    default:
      return { kind: 'choice', selected: [...question.correct!] };
  }
}

export function wrongAnswer(question: RuntimeQuestion): Answer {
  const options = question.options ?? 0;
  const correct = question.correct ?? [];
  switch (question.type) {
    case 'truefalse':
      return { kind: 'truefalse', value: question.answer !== true };
    case 'fillin':
      return { kind: 'fillin', text: 'keine Ahnung' };
    case 'single':
      return { kind: 'choice', selected: [(correct[0]! + 1) % options] };
    default:
      return { kind: 'choice', selected: correct.length > 1 ? [correct[0]!] : [correct[0]!, (correct[0]! + 1) % options].sort((a, b) => a - b) };
  }
}

/** What SCORM 1.2 student_response (or SCORM 2004 learner_response) holds for an answer. */
export function expectedResponse(answer: Answer, target: 'scorm12' | 'scorm2004' = 'scorm12'): string {
  if (answer.kind === 'truefalse') return target === 'scorm2004' ? String(answer.value) : answer.value ? 't' : 'f';
  if (answer.kind === 'fillin') return answer.text.trim();
  return [...answer.selected].sort((a, b) => a - b).map((index) => index.toString(36)).join(target === 'scorm2004' ? '[,]' : ',');
}
