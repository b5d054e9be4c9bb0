// The shell around the lessons: table of contents with visited/complete marks, previous/next,
// progress bar, menu toggle (narrow screens), exit button and the results screen. Lessons are
// shown inside the one index.html, so the SCORM session survives navigation, links from one
// lesson to another included. Focus moves to the heading of what is shown (or to the part of the
// lesson a link names).
import type { RuntimeCourse, RuntimeLesson } from '../../contract/course-data.js';
import { RESULTS_LOCATION, type LearnerStore, type SaveUrgency } from '../logic/learner-store.js';
import type { UiText } from '../logic/ui-text.js';
import { completedLessonCount, isLessonComplete } from '../logic/course-progress.js';
import { cachedLessonHtml, loadLessonHtml, rememberLessonHtml } from './lesson-loader.js';
import { cloneTemplate, fillSlots } from './shell-templates.js';
import { loadedLaterScreens, loadLaterScreens, type LaterScreens } from './later-screens.js';
import { fragmentElement, lessonLinkTarget } from './lesson-links.js';

export interface NavigationHooks {
  /** A lesson is on screen: bind its questions (an assessment with the later screens' code, loaded before it is shown). */
  lessonShown(lesson: RuntimeLesson, article: HTMLElement, screens: LaterScreens | undefined): void;
  /** The learner chose "Save and exit". */
  exit(): void;
  /** The learner moved to another screen. */
  navigated(): void;
  /** The learner's name the LMS gives, for the results screen's record; "" without one. */
  learnerName(): string;
}

/** What the exit screen says, and the choices it offers after a failed save. */
export interface ExitScreen {
  message: string;
  detail?: string;
  /** Offered when the last save failed and the session is still open. */
  choices?: { retry: () => void; leave: () => void };
}

export interface ShowOptions {
  focus: boolean;
  urgency: SaveUrgency;
  /** Id of the element to move focus to instead of the heading (a link to a part of a lesson). */
  fragment?: string;
}

function byId<T extends HTMLElement>(doc: Document, id: string): T | null {
  return doc.getElementById(id) as T | null;
}

export class ShellNavigation {
  private current = '';
  private showCount = 0;
  /** The learner moved on before the LMS told us where to resume. */
  learnerNavigated = false;
  private readonly doc: Document;
  private readonly main: HTMLElement;

  constructor(private readonly win: Window, private readonly course: RuntimeCourse, private readonly store: LearnerStore, private readonly text: UiText, private readonly hooks: NavigationHooks) {
    this.doc = win.document;
    const main = byId(this.doc, 'lesson');
    if (main === null) throw new Error('scormdown: <main id="lesson"> is missing from the shell');
    this.main = main;
  }

  get location(): string {
    return this.current;
  }

  /** Take over the first lesson already in the page and wire the controls. */
  start(): void {
    const first = this.course.lessons[0];
    const article = this.main.querySelector('article');
    if (first !== undefined && article !== null) rememberLessonHtml(first.id, article.outerHTML);
    this.bindControls();
    if (first !== undefined) void this.show(first.id, { focus: false, urgency: 'later' });
  }

  isKnownLocation(location: string): boolean {
    return location === RESULTS_LOCATION || this.course.lessons.some((lesson) => lesson.id === location);
  }

  async show(target: string, options: ShowOptions): Promise<void> {
    const token = ++this.showCount;
    const lesson = this.course.lessons.find((candidate) => candidate.id === target);
    if (lesson === undefined && target !== RESULTS_LOCATION) return;
    // The results screen and the assessment need the later screens' code; a lesson its body.
    const needsScreens = lesson === undefined || lesson.assessment;
    let html = lesson === undefined ? '' : cachedLessonHtml(this.win, lesson.id);
    let screens = needsScreens ? loadedLaterScreens(this.win) : undefined;
    if (html === undefined || (needsScreens && screens === undefined)) {
      this.main.replaceChildren(cloneTemplate(this.doc, 'tpl-lesson-loading'));
      try {
        [html, screens] = await Promise.all([html ?? loadLessonHtml(this.win, lesson!), needsScreens ? loadLaterScreens(this.win) : undefined]);
      } catch {
        if (token === this.showCount) this.showLoadFailure(target, lesson?.title ?? this.text('results.title'), options);
        return;
      }
      if (token !== this.showCount) return;
    }
    if (lesson === undefined) {
      this.main.replaceChildren(screens!.renderResults(this.doc, this.course, this.store.state, this.text, this.hooks.learnerName()));
      this.arrive(target, this.text('results.title'), options, (store) => {
        store.location = RESULTS_LOCATION;
      });
      return;
    }
    this.main.innerHTML = html;
    const article = this.main.querySelector<HTMLElement>('article') ?? this.main;
    this.arrive(lesson.id, lesson.title, options, (store) => {
      store.location = lesson.id;
      store.state.visited.add(lesson.id);
    });
    this.hooks.lessonShown(lesson, article, screens);
  }

  /** Show the current lesson again from its original markup (a new assessment attempt). */
  reshow(): void {
    void this.show(this.current, { focus: true, urgency: 'later' });
  }

