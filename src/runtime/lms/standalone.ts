// Standalone mode: the package opened outside any LMS. scorm-again (shipped in the package and
// loaded only now) plays the LMS, its Scorm12API or Scorm2004API as the package's version says;
// its CMI is kept in localStorage so the learner resumes on the next visit in this browser.

/** A CMI record as nested objects under `cmi`, as scorm-again's loadFromJSON takes it. */
export type CmiTree = Record<string, unknown>;

/** How one SCORM version's local LMS is made. */
export interface StandaloneFlavour<Api> {
  /** scorm-again's script in the package (src/contract/package-layout.ts). */
  readonly scriptPath: string;
  /** The constructor the script defines on window. */
  readonly constructorName: string;
  /** scorm-again's settings: no commits to a server, the course reports status itself. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** scorm-again's events after which the CMI is kept. */
  readonly keepOn: readonly string[];
  /** localStorage key of the record. */
  storageKey(courseId: string, lang: string): string;
  isApi(candidate: unknown): candidate is Api;
  /** What an LMS hands back on the next launch (no learner, passing score or total time is known here). */
  relaunch(saved: CmiTree | null): CmiTree;
}

interface ScormAgainApi {
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

/** The SCORM 1.2 record's key; SCORM 2004 packages keep theirs apart (scorm2004-target.ts). */
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

export interface StandaloneLms<Api> {
  api: Api;
  /**
   * Delete the record kept in this browser and keep nothing more from this page (a shared
   * computer: "start over" so the next person does not inherit a pass).
   */
  forget(): void;
}

/** Create the local LMS, seeded from the last visit; null when scorm-again cannot be loaded. */
export async function createStandaloneLms<Api>(win: Window, courseId: string, lang: string, flavour: StandaloneFlavour<Api>): Promise<StandaloneLms<Api> | null> {
  if (!(await loadScript(win.document, flavour.scriptPath))) return null;
  const Constructor = (win as unknown as Record<string, unknown>)[flavour.constructorName];
  if (typeof Constructor !== 'function') return null;
  const lms = new (Constructor as ScormAgainConstructor)({ ...flavour.settings });
  if (!flavour.isApi(lms)) return null;
  const storage = storageOf(win);
  const key = flavour.storageKey(courseId, lang);
  const saved = readSaved(storage, key);
  try {
    lms.loadFromJSON(flavour.relaunch(saved));
  } catch {
    // A damaged record: start as a new learner.
  }
  let forgotten = false;
  const persist = (): void => {
    if (forgotten) return;
    try {
      storage?.setItem(key, JSON.stringify(lms.renderCMIToJSONObject().cmi ?? {}));
    } catch {
      // Storage full or blocked: the session still works, it just will not resume.
    }
  };
  for (const event of flavour.keepOn) lms.on(event, persist);
  const forget = (): void => {
    forgotten = true;
    try {
      storage?.removeItem(key);
    } catch {
      // Blocked storage holds nothing to forget.
    }
  };
  return { api: lms, forget };
}
