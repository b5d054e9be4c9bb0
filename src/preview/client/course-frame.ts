// The iframe the course runs in (the SCO's window; window.API is in its parent, this page), for
// LMS profiles that frame the course in the LMS page.
import type { CourseWindow } from './course-window.js';

export class CourseFrame implements CourseWindow {
  constructor(private readonly frame: HTMLIFrameElement) {}

  open(url: string, started: () => void): Promise<void> {
    this.frame.hidden = false;
    return this.navigate(url, started);
  }

  /** Navigate the frame away so the course's pagehide handlers run (LMSFinish). */
  close(): Promise<void> {
    if (this.frame.getAttribute('src') === null) return Promise.resolve();
    return this.navigate('about:blank', () => undefined);
  }

  /** Out of the way while the course runs in another window. */
  hide(): void {
    this.frame.hidden = true;
  }

  private navigate(url: string, started: () => void): Promise<void> {
    return new Promise((resolve) => {
      this.frame.addEventListener('load', () => resolve(), { once: true });
      started();
      this.frame.src = url;
    });
  }
}