  /** Update marks, progress and buttons from the learner state. */
  refresh(): void {
    const { course, store, text } = this;
    for (const item of Array.from(this.doc.querySelectorAll<HTMLElement>('#toc [data-lesson]'))) {
      const id = item.dataset.lesson ?? '';
      const state = isLessonComplete(course, store.state, id) ? 'complete' : store.state.visited.has(id) ? 'visited' : 'not-visited';
      const mark = item.querySelector<HTMLElement>('.toc-state');
      if (mark !== null && mark.dataset.state !== state) {
        mark.dataset.state = state;
        mark.textContent = text(state === 'complete' ? 'toc.complete' : state === 'visited' ? 'toc.visited' : 'toc.notVisited');
      }
      const link = item.querySelector('a');
      if (id === this.current) link?.setAttribute('aria-current', 'page');
      else link?.removeAttribute('aria-current');
    }
    const resultsLink = this.doc.querySelector('[data-results-link]');
    if (this.current === RESULTS_LOCATION) resultsLink?.setAttribute('aria-current', 'page');
    else resultsLink?.removeAttribute('aria-current');

    const done = completedLessonCount(course, store.state);
    const progress = byId<HTMLProgressElement>(this.doc, 'progress');
    if (progress !== null) progress.value = done;
    const label = byId(this.doc, 'progress-label');
    if (label !== null) label.textContent = text('progress.value', { done, total: course.lessons.length });
    const count = byId(this.doc, 'progress-count');
    if (count !== null) count.textContent = text('progress.short', { done, total: course.lessons.length });
    const index = this.currentIndex();
    const previous = byId<HTMLButtonElement>(this.doc, 'prev');
    const next = byId<HTMLButtonElement>(this.doc, 'next');
    if (previous !== null) previous.disabled = index <= 0;
    if (next !== null) next.disabled = index >= course.lessons.length;
  }

  /** The exit screen: how the session ended, in words; after a failed save, try again or leave. */
  showExit(screen: ExitScreen): void {
    const view = cloneTemplate(this.doc, 'tpl-exit');
    fillSlots(view, { message: screen.message, detail: screen.detail ?? null });
    if (screen.choices === undefined) view.querySelector('[data-slot="actions"]')?.remove();
    this.main.replaceChildren(view);
    if (screen.choices !== undefined) {
      const { retry, leave } = screen.choices;
      this.main.querySelector('[data-action="retry-exit"]')?.addEventListener('click', retry);
      this.main.querySelector('[data-action="leave-unsaved"]')?.addEventListener('click', leave);
    }
    for (const selector of ['#toc', '.pager', '#exit', '#menu-toggle']) {
      const element = this.doc.querySelector<HTMLElement>(selector);
      if (element !== null) element.hidden = true;
    }
    this.main.querySelector<HTMLElement>('h1')?.focus();
  }

  private currentIndex(): number {
    return this.current === RESULTS_LOCATION ? this.course.lessons.length : this.course.lessons.findIndex((lesson) => lesson.id === this.current);
  }

  private targetAt(index: number): string | undefined {
    return index === this.course.lessons.length ? RESULTS_LOCATION : this.course.lessons[index]?.id;
  }

  private arrive(target: string, title: string, options: ShowOptions, change: (store: LearnerStore) => void): void {
    this.current = target;
    this.doc.title = `${title} – ${this.course.title}`;
    this.store.update(change, options.urgency);
    if (options.focus) this.focusIn(options.fragment ?? '');
  }

  /** Focus the element `fragment` names in what is shown, else its heading. */
  private focusIn(fragment: string): void {
    (fragmentElement(this.main, fragment) ?? this.main.querySelector<HTMLElement>('h1'))?.focus();
  }

  /** What could not be loaded (a lesson's body, the later screens' code), with a button to try again. */
  private showLoadFailure(target: string, title: string, options: ShowOptions): void {
    const failure = cloneTemplate(this.doc, 'tpl-lesson-failed');
    fillSlots(failure, { title });
    this.main.replaceChildren(failure);
    this.main.querySelector('[data-action="retry-load"]')?.addEventListener('click', () => void this.show(target, { ...options, focus: true }));
    if (options.focus) this.main.querySelector<HTMLElement>('h1')?.focus();
  }

  private go(target: string | undefined, fragment?: string): void {
    if (target === undefined) return;
    this.learnerNavigated = true;
    this.hooks.navigated();
    this.setMenuOpen(false);
    void this.show(target, { focus: true, urgency: 'now', fragment });
  }

  private setMenuOpen(open: boolean): void {
    const toc = byId(this.doc, 'toc');
    const toggle = byId(this.doc, 'menu-toggle');
    if (toc !== null) toc.dataset.open = String(open);
    toggle?.setAttribute('aria-expanded', String(open));
  }

  private bindControls(): void {
    const { doc } = this;
    byId(doc, 'toc')?.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-lesson-link], a[data-results-link]');
      if (link === null || link === undefined) return;
      event.preventDefault();
      this.go(link.dataset.lessonLink ?? RESULTS_LOCATION);
    });
    // A link in a lesson to another lesson shows it here; a link within the lesson shown only moves focus.
    this.main.addEventListener('click', (event) => {
      const link = lessonLinkTarget(event);
      if (link === null) return;
      event.preventDefault();
      if (link.lessonId === this.current) this.focusIn(link.fragment);
      else if (this.isKnownLocation(link.lessonId)) this.go(link.lessonId, link.fragment);
    });
    byId(doc, 'prev')?.addEventListener('click', () => this.go(this.targetAt(this.currentIndex() - 1)));
    byId(doc, 'next')?.addEventListener('click', () => this.go(this.targetAt(this.currentIndex() + 1)));
    byId(doc, 'menu-toggle')?.addEventListener('click', () => this.setMenuOpen(byId(doc, 'menu-toggle')?.getAttribute('aria-expanded') !== 'true'));
    byId(doc, 'exit')?.addEventListener('click', () => this.hooks.exit());
  }
}
