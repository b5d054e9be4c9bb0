// The learner's record, kept in this browser's localStorage the way an LMS keeps it: what was
// committed, per course, language and target (a SCORM 2004 package is an activity of its own).

/** cmi as scorm-again's renderCMIToJSONObject() gives it. */
export type CmiJson = Record<string, unknown>;

export interface LearnerRecord {
  cmi: CmiJson;
  /** Total time of the finished sessions (HHHH:MM:SS; an ISO 8601 duration in SCORM 2004). */
  totalTime: string;
  /** cmi.core.exit (cmi.exit) of the last session. */
  lastExit: string;
  /** Sessions that reached LMSCommit or LMSFinish. */
  sessions: number;
}

export class LearnerStore {
  constructor(private readonly storage: Storage) {}

  static key(courseId: string, lang: string, target: 'scorm12' | 'scorm2004' = 'scorm12'): string {
    return `scormdown-preview:${courseId}:${lang}${target === 'scorm12' ? '' : `:${target}`}`;
  }

  load(key: string): LearnerRecord | undefined {
    const text = this.storage.getItem(key);
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as LearnerRecord;
    } catch {
      return undefined;
    }
  }

  save(key: string, record: LearnerRecord): void {
    this.storage.setItem(key, JSON.stringify(record));
  }

  clear(key: string): void {
    this.storage.removeItem(key);
  }
}
