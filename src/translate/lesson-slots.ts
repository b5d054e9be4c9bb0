// The translation units of one lesson's syntax tree: front-matter title, paragraphs, headings,
// list items, table cells, key points, image and link texts, and each question's prompt,
// options, accepted answers and explanation. Ids come from the lesson id, the question id and
// the place; nothing structural (ids, answer keys, attributes, URLs) is content.
import type { BlockContent, DefinitionContent, Image, ImageReference, Link, ListItem, Parent, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { isScalar, parseDocument } from 'yaml';
import { hasText, plainText, text, type InlineContent } from './inline-content.js';
import { buildPhrasing, readPhrasing } from './phrasing-codes.js';
import type { Slot } from './unit-slot.js';

export interface LessonContext {
  id: string;
  /** Its title in the tree's language (notes name the lesson by it). */
  title: string;
  /** 1-based place in the edition, and the number of lessons. */
  position: number;
  count: number;
  assessment: boolean;
}

const QUESTION_TYPES: Record<string, string> = {
  single: 'single choice',
  multiple: 'multiple choice',
  truefalse: 'true or false',
  fillin: 'fill in',
};

/** Every unit slot of a lesson tree, in reading order. */
export function lessonSlots(tree: Root, lesson: LessonContext): Slot[] {
  const slots: Slot[] = [];
  const where = lesson.assessment ? `Final assessment “${lesson.title}”` : `Lesson ${lesson.position} of ${lesson.count} “${lesson.title}”`;
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (yaml !== undefined) {
    const slot = titleSlot(yaml, `${lesson.id}:title`, `${where}: lesson title (table of contents and page heading; one line)`);
    if (slot !== undefined) slots.push(slot);
  }
  let questions = 0;
  tree.children.filter((node) => node !== yaml).forEach((node, index) => {
    if (isQuestion(node)) slots.push(...questionSlots(node, lesson.id, `${where}, question ${++questions}`));
    else slots.push(...blockSlots(node, `${lesson.id}:${index + 1}`, where, undefined));
  });
  return slots;
}

function isQuestion(node: RootContent): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === 'question';
}

/** The `title:` of the front matter, kept in its YAML with every other key as it was. */
function titleSlot(yaml: Yaml, id: string, note: string): Slot | undefined {
  const doc = parseDocument(yaml.value);
  const title = doc.get('title', true);
  if (doc.errors.length > 0 || !isScalar(title) || typeof title.value !== 'string') return undefined;
  return {
    id,
    note,
    content: [text(title.value)],
    codes: [],
    oneLine: true,
    attribute: false,
    write(content) {
      title.value = plainText(content);
      yaml.value = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
    },
  };
}

/** Units of a block and what it contains; `role` names the pieces inside a list or quotation. */
function blockSlots(node: RootContent | BlockContent | DefinitionContent, path: string, where: string, role: string | undefined): Slot[] {
  switch (node.type) {
    case 'paragraph':
      return phrasingSlots(node, path, `${where}: ${role ?? 'paragraph'}`, false);
    case 'heading':
      return phrasingSlots(node, path, `${where}: heading (one line)`, true);
    case 'blockquote':
      return node.children.flatMap((child, index) => blockSlots(child, `${path}.${index + 1}`, where, role ?? 'quotation'));
    case 'list':
      return node.children.flatMap((item, index) => itemSlots(item, `${path}.${index + 1}`, where, role ?? 'list item'));
    case 'table':
      return node.children.flatMap((row, rowIndex) => row.children.flatMap((cell, cellIndex) => phrasingSlots(
        cell,
        `${path}.${rowIndex + 1}.${cellIndex + 1}`,
        `${where}: ${rowIndex === 0 ? `table header, column ${cellIndex + 1}` : `table cell, row ${rowIndex + 1}, column ${cellIndex + 1}`} (one line)`,
        true,
      )));
    case 'footnoteDefinition':
      return node.children.flatMap((child, index) => blockSlots(child, `${path}.${index + 1}`, where, 'footnote'));
    case 'containerDirective':
      if (node.name !== 'keypoints') return [];
      return node.children.flatMap((child, index) => (child.type === 'paragraph' && child.data?.directiveLabel === true ? [] : blockSlots(child, `${path}.${index + 1}`, where, 'key point')));
    default:
      // Code blocks, rules, definitions and front matter hold nothing to translate.
      return [];
  }
}

