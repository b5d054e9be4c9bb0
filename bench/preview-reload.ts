// `npm run bench:preview`: the save → reload round trip of `scormdown preview` for the shipped
// course, measured in headless Chromium: 10 saves of the lesson on screen, each timed from the
// file's modification time to the `load` event of the reloaded course frame (what the emulator
// page reports to the server). Prints the median. Not a test: the machine is shared and noisy.
// Run from out/bench/ (compiled by the npm script), beside out/src/.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPreviewServer, type ReloadTiming } from '../src/preview/server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SAVES = 10;
const LESSON = path.join('el', '01-eisagogi.md');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-preview-bench-')));
const courseDir = path.join(root, 'course');
await fs.cp(path.join(ROOT, 'course'), courseDir, { recursive: true });
const server = await startPreviewServer({ courseDir, port: 0, cwd: root, lang: 'el' });
await server.watching;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.frameLocator('#course-frame').locator('article.lesson-body').first().waitFor();

  const lessonPath = path.join(courseDir, LESSON);
  const original = await fs.readFile(lessonPath, 'utf8');
  const serverSide: number[] = [];
  server.onUpdate((update) => serverSide.push(Date.now() - update.savedAt));
  const times: number[] = [];
  for (let save = 1; save <= SAVES; save++) {
    const reloaded = new Promise<ReloadTiming>((resolve) => server.onReload(resolve));
    const marker = `Αποθήκευση ${save} για τη μέτρηση.`;
    await fs.writeFile(lessonPath, `${original}\n${marker}\n`);
    const timing = await reloaded;
    await page.frameLocator('#course-frame').getByText(marker).waitFor();
    times.push(timing.milliseconds);
    // Let the watcher's quiet periods pass, as between an author's saves.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await fs.writeFile(lessonPath, original);

  const round = (value: number) => Math.round(value);
  process.stdout.write(`Preview save → reloaded course frame, shipped course (${LESSON}), ${SAVES} saves:\n`);
  process.stdout.write(`  each:   ${times.map(round).join(', ')} ms\n`);
  process.stdout.write(`  median: ${round(median(times))} ms   (min ${round(Math.min(...times))}, max ${round(Math.max(...times))})\n`);
  process.stdout.write(`  of which save → update sent to the page (watcher + re-render + check): median ${round(median(serverSide))} ms\n`);
} finally {
  await browser.close();
  await server.close();
  await fs.rm(root, { recursive: true, force: true });
}
