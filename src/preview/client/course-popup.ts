// The course in a window the emulator opens, as LMSes with the profiles `popup` (the course page
// itself in the window; the course finds window.API at window.opener) and `popup-framed` (a player
// page framing the course; the course finds window.API at top.opener) launch it. A blocked window
// is reported in the course area with a button that opens it; a window the learner closed ends the
// session, with a button that launches again. A window kept for the next launch is navigated, not
// opened again.
import { COURSE_PREFIX } from '../protocol.js';
import { playerUrl } from '../player-route.js';
import type { CourseWindow } from './course-window.js';
import type { PopupNote, PopupState } from './popup-note.js';

export type PopupKind = 'popup' | 'popup-framed';

const WINDOW_NAME = 'scormdown-course';
const WINDOW_FEATURES = 'popup,width=1024,height=768';
/** How often the emulator looks whether the course page loaded, or the window was closed. */
const POLL_MS = 50;
const CLOSED_POLL_MS = 300;
/** Give up waiting for a page load or a pagehide after this long (the queue of launches goes on). */
const LOAD_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 3_000;

export class CoursePopup implements CourseWindow {
  private popup: Window | null = null;
  private kind: PopupKind = 'popup';
  private url = '';
  private started: () => void = () => undefined;
  private closedWatch: number | undefined;

  /** `relaunch`: start a new session (after the learner closed the window). */
  constructor(private readonly window: Window, private readonly note: PopupNote, private readonly relaunch: () => void) {
    window.addEventListener('pagehide', () => this.popup?.close());
  }

  /** The next open() opens this kind of window. */
  use(kind: PopupKind): void {
    this.kind = kind;
  }

  open(url: string, started: () => void): Promise<void> {
    this.url = this.kind === 'popup' ? url : playerUrl(url);
    this.started = started;
    const kept = this.popup;
    if (kept === null || kept.closed) return this.openWindow();
    const before = this.courseDocumentOf(kept);
    kept.location.href = this.url;
    return this.opened(kept, before);
  }

  async close(keepWindow = false): Promise<void> {
    const popup = this.popup;
    this.stopWatching();
    if (!keepWindow || popup === null || popup.closed) {
      this.popup = null;
      this.note.hide();
    }
    if (popup === null || popup.closed) return;
    const course = this.courseWindowOf(popup);
    const hidden = new Promise<void>((resolve) => {
      if (course === null) resolve();
      else course.addEventListener('pagehide', () => resolve(), { once: true });
    });
    const unloading = this.windowDocumentOf(popup);
    if (keepWindow) popup.location.replace('about:blank');
    else popup.close();
    await Promise.race([hidden, this.delay(CLOSE_TIMEOUT_MS)]);
    // A kept window can be navigated again only once the blank page replaced the course (a
    // document that is still unloading ignores navigations).
    const deadline = performance.now() + CLOSE_TIMEOUT_MS;
    while (keepWindow && !popup.closed && this.windowDocumentOf(popup) === unloading && performance.now() < deadline) await this.delay(POLL_MS);
  }

  /** The button of the note in the course area. */
  act(state: PopupState): void {
    if (state === 'blocked') void this.openWindow();
    else if (state === 'closed') this.relaunch();
    else if (this.popup === null || this.popup.closed) this.note.show('closed');
    else this.popup.focus();
  }

  private async openWindow(): Promise<void> {
    const popup = this.window.open(this.url, WINDOW_NAME, WINDOW_FEATURES);
    if (popup === null) {
      this.note.show('blocked');
      return;
    }
    this.popup = popup;
    await this.opened(popup, null);
  }

  /** The window is loading the course (`before`: the course document it showed until now). */
  private async opened(popup: Window, before: Document | null): Promise<void> {
    this.started();
    this.note.show('open');
    this.watchClosed(popup);
    const deadline = performance.now() + LOAD_TIMEOUT_MS;
    while (!popup.closed && !this.loaded(popup, before) && performance.now() < deadline) await this.delay(POLL_MS);
  }

  /** The window the course page runs in: the popup, or the player's frame. */
  private courseWindowOf(popup: Window): Window | null {
    try {
      if (this.kind === 'popup') return popup;
      const frame = popup.document.getElementById('course-frame') as HTMLIFrameElement | null;
      return frame?.contentWindow ?? null;
    } catch {
      return null;
    }
  }

  private windowDocumentOf(popup: Window): Document | null {
    try {
      return popup.document;
    } catch {
      return null;
    }
  }

  private courseDocumentOf(popup: Window): Document | null {
    try {
      return this.courseWindowOf(popup)?.document ?? null;
    } catch {
      return null;
    }
  }

  /** A new course document has loaded in the window. */
  private loaded(popup: Window, before: Document | null): boolean {
    const course = this.courseWindowOf(popup);
    try {
      return course !== null && course.document !== before && course.location.pathname.startsWith(COURSE_PREFIX) && course.document.readyState === 'complete';
    } catch {
      return false;
    }
  }

  private watchClosed(popup: Window): void {
    this.stopWatching();
    this.closedWatch = this.window.setInterval(() => {
      if (!popup.closed || this.popup !== popup) return;
      this.stopWatching();
      this.note.show('closed');
    }, CLOSED_POLL_MS);
  }

  private stopWatching(): void {
    if (this.closedWatch !== undefined) this.window.clearInterval(this.closedWatch);
    this.closedWatch = undefined;
  }

  private delay(milliseconds: number): Promise<void> {
    return new Promise((resolve) => this.window.setTimeout(resolve, milliseconds));
  }
}
