// Page events that end or pause a session. LMSFinish comes from pagehide (never `unload`, which
// browsers are dropping); a hidden page is saved at once, as it may never return. beforeunload only
// saves: it also fires before a "Leave site?" prompt the learner may cancel, and before links that
// turn out to be downloads, and a session finished then could not record anything afterwards.

export interface PageLifecycleHandlers {
  hidden(): void;
  closing(): void;
  /** The page came back from the back/forward cache after it was closed. */
  restored(): void;
}

export function watchPageLifecycle(win: Window, handlers: PageLifecycleHandlers): void {
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') handlers.hidden();
  });
  win.addEventListener('pagehide', () => handlers.closing());
  win.addEventListener('beforeunload', () => handlers.hidden());
  win.addEventListener('pageshow', (event) => {
    if (event.persisted) handlers.restored();
  });
}
