// One lesson file through the Markdown processor (processor.ts sets the plugin order) and back as
// the model's Lesson. What the plugins leave in `file.data` (front matter, questions, media, heading
// ids, links to parts of lessons) is read here and nowhere else; problems stay messages on the file.
import type { VFile } from 'vfile';
import type { Lesson } from '../model/course.js';
import type { MarkdownProcessor } from './processor.js';
import './types.js';

/** Parse, check and render the lesson whose Markdown is `file.value` (its path names the lesson file). */
export async function lessonFromMarkdown(file: VFile, processor: MarkdownProcessor): Promise<Lesson> {
  const html = String(await processor.process(file));
  const front = file.data.lesson ?? { id: '', title: '', assessment: false };
  return {
    id: front.id,
    idPlace: front.idPlace,
    title: front.title,
    assessment: front.assessment,
    fileName: file.basename ?? '',
    file,
    html,
    questions: file.data.questions ?? [],
    media: file.data.media ?? [],
    headingIds: file.data.headingIds ?? [],
    sectionLinks: file.data.sectionLinks ?? [],
  };
}
