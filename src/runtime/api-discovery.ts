// Find the LMS's SCORM 1.2 API: up the window.parent chain, then from window.opener and its
// parents. Every cross-window access is guarded: a foreign-origin frame throws on access.
import { isScorm12Api, type Scorm12Api } from './scorm12-api.js';

/** How many parents to climb from each starting window. */
export const MAX_PARENT_LEVELS = 10;

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

function searchUpwards(start: Window): Scorm12Api | null {
  let current: Window | null = start;
  for (let level = 0; current !== null && level <= MAX_PARENT_LEVELS; level++) {
    const api = apiOf(current);
    if (api !== null) return api;
    current = parentOf(current);
  }
  return null;
}

function openerOf(win: Window): Window | null {
  try {
    const opener: unknown = win.opener;
    return typeof opener === 'object' && opener !== null ? (opener as Window) : null;
  } catch {
    return null;
  }
}

export function findScorm12Api(win: Window): Scorm12Api | null {
  const fromFrames = searchUpwards(win);
  if (fromFrames !== null) return fromFrames;
  const opener = openerOf(win);
  return opener === null ? null : searchUpwards(opener);
}
