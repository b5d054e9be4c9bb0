// The screens after the first one (the assessment, the results screen) are not in index.html:
// their code, bundled on its own as assets/screens.js (entry: ../screens.ts), registers itself on
// the window when it runs. The launch page then carries only what the first lesson needs, which
// is what a learner on a slow phone link waits for. The shell loads it once the page has loaded
// (so it is there before the learner is), or at once when the learner gets there first.
import { SCREENS_SCRIPT_PATH } from '../../contract/package-layout.js';
import type { bindAssessment } from './assessment-view.js';
import type { renderResults } from './results-view.js';
import { runScript } from './script-loader.js';

export interface LaterScreens {
  bindAssessment: typeof bindAssessment;
  renderResults: typeof renderResults;
}

type ScreensWindow = Window & { scormdownScreens?: LaterScreens };

/** Called by assets/screens.js as it runs. */
export function registerLaterScreens(win: Window, screens: LaterScreens): void {
  (win as ScreensWindow).scormdownScreens = screens;
}

/** The later screens once they are loaded, else undefined. */
export function loadedLaterScreens(win: Window): LaterScreens | undefined {
  return (win as ScreensWindow).scormdownScreens;
}

let loading: Promise<LaterScreens> | undefined;

/** The later screens, loading assets/screens.js the first time; a failed load is tried again on the next call. */
export function loadLaterScreens(win: Window): Promise<LaterScreens> {
  const loaded = loadedLaterScreens(win);
  if (loaded !== undefined) return Promise.resolve(loaded);
  loading ??= runScript(win, SCREENS_SCRIPT_PATH).then(() => {
    const screens = loadedLaterScreens(win);
    if (screens === undefined) throw new Error(`${SCREENS_SCRIPT_PATH} did not define the later screens`);
    return screens;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Load the later screens once the page has finished loading, so they do not compete with the first lesson. */
export function preloadLaterScreens(win: Window): void {
  const load = (): void => void loadLaterScreens(win).catch(() => undefined);
  if (win.document.readyState === 'complete') win.setTimeout(load, 0);
  else win.addEventListener('load', load, { once: true });
}
