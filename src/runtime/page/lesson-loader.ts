// Lesson bodies: the first is in index.html; the others come from lessons/<id>.js, loaded with a
// <script> element (works from file:// as well as http), which sets window.scormdownLessons[id].
import type { RuntimeLesson } from '../../contract/course-data.js';

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

export function loadLessonHtml(win: Window, lesson: Pick<RuntimeLesson, 'id' | 'script'>): Promise<string> {
  const cached = cachedLessonHtml(win, lesson.id);
  if (cached !== undefined) return Promise.resolve(cached);
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = lesson.script;
    script.onload = () => {
      script.remove();
      const html = definedLesson(win, lesson.id);
      if (html === undefined) reject(new Error(`${lesson.script} did not define the lesson`));
      else {
        bodies.set(lesson.id, html);
        resolve(html);
      }
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`${lesson.script} could not be loaded`));
    };
    win.document.head.append(script);
  });
}
