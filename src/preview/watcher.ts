// Watches the course folder with chokidar and hands over batches of changes, a few milliseconds
// after the last event of a save (editors often write a file in several steps).
import fs from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';
import { classifyChange, isIgnoredPath, mergeChanges, type FileEvent } from './classify-change.js';
import type { CourseChange } from './preview-course.js';

export interface ChangeBatch {
  changes: CourseChange[];
  /** Absolute paths of the changed files. */
  files: string[];
  /** Newest modification time among the changed files (ms since the epoch): the save time. */
  savedAt: number;
}

/**
 * Quiet time after the last event before a batch is handed over. Not chokidar's awaitWriteFinish:
 * it waits for each file on its own, so files saved together (save all, a git checkout) would be
 * re-read and reloaded one by one, and it polls the file's size. Measured on the shipped course
 * (save → batch handed over, medians of 20 saves, machine shared): this timer 28–32 ms;
 * awaitWriteFinish { stabilityThreshold: 25, pollInterval: 10 } 35–52 ms; with 10/5 16–23 ms, but
 * with worse outliers on a busy machine (up to 330 ms; the timer's up to 110 ms), under half the
 * quiet time, and still no batching. The save → reloaded frame figure (`npm run bench:preview`)
 * was no better with either.
 */
const SETTLE_MS = 25;
/**
 * chokidar drops a file's `change` events for 50 ms after one it emitted, so a second save inside
 * that window would go unnoticed: each changed file is looked at again once the window is over.
 */
const RECHECK_MS = 70;

export interface CourseWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

interface PendingEvent {
  event: FileEvent;
  filePath: string;
  modified: Promise<number | undefined>;
}

export function watchCourse(courseDir: string, onBatch: (batch: ChangeBatch) => void): CourseWatcher {
  const watcher: FSWatcher = watch(courseDir, { ignoreInitial: true, ignored: isIgnoredPath, atomic: true });
  const timers = new Set<NodeJS.Timeout>();
  const reported = new Map<string, number | undefined>();
  let pending: PendingEvent[] = [];
  let settle: NodeJS.Timeout | undefined;
  let closed = false;

  const later = (milliseconds: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, milliseconds);
    timers.add(timer);
    return timer;
  };

  const flush = async () => {
    settle = undefined;
    const events = pending;
    pending = [];
    const times = await Promise.all(events.map((event) => event.modified));
    if (closed) return;
    events.forEach((event, index) => reported.set(event.filePath, times[index]));
    onBatch({
      changes: mergeChanges(events.map((event) => classifyChange(courseDir, event.filePath, event.event))),
      files: [...new Set(events.map((event) => event.filePath))],
      savedAt: Math.max(...times.map((time) => time ?? Date.now())),
    });
    for (const event of events.filter((candidate) => candidate.event === 'change')) {
      later(RECHECK_MS, () => void recheck(event.filePath));
    }
  };

  const queue = (event: FileEvent, filePath: string) => {
    if (closed) return;
    pending.push({ event, filePath, modified: modificationTime(filePath) });
    if (settle !== undefined) {
      clearTimeout(settle);
      timers.delete(settle);
    }
    settle = later(SETTLE_MS, () => void flush());
  };

  const recheck = async (filePath: string) => {
    const modified = await modificationTime(filePath);
    if (modified !== undefined && modified !== reported.get(filePath) && !pending.some((event) => event.filePath === filePath)) queue('change', filePath);
  };

  watcher.on('all', (event, filePath) => {
    if (isFileEvent(event)) queue(event, filePath);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await watcher.close();
    },
  };
}

function isFileEvent(event: string): event is FileEvent {
  return event === 'add' || event === 'addDir' || event === 'change' || event === 'unlink' || event === 'unlinkDir';
}

/** The file's mtime in ms; undefined for a deleted file. */
async function modificationTime(filePath: string): Promise<number | undefined> {
  try {
    return (await fs.stat(filePath)).mtimeMs;
  } catch {
    return undefined;
  }
}
