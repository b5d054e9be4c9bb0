// Time from launch to the first lesson visible and interactive, in headless Chromium, inside a
// harness page that plays the LMS with scorm-again (as an LMS frame would). Optionally as on a
// phone: the CPU slowed down and a slow mobile network emulated (Chrome DevTools Protocol), with
// the package served gzip-compressed or not.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
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

/** A phone on a slow mobile network (CDP Emulation.setCPUThrottlingRate, Network.emulateNetworkConditions). */
export interface PhoneConditions {
  /** CPU slowdown factor (4 = four times slower). */
  cpuSlowdown: number;
  /** Added to every request, in milliseconds. */
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

export interface FirstLessonOptions {
  phone?: PhoneConditions;
  /** Serve text files gzip-compressed to browsers that accept it, as web servers usually do. */
  gzip?: boolean;
}

/** A throttled phone on a slow mobile network: 4× slower CPU, 400 ms latency, 400 kbit/s. */
export const SLOW_PHONE: PhoneConditions = { cpuSlowdown: 4, latencyMs: 400, downloadKbps: 400, uploadKbps: 400 };
/** The phone Lighthouse's mobile audit emulates: 4× slower CPU, 150 ms, 1.6 Mbit/s down, 750 kbit/s up. */
export const MOBILE_PHONE: PhoneConditions = { cpuSlowdown: 4, latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };

const COMPRESSIBLE = /\.(html|js|css|json|svg|txt)$/;

export async function firstLessonTimes(packageDir: string, runs: number, options: FirstLessonOptions = {}): Promise<{ medianMs: number; samples: number[] } | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no browser at ${CHROMIUM}` };
  const require = createRequire(import.meta.url);
  const lms = fs.readFileSync(require.resolve('scorm-again/scorm12/min'));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__harness.html') return void response.writeHead(200, { 'content-type': contentType('harness.html') }).end(HARNESS);
    if (url.pathname === '/__lms/scorm12.min.js') return void response.writeHead(200, { 'content-type': contentType('scorm12.min.js') }).end(lms);
    const file = path.join(packageDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(packageDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void response.writeHead(404).end();
    const headers = { 'content-type': contentType(file), 'cache-control': 'no-store' };
    if (options.gzip === true && COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return void response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gzipped(file));
    }
    response.writeHead(200, headers).end(fs.readFileSync(file));
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
      if (options.phone !== undefined) {
        // The LMS page is there already; from now on the phone's CPU and network apply.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.phone.cpuSlowdown });
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: options.phone.latencyMs,
          downloadThroughput: (options.phone.downloadKbps * 1000) / 8,
          uploadThroughput: (options.phone.uploadKbps * 1000) / 8,
        });
      }
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

const compressed = new Map<string, Buffer>();

/** A file gzip-compressed once (so compression time is not part of the measurement). */
function gzipped(file: string): Buffer {
  let data = compressed.get(file);
  if (data === undefined) {
    data = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
    compressed.set(file, data);
  }
  return data;
}
