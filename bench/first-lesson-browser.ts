// Time from launch to the first lesson visible and interactive, in headless Chromium, inside a
// harness page that plays the LMS with scorm-again (as an LMS frame would).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { median } from './measure.js';
import { contentType } from '../src/preview/mime-types.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/__lms/scorm12.min.js"></script></head><body>
<iframe id="sco" title="course" style="width:360px;height:640px;border:0"></iframe>
<script>
  window.API = new Scorm12API({ autocommit: false, mastery_override: false, logLevel: 5 });
  const initialize = window.API.LMSInitialize.bind(window.API);
  window.__initialized = false;
  window.API.LMSInitialize = (arg) => { window.__initialized = true; return initialize(arg); };
  window.__launch = () => new Promise((resolve) => {
    const frame = document.getElementById('sco');
    const started = performance.now();
    const poll = () => {
      const doc = frame.contentDocument;
      const heading = doc && doc.querySelector('#lesson h1');
      const input = doc && doc.querySelector('#lesson input, #lesson button, #next');
      if (window.__initialized && heading && heading.getBoundingClientRect().height > 0 && input && !input.disabled) resolve(performance.now() - started);
      else requestAnimationFrame(poll);
    };
    frame.src = '/index.html';
    requestAnimationFrame(poll);
  });
</script></body></html>`;

export async function firstLessonTimes(packageDir: string, runs: number): Promise<{ medianMs: number; samples: number[] } | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no browser at ${CHROMIUM}` };
  const require = createRequire(import.meta.url);
  const lms = fs.readFileSync(require.resolve('scorm-again/scorm12/min'));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__harness.html') return void response.writeHead(200, { 'content-type': contentType('harness.html') }).end(HARNESS);
    if (url.pathname === '/__lms/scorm12.min.js') return void response.writeHead(200, { 'content-type': contentType('scorm12.min.js') }).end(lms);
    const file = path.join(packageDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(packageDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const samples: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/__harness.html`);
      const ms = await Promise.race([
        page.evaluate(() => (globalThis as unknown as { __launch: () => Promise<number> }).__launch()),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the first lesson did not become interactive within 15 s')), 15_000)),
      ]);
      if (run > 0) samples.push(ms); // run 0 warms the browser up
      await context.close();
    }
    return { medianMs: median(samples), samples };
  } finally {
    await browser.close();
    server.close();
  }
}
