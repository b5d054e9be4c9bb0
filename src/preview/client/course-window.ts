// Where a launch runs the course: in the emulator's frame, or in a window the emulator opens
// (LMS profiles `popup` and `popup-framed`). Each place opens the course and ends it so that the
// course's pagehide handlers (LMSFinish) have run before the next session starts. A window can
// be kept for the next launch (a reload after a save opens no new window, which a pop-up blocker
// would stop: no click came before it).

export interface CourseWindow {
  /**
   * Start loading the course page `url`; `started` is called when it starts loading (the moment
   * a late LMS API is timed from). Resolves once the course page has loaded, or at once when the
   * window could not be opened (the emulator then shows how to open it).
   */
  open(url: string, started: () => void): Promise<void>;
  /** End the course; resolves after its pagehide handlers ran. `keepWindow`: leave its window open for the next open(). */
  close(keepWindow?: boolean): Promise<void>;
}
