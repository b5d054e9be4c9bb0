// Every rule a check can report, in one table: its severity, a one-line summary, and the section
// of docs/authoring.md ("Every check, and how to fix it") whose table has its row. The message
// helpers take a RuleId only, so a rule that is not in this table does not compile, and the
// severity of a message is the one written here. test/integration/authoring-guide.test.ts holds the
// guide to the table: a row for every rule, with the same severity, under the section named here.

export type Severity = 'error' | 'warning';

/** The guide the anchors point into, relative to the repository. */
export const RULE_GUIDE = 'docs/authoring.md';

/** The sections of the guide's rule tables, by their GitHub-style heading slugs. */
export const GUIDE_SECTIONS = {
  files: 'courseyaml-editionyaml-and-front-matter',
  content: 'lesson-content',
  questions: 'question-checks',
  course: 'course-wide',
  theme: 'theme-checks',
  translations: 'translation-checks',
  xliff: 'xliff-import',
} as const;

export type GuideAnchor = (typeof GUIDE_SECTIONS)[keyof typeof GUIDE_SECTIONS];

export interface Rule {
  /** Errors keep the edition from being packaged; warnings do not. */
  readonly severity: Severity;
  /** What the rule finds, in one line. */
  readonly summary: string;
  /** The heading of docs/authoring.md under which the rule has its row. */
  readonly anchor: GuideAnchor;
}

const { files, content, questions, course, theme, translations, xliff } = GUIDE_SECTIONS;

