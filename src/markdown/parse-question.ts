// Turns one `:::question` container directive into a typed QuestionNode, reporting every problem.
import type { BlockContent, List, ListItem, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import type { ChoiceOption, Question, QuestionType } from '../model/course.js';
import { ID_PATTERN, ID_PATTERN_TEXT, MAX_CHOICE_OPTIONS } from '../model/ids.js';
import { TEXT_LIMIT as SCORM_TEXT_LIMIT } from '../scorm12/limits.js';
import { quote, report } from '../model/messages.js';
import type { QuestionNode } from './types.js';

const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'truefalse', 'fillin'];
/** Attributes each question type accepts (`id` comes from `#id`). */
const ATTRIBUTES: Record<QuestionType, readonly string[]> = {
  single: ['id', 'type'],
  multiple: ['id', 'type'],
  truefalse: ['id', 'type', 'answer'],
  fillin: ['id', 'type', 'accents'],
};
/** SCORM 1.2 choice responses are one character of [0-9a-z]. */
const SCORM_CHOICE_LIMIT = 36;

export interface QuestionContext {
  lessonId: string;
  assessment: boolean;
  number: number;
}

export function parseQuestion(node: ContainerDirective, file: VFile, context: QuestionContext): QuestionNode {
  const attributes = node.attributes ?? {};
  const place = node.position;
  const id = readId(attributes.id, file, node);
  const type = readType(attributes.type, file, node);
  for (const name of Object.keys(attributes)) {
    if (!ATTRIBUTES[type].includes(name)) {
      report(file, `Unexpected attribute ${quote(name)} on a ${type} question, expected only ${ATTRIBUTES[type].map((a) => (a === 'id' ? '#id' : a)).join(', ')}`, place, 'directive-unknown-attribute');
    }
  }

  const prompt: BlockContent[] = [];
  const explanation: BlockContent[] = [];
  let list: List | undefined;
  for (const child of node.children) {
    if (child.type === 'paragraph' && child.data?.directiveLabel === true) {
      report(file, 'Unexpected label on a question directive, expected the prompt as a paragraph inside it', child.position, 'question-label');
    } else if (child.type === 'list' && list === undefined && explanation.length === 0) {
      list = child;
    } else if (child.type === 'blockquote' && explanation.length === 0) {
      explanation.push(...(child.children as BlockContent[]));
    } else if (list === undefined && explanation.length === 0) {
      prompt.push(child as BlockContent);
    } else {
      report(file, `Unexpected ${child.type} after the ${explanation.length > 0 ? 'explanation' : 'options'}, expected the prompt first, then the options, then one blockquote explanation`, child.position, 'question-unexpected-content');
    }
  }
  if (prompt.length === 0) {
    report(file, 'Unexpected question without a prompt, expected a paragraph before the options', place, 'question-missing-prompt');
  }
  if (explanation.length === 0) {
    report(file, 'Unexpected question without an explanation, expected a `>` blockquote after the options', place, 'question-missing-explanation');
  }

  const question: Question = {
    id,
    type,
    lessonId: context.lessonId,
    options: [],
    accepted: [],
    ignoreAccents: attributes.accents === 'ignore',
    prompt: prompt.map((block) => toString(block)).join(' ').trim(),
    place: node.position,
  };
  const optionContents: PhrasingContent[][] = [];
  if (type === 'single' || type === 'multiple') {
    readChoices(list, file, node, type, question, optionContents);
  } else if (type === 'truefalse') {
    readTrueFalse(attributes.answer, list, file, node, question);
  } else {
    readFillIn(attributes.accents, list, file, node, question);
  }
  return {
    type: 'question',
    children: prompt,
    question,
    optionContents,
    explanation,
    assessment: context.assessment,
    number: context.number,
    position: node.position,
  };
}

function readId(value: string | null | undefined, file: VFile, node: ContainerDirective): string {
  if (value === undefined || value === null || value === '') {
    report(file, 'Unexpected question without an id, expected `:::question{#some-id}`', node.position, 'question-missing-id');
    return '';
  }
  if (!ID_PATTERN.test(value) || value.length > SCORM_TEXT_LIMIT) {
    report(file, `Unexpected question id ${quote(value)}, expected ${ID_PATTERN_TEXT} (at most ${SCORM_TEXT_LIMIT} characters)`, node.position, 'id-invalid');
  }
  return value;
}

function readType(value: string | null | undefined, file: VFile, node: ContainerDirective): QuestionType {
  if (value === undefined || value === null) return 'single';
  if ((QUESTION_TYPES as readonly string[]).includes(value)) return value as QuestionType;
  report(file, `Unexpected question type ${quote(value)}, expected one of ${QUESTION_TYPES.join(', ')}`, node.position, 'question-type-unknown');
  return 'single';
}

