// What may reach a lesson page: GitHub's safe defaults plus the quiz markup our handlers emit and
// the link and scrolling-box attributes of rehype-links.ts and rehype-scroll-regions.ts.
// Nothing executable passes: no script, no on* handlers, no javascript: URLs, no SVG, no iframes.
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { ID_PATTERN } from '../model/ids.js';
import { LESSON_LINK_CLASS, NEW_WINDOW_CLASS } from './rehype-links.js';

const base = defaultSchema;
/** Nothing may send a form anywhere. */
const FORM_SUBMISSION = new Set(['action', 'method', 'encType', 'acceptCharset']);

export const sanitizeSchema: SanitizeSchema = {
  ...base,
  // Ids come from validated question ids, the pipeline (footnotes, key points) and the author's
  // headings behind their prefix (`h-…`, HEADING_ID_PREFIX), which no id of the launch page has;
  // raw HTML is rejected, so nothing to clobber.
  clobberPrefix: '',
  clobber: [],
  tagNames: [...(base.tagNames ?? []), 'form', 'fieldset', 'legend', 'label', 'button', 'aside', 'section', 'span'],
  attributes: {
    ...base.attributes,
    '*': [...(base.attributes?.['*'] ?? []).filter((name) => !FORM_SUBMISSION.has(String(name))), 'className', 'id', 'hidden', 'role', 'ariaDescribedBy', 'ariaLabelledBy', 'ariaLabel', 'ariaLive'],
    // Links: new-window links to web pages and documents, in-course links to another lesson.
    a: [
      ...(base.attributes?.a ?? []).filter((entry) => !(Array.isArray(entry) && entry[0] === 'className')),
      ['className', 'data-footnote-backref', NEW_WINDOW_CLASS, LESSON_LINK_CLASS],
      ['target', '_blank'],
      ['rel', 'noopener', 'noreferrer'],
      ['dataLessonLink', ID_PATTERN],
    ],
    // Scrolling boxes (tables, code blocks) that keyboard users can focus.
    div: [...(base.attributes?.div ?? []), ['tabIndex', 0]],
    pre: [['tabIndex', 0]],
    form: ['dataQuestion', 'dataType', 'dataMode', 'noValidate'],
    h2: ['className'],
    ul: ['className', 'role'],
    li: ['className', 'dataOption'],
    input: [
      ['type', 'checkbox', 'radio', 'text'],
      'name', 'value', 'checked', 'disabled', 'autoComplete', 'autoCapitalize', 'spellCheck', 'maxLength',
    ],
    label: ['htmlFor'],
    button: [['type', 'submit', 'button']],
  },
  // The default forces every input to be a disabled checkbox; our quiz inputs are live.
  required: {},
  // An empty list would allow every protocol (hast-util-sanitize reads it as "no rule"), so `src`
  // lists the web protocols; remote images are still errors in `check`. The defaults for `cite`
  // and `longDesc` stay.
  protocols: { ...base.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};
