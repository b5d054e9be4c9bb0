// Standalone mode: the package opened outside any LMS. scorm-again (shipped in the package and
// loaded only now) plays the LMS; its CMI is kept in localStorage so the learner resumes on the
// next visit in this browser.
import { STANDALONE_LMS_PATH } from '../../contract/package-layout.js';
import { isScorm12Api, type Scorm12Api } from '../../scorm12/api.js';
import { relaunchCmi, type CmiTree } from '../../scorm12/relaunch.js';

interface ScormAgainApi extends Scorm12Api {
  loadFromJSON(json: CmiTree, element?: string): void;
  renderCMIToJSONObject(): { cmi?: CmiTree };
  on(event: string, callback: () => void): void;
}

type ScormAgainConstructor = new (settings: Record<string, unknown>) => ScormAgainApi;

function loadScript(doc: Document, src: string): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    doc.head.append(script);
  });
}

export function storageKey(courseId: string, lang: string): string {
  return `scormdown:${courseId}:${lang}`;
}

function readSaved(storage: Storage | null, key: string): CmiTree | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as CmiTree) : null;
  } catch {
    return null;
  }
}

function storageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export interface StandaloneLms {
  api: Scorm12Api;
  /**
   * Delete the record kept in this browser and keep nothing more from this page (a shared
   * computer: "start over" so the next person does not inherit a pass).
   */
  forget(): void;
}

/** Create the local LMS, seeded from the last visit; null when scorm-again cannot be loaded. */
export async function createStandaloneLms(win: Window, courseId: string, lang: string): Promise<StandaloneLms | null> {
  if (!(await loadScript(win.document, STANDALONE_LMS_PATH))) return null;
  const Scorm12Api = (win as Window & { Scorm12API?: unknown }).Scorm12API;
  if (typeof Scorm12Api !== 'function') return null;
  const api = new (Scorm12Api as ScormAgainConstructor)({
    autocommit: false,
    lmsCommitUrl: false,
    // We report status ourselves; no manifest mastery score is known here to override it.
    mastery_override: false,
    score_overrides_status: false,
    autoCompleteLessonStatus: false,
    logLevel: 5,
  });
  if (!isScorm12Api(api)) return null;
  const storage = storageOf(win);
  const key = storageKey(courseId, lang);
  const saved = readSaved(storage, key);
  try {
    // What an LMS hands back on the next launch (no learner, mastery score or total time is known here).
    api.loadFromJSON(relaunchCmi(saved));
  } catch {
    // A damaged record: start as a new learner.
  }
  let forgotten = false;
  const persist = (): void => {
    if (forgotten) return;
    try {
      storage?.setItem(key, JSON.stringify(api.renderCMIToJSONObject().cmi ?? {}));
    } catch {
      // Storage full or blocked: the session still works, it just will not resume.
    }
  };
  api.on('LMSCommit', persist);
  api.on('LMSFinish', persist);
  const forget = (): void => {
    forgotten = true;
    try {
      storage?.removeItem(key);
    } catch {
      // Blocked storage holds nothing to forget.
    }
  };
  return { api, forget };
}
