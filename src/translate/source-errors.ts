// Whether the edition translated from has errors: then it is neither exported nor imported into
// another language. Problems elsewhere in the course (a listed language whose folder is still to
// be made by the import, say) do not stop a translation.
import type { Course } from '../model/course.js';
import { hasErrors } from '../model/messages.js';

export function sourceHasErrors(course: Course, lang: string): boolean {
  const edition = course.editions.find((candidate) => candidate.lang === lang);
  return edition === undefined || hasErrors([edition.file, ...edition.stringsFiles, ...edition.lessons.map((lesson) => lesson.file)]);
}
