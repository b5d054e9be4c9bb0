// Course-wide check: a link to a part of a lesson (`[see](02-reliability.md#promises)`,
// `[above](#promises)`, `#q-<id>`) must name a heading or a question that lesson has; else the
// lesson still opens, but at its top. The links and each lesson's heading ids were recorded when
// the lessons were rendered (markdown/rehype-links.ts), so this needs every lesson of the edition,
// wherever it was loaded.
import type { Edition, Lesson, SectionLink } from '../model/course.js';
import { HEADING_ID_PREFIX } from '../model/ids.js';
import { quote, report } from '../model/messages.js';

/** At most this many anchors are named in a message. */
const LISTED = 5;

/** Warn about each link of the edition whose fragment names nothing in the lesson it opens. */
export function checkSectionLinks(edition: Edition): void {
  const byId = new Map<string, Lesson>();
  for (const lesson of edition.lessons) if (lesson.id !== '' && !byId.has(lesson.id)) byId.set(lesson.id, lesson);
  for (const lesson of edition.lessons) {
    for (const link of lesson.sectionLinks) {
      const target = link.lessonId === undefined ? lesson : byId.get(link.lessonId);
      // A lesson id that no lesson has was read from a lesson file with problems of its own.
      if (target === undefined || names(target, link)) continue;
      report(lesson.file, reason(link, target === lesson ? 'this lesson' : target.fileName, target), link.place, 'link-fragment-missing');
    }
  }
}

function names(target: Lesson, link: SectionLink): boolean {
  const { names: what } = link;
  return what.kind === 'heading' ? target.headingIds.includes(what.id) : target.questions.some((question) => question.id === what.questionId);
}

function reason(link: SectionLink, where: string, target: Lesson): string {
  const written = quote(`#${link.fragment}`);
  if (link.names.kind === 'question') {
    const ids = target.questions.map((question) => `#q-${question.id}`);
    return `Unexpected link to ${written} that names no question of ${where}, expected \`#q-\` and the id of one of its questions${listed(ids, 'it has none')}`;
  }
  const anchors = target.headingIds.map((id) => `#${id.slice(HEADING_ID_PREFIX.length)}`);
  return `Unexpected link to ${written} that names no heading of ${where}, expected the anchor of one of its headings as GitHub forms it${listed(anchors, 'it has no headings')}`;
}

/** `: `#a`, `#b`` (the first few), or ` (none)` in the words given. */
function listed(anchors: readonly string[], none: string): string {
  if (anchors.length === 0) return ` (${none})`;
  const shown = anchors.slice(0, LISTED).map(quote).join(', ');
  return `: ${shown}${anchors.length > LISTED ? ', …' : ''}`;
}
