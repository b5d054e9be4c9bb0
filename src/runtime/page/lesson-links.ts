// Links from one lesson to another (<a data-lesson-link="id" href="lessons/id.html#part">, made at
// build time): in the shell a plain click shows that lesson in place, so the frame never leaves
// the course and the SCORM session goes on. A click with a modifier key (new tab, new window) is
// left to the browser, which opens the lesson's own page. Lesson pages opened on their own have
// no runtime: there the link simply opens the other lesson's page.

export interface LessonLinkTarget {
  lessonId: string;
  /** The element id after `#`, decoded; empty for the top of the lesson. */
  fragment: string;
}

/** The lesson a plain primary click on a lesson link asks for, or null for any other click. */
export function lessonLinkTarget(event: MouseEvent): LessonLinkTarget | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const origin = event.target as Node | null;
  const start = origin !== null && origin.nodeType === 1 ? (origin as Element) : origin?.parentElement ?? null;
  const link = start?.closest<HTMLAnchorElement>('a[data-lesson-link]') ?? null;
  const lessonId = link?.dataset.lessonLink ?? '';
  if (link === null || lessonId === '') return null;
  return { lessonId, fragment: decodeFragment(link.hash) };
}

/**
 * The element `fragment` names inside `root`, made focusable so that focus (and the screen
 * reader) lands there; null when the lesson has no such element.
 */
export function fragmentElement(root: ParentNode, fragment: string): HTMLElement | null {
  if (fragment === '') return null;
  const element = root.querySelector<HTMLElement>(`#${CSS.escape(fragment)}`);
  if (element === null) return null;
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  return element;
}

function decodeFragment(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
