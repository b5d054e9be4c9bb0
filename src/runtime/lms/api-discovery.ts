// Find the LMS's SCORM 1.2 API wherever an LMS puts it: up the window's parent chain; then the
// top window's opener and its parents (LMS popup players that frame the course); then the
// window's own opener and its parents. An LMS may create its API after the course starts
// loading, so a course that is framed or was opened by another window keeps looking for a short
// while. Only a top-level window with no opener can be outside any LMS. Every cross-window access
// is guarded: a foreign-origin frame throws on access.
import { isScorm12Api, type Scorm12Api } from '../../scorm12/api.js';

/** How many parents to climb from each starting window. */
export const MAX_PARENT_LEVELS = 10;
/** How long a framed or opened course keeps looking for a late API, and how often. */
export const API_WAIT_MS = 3000;
export const API_POLL_MS = 100;

/**
 * `lms`: found. `standalone`: a top-level window nobody opened, so no LMS can be there.
 * `missing`: framed or opened by another window, but no API appeared: an LMS launched the course
 * and tracking does not work, which the learner must be told.
 */
export type Discovery = { kind: 'lms'; api: Scorm12Api } | { kind: 'standalone' } | { kind: 'missing' };

function apiOf(win: Window): Scorm12Api | null {
  try {
    const candidate: unknown = (win as Window & { API?: unknown }).API;
    return isScorm12Api(candidate) ? candidate : null;
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

function searchUpwards(start: Window | null): Scorm12Api | null {
  let current: Window | null = start;
  for (let level = 0; current !== null && level <= MAX_PARENT_LEVELS; level++) {
    const api = apiOf(current);
    if (api !== null) return api;
    current = parentOf(current);
  }
  return null;
}

/** One look through every place an LMS may have put the API. */
export function findScorm12Api(win: Window): Scorm12Api | null {
  const top = topOf(win);
  return searchUpwards(win) ?? (top !== win ? searchUpwards(openerOf(top)) : null) ?? searchUpwards(openerOf(win));
}

/** Whether an LMS may have launched this window: it is framed, or another window opened it. */
export function mayHaveLms(win: Window): boolean {
  return topOf(win) !== win || openerOf(win) !== null || openerOf(topOf(win)) !== null;
}

/** Look now, and keep looking for a while where an LMS may still be creating its API. */
export async function discoverLms(win: Window, waitMs = API_WAIT_MS, pollMs = API_POLL_MS): Promise<Discovery> {
  const found = findScorm12Api(win);
  if (found !== null) return { kind: 'lms', api: found };
  if (!mayHaveLms(win)) return { kind: 'standalone' };
  for (let waited = 0; waited < waitMs; waited += pollMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const api = findScorm12Api(win);
    if (api !== null) return { kind: 'lms', api };
  }
  return { kind: 'missing' };
}
