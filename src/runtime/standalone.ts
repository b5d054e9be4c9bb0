// Standalone mode: the package opened outside any LMS. scorm-again (shipped in the package and
// loaded only now) plays the LMS; its CMI is kept in localStorage so the learner resumes on the
// next visit in this browser.
import { isScorm12Api, type Scorm12Api } from './scorm12-api.js';

/** Where the build puts scorm-again's IIFE (src/render/shared-assets.ts). */
const STANDALONE_LMS_SCRIPT = 'assets/scorm12.min.js';

type CmiJson = Record<string, unknown>;

interface ScormAgainApi extends Scorm12Api {
  loadFromJSON(json: CmiJson, element?: string): void;
  renderCMIToJSONObject(): { cmi?: CmiJson };
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

function readSaved(storage: Storage | null, key: string): CmiJson | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as CmiJson) : null;
  } catch {
    return null;
  }
}

/** What an LMS hands back on the next launch: the saved CMI, entry resume, no session values. */
function relaunchData(saved: CmiJson): CmiJson {
  const core = { ...((saved.core as CmiJson | undefined) ?? {}) };
  const resume = core.exit === 'suspend';
  delete core.exit;
  delete core.session_time;
  delete core.total_time;
  core.entry = resume ? 'resume' : '';
  core.credit = 'credit';
  core.lesson_mode = 'normal';
  return { ...saved, core };
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
  if (!(await loadScript(win.document, STANDALONE_LMS_SCRIPT))) return null;
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
    api.loadFromJSON(saved === null ? { core: { entry: 'ab-initio', credit: 'credit', lesson_mode: 'normal' } } : relaunchData(saved));
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
