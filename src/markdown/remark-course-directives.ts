// Replaces the course's directives (`:::question`, `:::keypoints`) with typed nodes and reports
// every other directive: the course format has no others.
import type { Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { quote, report } from '../messages.js';
import { parseQuestion } from './parse-question.js';
import type { KeyPointsNode } from './types.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;
const KNOWN = 'a `:::question{#id}` or `:::keypoints` container';

export function remarkCourseDirectives() {
  return (tree: Root, file: VFile) => {
    const lesson = file.data.lesson ?? { id: '', title: '', assessment: false };
    file.data.questions = [];
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!isDirective(node) || parent === undefined || index === undefined) return undefined;
      if (node.type === 'containerDirective' && node.name === 'question') {
        if (insideQuestion(parent)) {
          report(file, 'Unexpected question inside another directive, expected questions at the top level of the lesson', node.position, 'question-nested');
        }
        const questionNode = parseQuestion(node, file, { lessonId: lesson.id, assessment: lesson.assessment, number: file.data.questions!.length + 1 });
        file.data.questions!.push(questionNode.question);
        parent.children[index] = questionNode as unknown as RootContent;
        return SKIP;
      }
      if (node.type === 'containerDirective' && node.name === 'keypoints') {
        for (const name of Object.keys(node.attributes ?? {})) {
          report(file, `Unexpected attribute ${quote(name)} on keypoints, expected none`, node.position, 'directive-unknown-attribute');
        }
        const keyPoints: KeyPointsNode = { type: 'keypoints', children: node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel === true)) as KeyPointsNode['children'], position: node.position };
        parent.children[index] = keyPoints as unknown as RootContent;
        return undefined;
      }
      const written = node.type === 'containerDirective' ? `:::${node.name}` : node.type === 'leafDirective' ? `::${node.name}` : `:${node.name}`;
      const hint = node.type === 'textDirective' ? ' (write `\\:` for a literal colon)' : '';
      report(file, `Unexpected directive ${quote(written)}, expected ${KNOWN}${hint}`, node.position, 'directive-unknown');
      return undefined;
    });
  };
}

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

function insideQuestion(parent: Parent): boolean {
  return parent.type !== 'root';
}
