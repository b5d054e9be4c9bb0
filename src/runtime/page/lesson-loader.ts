// Lesson bodies: the first is in index.html; the others come from lessons/<id>.js, loaded with a
// <script> element (works from file:// as well as http), which sets window.scormdownLessons[id].
import type { RuntimeLesson } from '../../contract/course-data.js';
import { runScript } from './script-loader.js';

type LessonWindow = Window & { scormdownLessons?: Record<string, string> };

const bodies = new Map<string, string>();

export function rememberLessonHtml(lessonId: string, html: string): void {
  bodies.set(lessonId, html);
}

function definedLesson(win: LessonWindow, lessonId: string): string | undefined {
  const html = win.scormdownLessons?.[lessonId];
  return typeof html === 'string' ? html : undefined;
}

export function cachedLessonHtml(win: Window, lessonId: string): string | undefined {
  return bodies.get(lessonId) ?? definedLesson(win, lessonId);
}

export async function loadLessonHtml(win: Window, lesson: Pick<RuntimeLesson, 'id' | 'script'>): Promise<string> {
  const cached = cachedLessonHtml(win, lesson.id);
  if (cached !== undefined) return cached;
  await runScript(win, lesson.script);
  const html = definedLesson(win, lesson.id);
  if (html === undefined) throw new Error(`${lesson.script} did not define the lesson`);
  bodies.set(lesson.id, html);
  return html;
}
