// The learner's record, kept in this browser's localStorage the way an LMS keeps it: what was
// committed, per course and language.

/** cmi as scorm-again's renderCMIToJSONObject() gives it. */
export type CmiJson = Record<string, unknown>;

export interface LearnerRecord {
  cmi: CmiJson;
  /** Total time of the finished sessions (HHHH:MM:SS). */
  totalTime: string;
  /** cmi.core.exit of the last session. */
  lastExit: string;
  /** Sessions that reached LMSCommit or LMSFinish. */
  sessions: number;
}

export class LearnerStore {
  constructor(private readonly storage: Storage) {}

  static key(courseId: string, lang: string): string {
    return `scormdown-preview:${courseId}:${lang}`;
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
