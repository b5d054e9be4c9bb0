// Worker thread entry: loads the language editions it is given and posts them back as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { loadEdition } from './load-edition.js';
import { editionToTransfer } from './vfile-transfer.js';

export interface LoadWorkerInput {
  courseDir: string;
  languages: string[];
}

const input = workerData as LoadWorkerInput;
const editions = await Promise.all(input.languages.map((lang) => loadEdition(input.courseDir, lang)));
parentPort?.postMessage(editions.map(editionToTransfer));
