// Find the LMS's SCORM API wherever an LMS puts it (window.API for SCORM 1.2, window.API_1484_11
// for SCORM 2004): up the window's parent chain; then the top window's opener and its parents
// (LMS popup players that frame the course); then the window's own opener and its parents. An LMS
// may create its API after the course starts loading, so a course that is framed or was opened by
// another window keeps looking for a short while. Only a top-level window with no opener can be
// outside any LMS. Every cross-window access is guarded: a foreign-origin frame throws on access.

/** How many parents to climb from each starting window. */
export const MAX_PARENT_LEVELS = 10;
/** How long a framed or opened course keeps looking for a late API, and how often. */
export const API_WAIT_MS = 3000;
export const API_POLL_MS = 100;

/** Where a version's API is found and how it is recognised. */
export interface ApiLocator<Api> {
  /** The window property: "API" or "API_1484_11". */
  readonly property: string;
  accepts(candidate: unknown): candidate is Api;
}

/**
 * `lms`: found. `standalone`: a top-level window nobody opened, so no LMS can be there.
 * `missing`: framed or opened by another window, but no API appeared: an LMS launched the course
 * and tracking does not work, which the learner must be told.
 */
export type Discovery<Api> = { kind: 'lms'; api: Api } | { kind: 'standalone' } | { kind: 'missing' };

function apiOf<Api>(win: Window, locator: ApiLocator<Api>): Api | null {
  try {
    const candidate: unknown = (win as unknown as Record<string, unknown>)[locator.property];
    return locator.accepts(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

function parentOf(win: Window): Window | null {
  try {
    const parent = win.parent;
    return parent !== null && parent !== win ? parent : null;
  } catch {
    return null;
  }
}

function topOf(win: Window): Window | null {
  try {
    return win.top;
  } catch {
    return null;
  }
}

function openerOf(win: Window | null): Window | null {
  if (win === null) return null;
  try {
    const opener: unknown = win.opener;
    return typeof opener === 'object' && opener !== null ? (opener as Window) : null;
  } catch {
    return null;
  }
}

function searchUpwards<Api>(start: Window | null, locator: ApiLocator<Api>): Api | null {
  let current: Window | null = start;
  for (let level = 0; current !== null && level <= MAX_PARENT_LEVELS; level++) {
    const api = apiOf(current, locator);
    if (api !== null) return api;
    current = parentOf(current);
  }
  return null;
}

/** One look through every place an LMS may have put the API. */
export function findApi<Api>(win: Window, locator: ApiLocator<Api>): Api | null {
  const top = topOf(win);
  return searchUpwards(win, locator) ?? (top !== win ? searchUpwards(openerOf(top), locator) : null) ?? searchUpwards(openerOf(win), locator);
}

/** Whether an LMS may have launched this window: it is framed, or another window opened it. */
export function mayHaveLms(win: Window): boolean {
  return topOf(win) !== win || openerOf(win) !== null || openerOf(topOf(win)) !== null;
}

/** Look now, and keep looking for a while where an LMS may still be creating its API. */
export async function discoverLms<Api>(win: Window, locator: ApiLocator<Api>, waitMs = API_WAIT_MS, pollMs = API_POLL_MS): Promise<Discovery<Api>> {
  const found = findApi(win, locator);
  if (found !== null) return { kind: 'lms', api: found };
  if (!mayHaveLms(win)) return { kind: 'standalone' };
  for (let waited = 0; waited < waitMs; waited += pollMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const api = findApi(win, locator);
    if (api !== null) return { kind: 'lms', api };
  }
  return { kind: 'missing' };
}