function readChoices(list: List | undefined, file: VFile, node: ContainerDirective, type: 'single' | 'multiple', question: Question, contents: PhrasingContent[][]): void {
  if (list === undefined) {
    report(file, `Unexpected ${type} choice question without options, expected a task list (\`- [ ]\`, \`- [x]\`)`, node.position, 'question-missing-options');
    return;
  }
  for (const item of list.children) {
    if (item.checked === null || item.checked === undefined) {
      report(file, 'Unexpected list item without a checkbox, expected `- [ ] option` or `- [x] option`', item.position, 'question-option-not-task');
    }
    const inline = optionInline(item, file);
    contents.push(inline);
    const text = toString({ type: 'paragraph', children: inline }).trim();
    if (text === '') report(file, 'Unexpected empty option, expected option text after the checkbox', item.position, 'question-option-empty');
    const option: ChoiceOption = { html: '', text, correct: item.checked === true, place: item.position };
    question.options.push(option);
  }
  const count = question.options.length;
  const correct = question.options.filter((option) => option.correct).length;
  if (count < 2) {
    report(file, `Unexpected ${count} option${count === 1 ? '' : 's'}, expected at least 2`, list.position, 'question-too-few-options');
  }
  if (count > SCORM_CHOICE_LIMIT) {
    report(file, `Unexpected ${count} options, expected at most ${SCORM_CHOICE_LIMIT} (SCORM 1.2 choice responses are one character 0-9, a-z)`, list.position, 'question-too-many-options');
  } else if (count > MAX_CHOICE_OPTIONS) {
    report(file, `Unexpected ${count} options, expected at most ${MAX_CHOICE_OPTIONS} (some LMSes reject choice responses above 9)`, list.position, 'question-many-options');
  }
  if (correct === 0 && count > 0) {
    report(file, 'Unexpected question without a correct answer, expected at least one `[x]` item', list.position, 'question-no-correct');
  }
  if (type === 'single' && correct > 1) {
    report(file, `Unexpected ${correct} correct options on a single-choice question, expected exactly one \`[x]\` (or \`type=multiple\`)`, list.position, 'question-several-correct');
  }
}

/** The option's inline content: the item's single paragraph. */
function optionInline(item: ListItem, file: VFile): PhrasingContent[] {
  const [first, ...rest] = item.children;
  if (rest.length > 0 || (first !== undefined && first.type !== 'paragraph')) {
    report(file, 'Unexpected block content in an option, expected one line of text per option', item.position, 'question-option-complex');
  }
  return first?.type === 'paragraph' ? first.children : [];
}

function readTrueFalse(answer: string | null | undefined, list: List | undefined, file: VFile, node: ContainerDirective, question: Question): void {
  if (list !== undefined) {
    report(file, 'Unexpected options on a true/false question, expected `answer=true` or `answer=false` and no list', list.position, 'question-unexpected-options');
  }
  if (answer === undefined || answer === null) {
    report(file, 'Unexpected true/false question without a correct answer, expected `answer=true` or `answer=false`', node.position, 'question-no-correct');
  } else if (answer !== 'true' && answer !== 'false') {
    report(file, `Unexpected answer ${quote(answer)}, expected \`true\` or \`false\``, node.position, 'question-answer-invalid');
  } else {
    question.answer = answer === 'true';
  }
}

function readFillIn(accents: string | null | undefined, list: List | undefined, file: VFile, node: ContainerDirective, question: Question): void {
  if (accents !== undefined && accents !== null && accents !== 'ignore' && accents !== 'strict') {
    report(file, `Unexpected accents=${quote(accents)}, expected \`accents=ignore\` or \`accents=strict\``, node.position, 'question-answer-invalid');
  }
  if (list === undefined) {
    report(file, 'Unexpected fill-in question without a correct answer, expected a list of accepted answers', node.position, 'question-no-correct');
    return;
  }
  for (const item of list.children) {
    if (item.checked !== null && item.checked !== undefined) {
      report(file, 'Unexpected checkbox in a fill-in answer, expected a plain list item (`- answer`)', item.position, 'question-option-not-plain');
    }
    const text = toString(item).trim();
    if (text === '') {
      report(file, 'Unexpected empty accepted answer, expected text', item.position, 'question-option-empty');
    } else if (text.length > SCORM_TEXT_LIMIT) {
      report(file, `Unexpected accepted answer of ${text.length} characters, expected at most ${SCORM_TEXT_LIMIT} (SCORM 1.2 limit)`, item.position, 'question-answer-too-long');
    }
    question.accepted.push(text);
    (question.acceptedPlaces ??= []).push(item.position);
  }
}
