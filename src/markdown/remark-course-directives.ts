// Replaces the course's directives (`:::question`, `:::keypoints`) with typed nodes and reports
// every other directive: the course format has no others.
import type { Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { quote, report } from '../model/messages.js';
import { parseQuestion } from './parse-question.js';
import type { KeyPointsNode } from './types.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;
const KNOWN = 'a `:::question{#id}` or `:::keypoints` container';

export function remarkCourseDirectives() {
  return (tree: Root, file: VFile) => {
    const lesson = file.data.lesson ?? { id: '', title: '', assessment: false };
    file.data.questions = [];
    let keyPointsBoxes = 0;
    reportStrayFences(tree, file);
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!isDirective(node) || parent === undefined || index === undefined) return undefined;
      if (node.type === 'containerDirective' && node.name === 'question') {
        if (insideQuestion(parent)) {
          report(file, 'Unexpected question inside another directive, expected questions at the top level of the lesson', node.position, 'question-nested');
        }
        reportDirectivesInsideQuestion(node, file);
        const questionNode = parseQuestion(node, file, { lessonId: lesson.id, assessment: lesson.assessment, number: file.data.questions!.length + 1 });
        file.data.questions!.push(questionNode.question);
        parent.children[index] = questionNode as unknown as RootContent;
        return SKIP;
      }
      if (node.type === 'containerDirective' && node.name === 'keypoints') {
        for (const name of Object.keys(node.attributes ?? {})) {
          report(file, `Unexpected attribute ${quote(name)} on keypoints, expected none`, node.position, 'directive-unknown-attribute');
        }
        keyPointsBoxes += 1;
        const keyPoints: KeyPointsNode = { type: 'keypoints', number: keyPointsBoxes, children: node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel === true)) as KeyPointsNode['children'], position: node.position };
        parent.children[index] = keyPoints as unknown as RootContent;
        return undefined;
      }
      reportUnknownDirective(node, file);
      return undefined;
    });
  };
}

function reportUnknownDirective(node: Directive, file: VFile): void {
  const written = node.type === 'containerDirective' ? `:::${node.name}` : node.type === 'leafDirective' ? `::${node.name}` : `:${node.name}`;
  const hint = node.type === 'textDirective' ? ' (write `\\:` for a literal colon)' : '';
  report(file, `Unexpected directive ${quote(written)}, expected ${KNOWN}${hint}`, node.position, 'directive-unknown');
}

/**
 * A question's options and explanation leave the tree when it becomes a typed node, so directives
 * inside it are reported here; rendered, they would silently replace the text they stand in.
 */
function reportDirectivesInsideQuestion(question: ContainerDirective, file: VFile): void {
  visit(question, (node) => {
    if (node === question || !isDirective(node)) return undefined;
    if (node.type === 'containerDirective' && node.name === 'question') {
      report(file, 'Unexpected question inside another directive, expected questions at the top level of the lesson', node.position, 'question-nested');
      return SKIP;
    }
    if (node.type === 'containerDirective' && node.name === 'keypoints') {
      report(file, 'Unexpected key points inside a question, expected `:::keypoints` at the top level of the lesson', node.position, 'question-nested');
      return SKIP;
    }
    reportUnknownDirective(node, file);
    return undefined;
  });
}

/** A line starting with `:::` inside a paragraph: a directive fence micromark could not read. */
const STRAY_FENCE = /^([ \t>]*)(:::.*)$/;

/**
 * A directive whose opening line does not parse (`:::question{#q1 type=single` without its `}`)
 * is plain text: its options would show as ticked checkboxes, answers included. Report every
 * paragraph line that starts with `:::`.
 */
function reportStrayFences(tree: Root, file: VFile): void {
  const source = String(file.value);
  visit(tree, 'paragraph', (node) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    source.slice(start.offset, end.offset).split('\n').forEach((line, index) => {
      const match = STRAY_FENCE.exec(line);
      if (match === null) return;
      const column = (index === 0 ? start.column : 1) + match[1]!.length;
      const fence = match[2]!.trimEnd();
      report(file, `Unexpected ${quote(fence)} in text, expected a directive line such as \`:::question{#id}\` (check its braces and quotes) or a \`:::\` closing one`, {
        start: { line: start.line + index, column },
        end: { line: start.line + index, column: column + fence.length },
      }, 'directive-malformed');
    });
  });
}

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

function insideQuestion(parent: Parent): boolean {
  return parent.type !== 'root';
}
