// Loads large courses on all cores: language editions are split across worker threads. The UI
// strings are resolved before, on this thread (each course strings file read once): a worker gets
// the strings of its editions and sends back what it read; the strings part is joined here.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Edition } from '../model/course.js';
import type { EditionContent } from './load-edition.js';
import { withStrings, type EditionStrings } from './edition-strings.js';
import type { LoadWorkerInput } from './load-worker.js';
import { editionFromTransfer, type TransferredEdition } from './vfile-transfer.js';

/** Below this many lesson files, starting workers costs more than it saves. */
export const PARALLEL_LESSON_THRESHOLD = 200;

const WORKER_URL = new URL('./load-worker.js', import.meta.url);

/** Workers need the compiled JavaScript (not available when running from TypeScript sources). */
export function canLoadInParallel(): boolean {
  return import.meta.url.endsWith('.js');
}

/** Load `languages` (sizes: lesson files per language, strings: resolved for each) on up to one worker per core. */
export async function loadEditionsInParallel(courseDir: string, languages: readonly string[], sizes: readonly number[], strings: ReadonlyMap<string, EditionStrings>): Promise<Edition[]> {
  const workers = Math.max(1, Math.min(os.availableParallelism(), languages.length));
  const buckets: { languages: string[]; size: number }[] = Array.from({ length: workers }, () => ({ languages: [], size: 0 }));
  const order = languages.map((lang, index) => ({ lang, size: sizes[index] ?? 0 })).sort((a, b) => b.size - a.size);
  for (const { lang, size } of order) {
    const lightest = buckets.reduce((best, bucket) => (bucket.size < best.size ? bucket : best));
    lightest.languages.push(lang);
    lightest.size += size;
  }
  const loaded = await Promise.all(buckets.filter((bucket) => bucket.languages.length > 0).map((bucket) =>
    runWorker({ courseDir, editions: bucket.languages.map((lang) => ({ lang, strings: strings.get(lang)!.strings })) })));
  const byLang = new Map(loaded.flat().map((edition) => [edition.lang, edition]));
  return languages.map((lang) => withStrings(byLang.get(lang)!, strings.get(lang)!));
}

function runWorker(input: LoadWorkerInput): Promise<EditionContent[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    worker.once('message', (data: TransferredEdition[]) => resolve(data.map(editionFromTransfer)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A loading worker stopped with exit code ${code}`));
    });
  });
}
