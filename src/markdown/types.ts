// Typed nodes and file data that the course plugins pass along the unified pipeline.
import type { BlockContent, Parent, PhrasingContent } from 'mdast';
import type { Question, SectionLink } from '../model/course.js';

/** Front matter of a lesson file after validation. */
export interface LessonFrontMatter {
  id: string;
  title: string;
  assessment: boolean;
  /** Where `id` is written, for duplicate-id messages. */
  idPlace?: import('unist').Position;
}

/** A `:::question` directive after parsing: prompt, options and explanation separated. */
export interface QuestionNode extends Parent {
  type: 'question';
  /** The prompt blocks (paragraphs, lists, code…) before the options. */
  children: BlockContent[];
  question: Question;
  /** Inline content of each choice option, in written order. */
  optionContents: PhrasingContent[][];
  /** The explanation blockquote's content. */
  explanation: BlockContent[];
  /** Scored assessment question (true) or knowledge check (false). */
  assessment: boolean;
  /** 1-based number of the question within its lesson. */
  number: number;
}

/** A `:::keypoints` summary box. */
export interface KeyPointsNode extends Parent {
  type: 'keypoints';
  children: BlockContent[];
  /** 1-based number of the box within its lesson. */
  number: number;
}

declare module 'mdast' {
  interface RootContentMap {
    question: QuestionNode;
    keypoints: KeyPointsNode;
  }
  interface BlockContentMap {
    question: QuestionNode;
    keypoints: KeyPointsNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the front-matter plugin. */
    lesson: LessonFrontMatter;
    /** Set by the directive plugin, in document order. */
    questions: Question[];
    /** Course-relative paths of local media referenced by the lesson. */
    media: string[];
    /** Set by the links plugin: the ids of the author's headings, in document order. */
    headingIds: string[];
    /** Set by the links plugin: links to a heading or a question, of this lesson or another. */
    sectionLinks: SectionLink[];
  }
}
