// The iframe the course runs in (the SCO's window; window.API is in its parent, this page).

export class CourseFrame {
  constructor(private readonly frame: HTMLIFrameElement) {}

  /** Navigate the frame away so the course's pagehide handlers run (LMSFinish). */
  unload(): Promise<void> {
    if (this.frame.getAttribute('src') === null) return Promise.resolve();
    return this.navigate('about:blank');
  }

  /** Load `url`; resolves on the frame's load event. */
  load(url: string): Promise<void> {
    return this.navigate(url);
  }

  private navigate(url: string): Promise<void> {
    return new Promise((resolve) => {
      this.frame.addEventListener('load', () => resolve(), { once: true });
      this.frame.src = url;
    });
  }
}