/** Rule id → rule, in the order of the guide. */
export const RULES = {
  // course.yaml, edition.yaml, front matter, lesson and strings files
  'config-missing': { severity: 'error', summary: 'No course.yaml in the course folder', anchor: files },
  'yaml-invalid': { severity: 'error', summary: 'course.yaml, an edition.yaml or front matter that is not valid YAML', anchor: files },
  'yaml-not-mapping': { severity: 'error', summary: 'YAML that is a list or a single value instead of key: value lines', anchor: files },
  'unknown-key': { severity: 'error', summary: 'A key the course format does not have', anchor: files },
  'missing-key': { severity: 'error', summary: 'A required key that is missing', anchor: files },
  'version-not-text': { severity: 'error', summary: 'A course version written as a number rather than quoted text', anchor: files },
  'invalid-value': { severity: 'error', summary: 'A value of the wrong kind or out of range', anchor: files },
  'id-invalid': { severity: 'error', summary: 'A course, lesson or question id with characters other than ASCII letters, digits, _ . -', anchor: files },
  'duplicate-language': { severity: 'error', summary: 'A language listed twice, or two that differ only in letter case', anchor: files },
  'id-too-long': { severity: 'error', summary: 'A course or lesson id, or a language code, too long to name files', anchor: files },
  'value-empty': { severity: 'error', summary: 'A key written without a value', anchor: files },
  'value-quoted': { severity: 'error', summary: 'A number or true/false written in quotes', anchor: files },
  'edition-not-listed': { severity: 'warning', summary: 'A language folder that `languages` does not list', anchor: files },
  'translation-group-duplicate': { severity: 'error', summary: 'A translation group naming one language twice', anchor: files },
  'title-too-long': { severity: 'error', summary: 'An edition title longer than the manifest allows', anchor: files },
  'title-invalid-character': { severity: 'error', summary: 'An edition title with a character the XML manifest cannot hold', anchor: files },
  'lesson-unreadable': { severity: 'error', summary: 'A .md entry of a language folder that cannot be read', anchor: files },
  'missing-edition': { severity: 'error', summary: 'A listed language without a folder, or no language at all', anchor: files },
  'unknown-language': { severity: 'error', summary: '--lang naming a language the course does not list', anchor: files },
  'unknown-target': { severity: 'error', summary: '--target naming a target course.yaml does not list', anchor: files },
  'edition-missing': { severity: 'error', summary: 'A language folder without edition.yaml', anchor: files },
  'strings-missing': { severity: 'warning', summary: 'Interface text the edition has only in English', anchor: files },
  'strings-json-invalid': { severity: 'error', summary: 'A strings file that is not a JSON object', anchor: files },
  'strings-value-invalid': { severity: 'error', summary: 'A value in a strings file that is not text', anchor: files },
  'strings-unknown-key': { severity: 'warning', summary: 'A key in a strings file that the English strings do not have', anchor: files },
  'strings-placeholder-mismatch': { severity: 'error', summary: 'A text whose {placeholders} differ from the English text', anchor: files },
  'strings-duplicate-key': { severity: 'warning', summary: 'A key written twice in a strings file', anchor: files },
  'strings-untranslated': { severity: 'warning', summary: 'The translator\'s note still in a strings file', anchor: files },
  'strings-unreadable': { severity: 'error', summary: 'A strings file that exists but cannot be read', anchor: files },
  'encoding-invalid': { severity: 'error', summary: 'A course file that is not UTF-8 text', anchor: files },
  'edition-empty': { severity: 'error', summary: 'A language folder without lessons', anchor: files },
  'frontmatter-missing': { severity: 'error', summary: 'A lesson that does not start with front matter', anchor: files },
  // Lesson content
  'lesson-empty': { severity: 'error', summary: 'Nothing after the front matter', anchor: content },
  'nesting-too-deep': { severity: 'error', summary: 'Content nested more deeply than can be read safely', anchor: content },
  'no-raw-html': { severity: 'error', summary: 'An HTML tag or comment in the Markdown', anchor: content },
  'link-unsafe': { severity: 'error', summary: 'A link with a scheme other than http, https or mailto', anchor: content },
  'link-outside-course': { severity: 'error', summary: 'A file, link or image outside the course folder', anchor: content },
  'link-missing': { severity: 'error', summary: 'A link or image to a file that does not exist', anchor: content },
  'media-content': { severity: 'error', summary: 'A linked file whose bytes are not what its name says', anchor: content },
  'svg-unsafe': { severity: 'error', summary: 'An SVG image that could run code or load something', anchor: content },
  'path-too-long': { severity: 'error', summary: 'A linked file whose package path is too long for Windows', anchor: content },
  'file-name-reserved': { severity: 'error', summary: 'A lesson id or file named like a Windows device', anchor: content },
  'media-path-clash': { severity: 'error', summary: 'Two files that would have one path in the package', anchor: content },
  'media-name': { severity: 'error', summary: 'A linked file name with spaces or non-ASCII characters', anchor: content },
  'media-type': { severity: 'error', summary: 'A linked or embedded file of a type that is not allowed', anchor: content },
  'link-to-lesson': { severity: 'warning', summary: 'A link to a Markdown file that is no lesson of the edition', anchor: content },
  'link-fragment-missing': { severity: 'warning', summary: 'A link to a part of a lesson (`#anchor`) that names no heading or question of it', anchor: content },
  'directive-unknown': { severity: 'error', summary: 'A directive other than :::question or :::keypoints', anchor: content },
  'directive-malformed': { severity: 'error', summary: 'A line that looks like a directive fence but is not one', anchor: content },
  'directive-unknown-attribute': { severity: 'error', summary: 'An attribute the directive does not take', anchor: content },
  'state-too-large': { severity: 'error', summary: 'Saved progress that may not fit suspend_data', anchor: content },
  // Questions
  'question-missing-id': { severity: 'error', summary: 'A question without {#id}', anchor: questions },
  'question-type-unknown': { severity: 'error', summary: 'A question type that does not exist', anchor: questions },
  'question-label': { severity: 'error', summary: 'A label in brackets on a question directive', anchor: questions },
  'question-missing-prompt': { severity: 'error', summary: 'A question without a prompt', anchor: questions },
  'question-missing-options': { severity: 'error', summary: 'A choice question without a task list', anchor: questions },
  'question-option-not-task': { severity: 'error', summary: 'A choice option without a checkbox', anchor: questions },
  'question-option-not-plain': { severity: 'error', summary: 'A fill-in answer with a checkbox', anchor: questions },
  'fillin-answer-duplicate': { severity: 'warning', summary: 'Two accepted answers of a fill-in that match the same text', anchor: questions },
  'question-option-empty': { severity: 'error', summary: 'An option or accepted answer without text', anchor: questions },
  'question-option-complex': { severity: 'error', summary: 'An option with more than one line of content', anchor: questions },
  'question-too-few-options': { severity: 'error', summary: 'A choice question with fewer than 2 options', anchor: questions },
  'question-many-options': { severity: 'warning', summary: 'A choice question with more than 9 options', anchor: questions },
  'question-too-many-options': { severity: 'error', summary: 'A choice question with more options than SCORM 1.2 can record', anchor: questions },
  'question-no-correct': { severity: 'error', summary: 'A question without a correct answer', anchor: questions },
  'question-several-correct': { severity: 'error', summary: 'A single-choice question with more than one correct option', anchor: questions },
  'question-answer-invalid': { severity: 'error', summary: 'An answer= or accents= value that does not exist', anchor: questions },
  'question-answer-too-long': { severity: 'error', summary: 'A fill-in answer longer than SCORM 1.2 allows', anchor: questions },
  'question-unexpected-options': { severity: 'error', summary: 'A list on a true/false question', anchor: questions },
  'question-unexpected-content': { severity: 'error', summary: 'Question content in the wrong order or after the explanation', anchor: questions },
  'question-missing-explanation': { severity: 'warning', summary: 'A question without an explanation', anchor: questions },
  'question-option-duplicate': { severity: 'error', summary: 'Two options of one question with the same text', anchor: questions },
  'question-nested': { severity: 'error', summary: 'A question or key points inside another block', anchor: questions },
  // Course-wide
  'duplicate-id': { severity: 'error', summary: 'Two lessons, or two questions, with one id in an edition', anchor: course },
  'package-large': { severity: 'warning', summary: 'An edition whose media make its zip larger than many LMSes accept', anchor: course },
  'assessment-several': { severity: 'error', summary: 'More than one assessment lesson', anchor: course },
  'assessment-empty': { severity: 'error', summary: 'An assessment without questions', anchor: course },
  'answer-given-away': { severity: 'warning', summary: 'An assessment answer written elsewhere in the test', anchor: course },
  'truefalse-label-clash': { severity: 'warning', summary: 'True/false labels that read like the feedback words', anchor: course },
  // The theme (course.yaml and edition.yaml `theme:`)
  'theme-contrast': { severity: 'error', summary: 'Theme colours that do not reach the WCAG 2.2 AA contrast of text or controls', anchor: theme },
  'theme-file-missing': { severity: 'error', summary: 'A logo or font file of the theme that is not in the course folder', anchor: theme },
  'theme-file-type': { severity: 'error', summary: 'A logo that is no picture of a known size, or a font file that is no WOFF', anchor: theme },
  'theme-logo-too-large': { severity: 'error', summary: 'A logo of more bytes or pixels than a header needs', anchor: theme },
  'theme-font-too-large': { severity: 'error', summary: 'A font file too large for a phone on a slow network', anchor: theme },
  'theme-logo-alt-missing': { severity: 'error', summary: 'A logo without alt text for an edition', anchor: theme },
  // Translations
  'translation-lesson-missing': { severity: 'error', summary: 'A lesson missing from a translation', anchor: translations },
  'translation-lesson-order': { severity: 'error', summary: 'A lesson at another position than in the other translations', anchor: translations },
  'translation-question-missing': { severity: 'error', summary: 'A question missing from a translation', anchor: translations },
  'translation-question-extra': { severity: 'error', summary: 'A question the other translations do not have', anchor: translations },
  'translation-key-mismatch': { severity: 'error', summary: 'A question whose type or answer key differs between translations', anchor: translations },
  'translation-outdated': { severity: 'warning', summary: 'A translation unchanged while the lesson changed in another language', anchor: translations },
  'translation-lock-invalid': { severity: 'warning', summary: 'A translations.lock that cannot be read', anchor: translations },
  // XLIFF import (messages on the XLIFF file being imported)
  'xliff-invalid': { severity: 'error', summary: 'A file that is not well-formed XLIFF 2.0 or 1.2 as an export writes it', anchor: xliff },
  'xliff-language': { severity: 'error', summary: 'A source or target language the course cannot take', anchor: xliff },
  'xliff-unit-unknown': { severity: 'error', summary: 'A unit the source edition does not have', anchor: xliff },
  'xliff-unit-duplicate': { severity: 'error', summary: 'A unit id written twice', anchor: xliff },
  'xliff-source-changed': { severity: 'error', summary: 'A unit whose source text differs from the source edition now', anchor: xliff },
  'xliff-target-missing': { severity: 'error', summary: 'A unit without a translation', anchor: xliff },
  'xliff-target-kept-source': { severity: 'warning', summary: 'A unit without a translation whose source text is kept (--keep-source)', anchor: xliff },
  'xliff-inline-code': { severity: 'error', summary: 'A translation whose inline codes differ from its source\'s', anchor: xliff },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Every rule id, in the order of the guide. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}

export function severityOf(id: RuleId): Severity {
  return RULES[id].severity;
}

/** Where the rule is explained: `docs/authoring.md#lesson-content`. */
export function ruleGuideLink(id: RuleId): string {
  return `${RULE_GUIDE}#${RULES[id].anchor}`;
}
