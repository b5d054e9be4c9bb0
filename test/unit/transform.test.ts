// Markdown → HTML: test/fixtures/transform/<case>/input.md becomes expected.html, the lesson's HTML
// fragment as the one processor renders it with the English UI strings. Files beside input.md
// (images) are part of the temporary course. UPDATE_FIXTURES=1 rewrites the expected files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, lessonFromMarkdown, load, type Lesson } from '../../src/index.js';
import { caseDir, courseForCase, expectedText, FIXTURE_LESSON, formatFixtureMessages, listCases } from '../helpers/fixtures.js';

const cases = listCases('transform');

/** The case's lesson through the processor, with the strings the load stage resolved for its (English) edition. */
async function fixtureLesson(courseDir: string): Promise<Lesson> {
  const edition = (await load(courseDir)).course!.editions[0]!;
  expect(edition.lang).toBe('en');
  const processor = createMarkdownProcessor({ strings: edition.strings, courseDir });
  const filePath = path.join(courseDir, FIXTURE_LESSON);
  return lessonFromMarkdown(new VFile({ path: filePath, value: await fs.readFile(filePath, 'utf8') }), processor);
}

describe('transform fixtures', () => {
  it('covers every question type, both question modes, key points, GFM and local media', () => {
    expect(cases).toEqual(expect.arrayContaining([
      'question-single', 'question-multiple', 'question-truefalse', 'question-fillin',
      'knowledge-check', 'assessment', 'keypoints',
      'gfm-table', 'gfm-task-list', 'gfm-strikethrough', 'gfm-autolink',
      'local-image', 'headings-lists',
    ]));
  });

  it.each(cases)('%s', async (name) => {
    const dir = caseDir('transform', name);
    const { courseDir, dispose } = await courseForCase(dir);
    try {
      const lesson = await fixtureLesson(courseDir);
      // Transform fixtures are valid lessons: no message at all.
      expect(formatFixtureMessages([lesson.file], courseDir)).toBe('');
      const actual = `${lesson.html}\n`;
      expect(actual).toBe(await expectedText(path.join(dir, 'expected.html'), actual));
    } finally {
      await dispose();
    }
  });

  it('records local media and rewrites their URLs into the package media folder', async () => {
    const { courseDir, dispose } = await courseForCase(caseDir('transform', 'local-image'));
    try {
      const lesson = await fixtureLesson(courseDir);
      expect(lesson.media).toEqual(['en/diagram.png', 'en/handout.txt']);
      expect(lesson.html).toContain('src="media/en/diagram.png"');
      expect(lesson.html).toContain('href="media/en/handout.txt"');
    } finally {
      await dispose();
    }
  });

  it('records the author\'s heading ids and the links to parts of lessons, for the course-wide check', async () => {
    const { courseDir, dispose } = await courseForCase(caseDir('transform', 'section-links'));
    try {
      const lesson = await fixtureLesson(courseDir);
      // The key-points title is the interface's, not a heading of the author: it has its own id.
      expect(lesson.headingIds).toEqual(['h-promises', 'h-promises-1', 'h-ένα-παράδειγμα', 'h-κανόνας', 'h-read-the-standard-first', 'h-key-points']);
      // `#top`, the lesson's own question and the footnotes name what the page has: not recorded.
      expect(lesson.sectionLinks.map((link) => [link.lessonId ?? '', link.fragment, link.names, link.place?.start.line])).toEqual([
        ['', 'promises', { kind: 'heading', id: 'h-promises' }, 6],
        ['', 'promises-1', { kind: 'heading', id: 'h-promises-1' }, 6],
        ['', 'ένα-παράδειγμα', { kind: 'heading', id: 'h-ένα-παράδειγμα' }, 7],
        ['', 'κανόνας', { kind: 'heading', id: 'h-κανόνας' }, 7],
        ['', 'key-points', { kind: 'heading', id: 'h-key-points' }, 8],
        ['other', 'retries', { kind: 'heading', id: 'h-retries' }, 9],
        ['other', 'q-other-check', { kind: 'question', questionId: 'other-check' }, 9],
      ]);
    } finally {
      await dispose();
    }
  });

  it('turns each question into a typed question with its answer key', async () => {
    const { courseDir, dispose } = await courseForCase(caseDir('transform', 'assessment'));
    try {
      const lesson = await fixtureLesson(courseDir);
      expect(lesson.assessment).toBe(true);
      expect(lesson.questions.map((question) => [question.id, question.type, question.lessonId])).toEqual([
        ['final-one', 'single', 'final'],
        ['final-two', 'truefalse', 'final'],
      ]);
      expect(lesson.questions[0]!.options.map((option) => option.correct)).toEqual([true, false]);
      expect(lesson.questions[1]!.answer).toBe(false);
    } finally {
      await dispose();
    }
  });
});
