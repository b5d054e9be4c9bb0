// Page events that end or pause a session. LMSFinish comes from pagehide or beforeunload (never
// `unload`, which browsers are dropping); a hidden page is saved at once, as it may never return.

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
  win.addEventListener('beforeunload', () => handlers.closing());
  win.addEventListener('pageshow', (event) => {
    if (event.persisted) handlers.restored();
  });
}
