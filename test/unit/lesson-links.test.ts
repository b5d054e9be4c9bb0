// How the one processor renders links between lessons: a lesson of the same edition becomes an
// in-course link (lessons/<id>.html, data-lesson-link, a heading's anchor as its prefixed id, a
// question's kept, a query dropped), and so does a link within the lesson (`#…`); a
// Markdown file of another edition, or one without a valid lesson id, keeps only its text, since
// it is not in the package and following it would leave the course.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownProcessor, lessonFromMarkdown, load, type MarkdownProcessor } from '../../src/index.js';

let courseDir = '';
/** The processor of the en edition, with its strings as the load stage resolved them. */
let processor: MarkdownProcessor;

async function write(relative: string, text: string): Promise<void> {
  const file = path.join(courseDir, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

async function render(body: string): Promise<{ html: string; messages: string[] }> {
  const text = `---\nid: first\ntitle: First\n---\n\n${body}\n`;
  await write('en/01-first.md', text);
  const lesson = await lessonFromMarkdown(new VFile({ path: path.join(courseDir, 'en', '01-first.md'), value: text }), processor);
  return { html: lesson.html, messages: lesson.file.messages.map((message) => `${message.ruleId ?? '?'}: ${message.reason}`) };
}

describe('links between lessons', () => {
  beforeAll(async () => {
    courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-lesson-links-'));
    await write('course.yaml', 'id: links\nlanguages: [en, de]\n');
    await write('en/edition.yaml', 'title: Links\n');
    await write('de/edition.yaml', 'title: Links\n');
    await write('en/02-second.md', '---\nid: second-lesson\ntitle: Second\n---\n\nText.\n');
    await write('en/03-broken.md', '---\ntitle: No id\n---\n\nText.\n');
    await write('de/01-erste.md', '---\nid: erste\ntitle: Erste\n---\n\nText.\n');
    const english = (await load(courseDir)).course!.editions.find((edition) => edition.lang === 'en')!;
    processor = createMarkdownProcessor({ strings: english.strings, courseDir });
  });

  afterAll(async () => {
    await fs.rm(courseDir, { recursive: true, force: true });
  });

  it('points a link to a lesson of the edition at that lesson, in the shell and on its own page', async () => {
    const { html, messages } = await render('[next](02-second.md), [part](./02-second.md?view=1#q-x), [section](02-second.md#some-part), [self](01-first.md#top)');
    expect(html).toContain('<a href="lessons/second-lesson.html" data-lesson-link="second-lesson" class="link-lesson">next</a>');
    expect(html).toContain('<a href="lessons/second-lesson.html#q-x" data-lesson-link="second-lesson" class="link-lesson">part</a>');
    expect(html).toContain('<a href="lessons/second-lesson.html#h-some-part" data-lesson-link="second-lesson" class="link-lesson">section</a>');
    expect(html).toContain('<a href="lessons/first.html#top" data-lesson-link="first" class="link-lesson">self</a>');
    expect(messages).toEqual([]);
  });

  it('keeps only the text of a link to a Markdown file that is no lesson of this edition', async () => {
    const { html, messages } = await render('See [the German one](../de/01-erste.md) and [a broken one](03-broken.md).');
    expect(html).toBe('<p>See the German one and a broken one.</p>');
    expect(messages).toEqual([expect.stringMatching(/^link-to-lesson: Unexpected link to a Markdown file that is no lesson of this edition `..\/de\/01-erste.md`/)]);
  });

  it('opens web pages in a new window and leaves mail links alone', async () => {
    const { html } = await render('[web](https://example.org/), [mail](mailto:team@example.org)');
    expect(html).toContain('<a href="https://example.org/" target="_blank" rel="noopener noreferrer" class="link-new-window">web<span class="visually-hidden"> (opens in a new window)</span></a>');
    expect(html).toContain('<a href="mailto:team@example.org">mail</a>');
  });

  it('points a link within the lesson at its own page (lesson pages have <base href="../">), a heading by its prefixed id', async () => {
    const { html, messages } = await render('[here](#top), [below](#a-part)\n\n## A part');
    expect(html).toContain('<a href="lessons/first.html#top" data-lesson-link="first" class="link-lesson">here</a>');
    expect(html).toContain('<a href="lessons/first.html#h-a-part" data-lesson-link="first" class="link-lesson">below</a>');
    expect(html).toContain('<h2 id="h-a-part">A part</h2>');
    expect(messages).toEqual([]);
  });

});
