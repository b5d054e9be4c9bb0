// remark-rehype handlers: question and key-points nodes → accessible HTML.
import type { Element, ElementContent } from 'hast';
import type { BlockContent, Paragraph } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { h } from 'hastscript';
import type { UiStrings } from '../model/strings.js';
import { t } from '../model/strings.js';
import type { KeyPointsNode, QuestionNode } from './types.js';
import { TEXT_LIMIT } from '../scorm12/limits.js';

/** What a question's DOM id starts with, before the question's id (a link's `#q-<id>` names the question). */
export const QUESTION_ID_PREFIX = 'q-';

/** DOM id of a question's form; option and hint ids derive from it. */
export function questionDomId(questionId: string): string {
  return `${QUESTION_ID_PREFIX}${questionId}`;
}

export function createQuestionHandlers(strings: UiStrings) {
  return {
    question(state: State, node: QuestionNode): Element {
      const { question } = node;
      const base = questionDomId(question.id);
      const [first, ...rest] = node.children;
      const legendPrompt = first?.type === 'paragraph' ? inline(state, first) : [];
      const moreBlocks = first?.type === 'paragraph' ? rest : node.children;
      const hintKey = question.type === 'multiple' ? 'question.chooseMany' : question.type === 'fillin' ? 'question.typeAnswer' : 'question.chooseOne';
      const fieldsetChildren: ElementContent[] = [
        h('legend', { className: ['question-prompt'] }, [
          h('span', { className: ['question-number'] }, `${t(strings, 'question.label')} ${node.number}`),
          ' ',
          ...legendPrompt,
        ]),
      ];
      if (moreBlocks.length > 0) fieldsetChildren.push(h('div', { className: ['question-prompt-more'] }, blocks(state, moreBlocks)));
      fieldsetChildren.push(h('p', { className: ['question-hint'], id: `${base}-hint` }, t(strings, hintKey)));
      fieldsetChildren.push(answerControls(state, node, strings, base));

      const formChildren: ElementContent[] = [h('fieldset', { ariaDescribedBy: [`${base}-hint`] }, fieldsetChildren)];
      if (!node.assessment) {
        formChildren.push(h('button', { type: 'submit', className: ['button', 'question-check'] }, t(strings, 'question.check')));
      }
      const explanation: ElementContent[] = node.explanation.length > 0
        ? [h('div', { className: ['question-explanation'] }, [h('p', { className: ['question-explanation-title'] }, t(strings, 'question.explanation')), ...blocks(state, node.explanation)])]
        : [];
      formChildren.push(h('div', { className: ['question-feedback'], id: `${base}-feedback`, hidden: true }, [h('p', { className: ['question-verdict'] }), ...explanation]));
      return h('form', {
        className: ['question'],
        id: base,
        dataQuestion: question.id,
        dataType: question.type,
        dataMode: node.assessment ? 'assessment' : 'check',
        noValidate: true,
      }, formChildren);
    },

    keypoints(state: State, node: KeyPointsNode): Element {
      // The title is the interface's text, not the author's heading: its own id (which names the
      // box) keeps it out of the heading ids, so each author heading's id follows its GitHub anchor.
      const titleId = `key-points-${node.number}`;
      return h('aside', { className: ['key-points'], ariaLabelledBy: [titleId] }, [
        h('h2', { className: ['key-points-title'], id: titleId }, t(strings, 'keypoints.title')),
        ...blocks(state, node.children),
      ]);
    },
  };
}

function answerControls(state: State, node: QuestionNode, strings: UiStrings, base: string): Element {
  const { question } = node;
  if (question.type === 'fillin') {
    return h('p', { className: ['question-fillin'] }, [
      h('label', { htmlFor: `${base}-input` }, t(strings, 'question.yourAnswer')),
      h('input', { type: 'text', id: `${base}-input`, name: base, autoComplete: 'off', autoCapitalize: 'off', spellCheck: 'false', maxLength: TEXT_LIMIT }),
    ]);
  }
  const inputType = question.type === 'multiple' ? 'checkbox' : 'radio';
  const labels: ElementContent[][] = question.type === 'truefalse'
    ? [[{ type: 'text', value: t(strings, 'question.true') }], [{ type: 'text', value: t(strings, 'question.false') }]]
    : node.optionContents.map((content) => inline(state, { type: 'paragraph', children: content }));
  const values = question.type === 'truefalse' ? ['true', 'false'] : labels.map((_, index) => index.toString(36));
  return h('ul', { className: ['question-options'], role: 'list' }, labels.map((label, index) =>
    h('li', { className: ['question-option'], dataOption: values[index] }, [
      h('input', { type: inputType, name: base, id: `${base}-${index}`, value: values[index] }),
      h('label', { htmlFor: `${base}-${index}` }, label),
    ])));
}

function inline(state: State, paragraph: Paragraph): ElementContent[] {
  return state.all(paragraph) as ElementContent[];
}

function blocks(state: State, children: BlockContent[]): ElementContent[] {
  return state.wrap(state.all({ type: 'root', children } as never) as ElementContent[], true);
}
