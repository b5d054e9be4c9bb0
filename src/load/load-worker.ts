// Worker thread entry: loads the language editions it is given, with the UI strings resolved for
// them on the main thread, and posts them back as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import type { UiStrings } from '../model/strings.js';
import { loadEditionContent } from './load-edition.js';
import { editionToTransfer } from './vfile-transfer.js';

export interface LoadWorkerInput {
  courseDir: string;
  editions: { lang: string; strings: UiStrings }[];
}

const input = workerData as LoadWorkerInput;
const editions = await Promise.all(input.editions.map(({ lang, strings }) => loadEditionContent(input.courseDir, lang, strings)));
parentPort?.postMessage(editions.map(editionToTransfer));