function itemSlots(item: ListItem, path: string, where: string, role: string): Slot[] {
  return item.children.flatMap((child, index) => blockSlots(child, `${path}.${index + 1}`, where, role));
}

/** The question's prompt, options or accepted answers, and explanation, as parse-question.ts reads them. */
function questionSlots(node: ContainerDirective, lessonId: string, where: string): Slot[] {
  const type = node.attributes?.type ?? 'single';
  const base = `${lessonId}:question:${node.attributes?.id ?? ''}`;
  const label = `${where} (${QUESTION_TYPES[type] ?? type})`;
  const slots: Slot[] = [];
  let listSeen = false;
  let explanationSeen = false;
  let prompts = 0;
  for (const child of node.children) {
    if (child.type === 'paragraph' && child.data?.directiveLabel === true) continue;
    if (child.type === 'list' && !listSeen && !explanationSeen) {
      listSeen = true;
      child.children.forEach((item, index) => {
        const paragraph = item.children[0];
        if (paragraph?.type !== 'paragraph') return;
        slots.push(...(type === 'fillin'
          ? phrasingSlots(paragraph, `${base}:answer.${index + 1}`, `${label}: accepted answer ${index + 1}. Learners type it: keep it short, one answer only, no alternatives (at most 255 characters; letter case and punctuation at either end are ignored)`, true)
          : phrasingSlots(paragraph, `${base}:option.${index + 1}`, `${label}: answer option ${index + 1} (one line)`, true)));
      });
    } else if (child.type === 'blockquote' && !explanationSeen) {
      explanationSeen = true;
      child.children.forEach((block, index) => slots.push(...blockSlots(block, `${base}:explanation.${index + 1}`, label, 'explanation learners read after answering')));
    } else if (!listSeen && !explanationSeen) {
      slots.push(...blockSlots(child, `${base}:prompt.${++prompts}`, label, type === 'truefalse' ? 'statement learners judge true or false' : 'question'));
    }
  }
  return slots;
}

/** A paragraph, heading or cell, and the alt texts and titles of its images and links. */
function phrasingSlots(parent: Parent & { children: PhrasingContent[] }, id: string, note: string, oneLine: boolean): Slot[] {
  const reading = readPhrasing(parent.children);
  const slots: Slot[] = [];
  if (hasText(reading.content)) {
    slots.push({
      id,
      note,
      content: reading.content,
      codes: reading.codes,
      oneLine,
      attribute: false,
      write(content: InlineContent) {
        parent.children = buildPhrasing(content, reading.nodes);
      },
    });
  }
  for (const [codeId, node] of reading.nodes) {
    if ((node.type === 'image' || node.type === 'imageReference') && node.alt) {
      slots.push(attributeSlot(node, 'alt', `${id}:alt.${codeId}`, `${note.replace(/ \(one line\)$/, '')} → description of image ${codeId} (alt text, read aloud to learners who cannot see it)`));
    }
    if ((node.type === 'image' || node.type === 'link') && node.title) {
      slots.push(attributeSlot(node, 'title', `${id}:title.${codeId}`, `${note.replace(/ \(one line\)$/, '')} → tooltip of ${node.type === 'image' ? 'image' : 'link'} ${codeId}`));
    }
  }
  return slots;
}

function attributeSlot(node: Image | ImageReference | Link, key: 'alt' | 'title', id: string, note: string): Slot {
  const target = node as unknown as Record<'alt' | 'title', string | null | undefined>;
  return {
    id,
    note,
    content: [text(target[key] ?? '')],
    codes: [],
    oneLine: true,
    attribute: true,
    write(content) {
      target[key] = plainText(content);
    },
  };
}
