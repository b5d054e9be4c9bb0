// `scormdown preview`: a local HTTP server on 127.0.0.1 that renders the course in memory and
// serves an LMS emulator page (scorm-again as window.API, a live CMI panel, a call log) and the
// player page some LMS profiles open the course in; a watcher re-reads what the author saves and tells the page to reload over Server-Sent Events.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { REPORTING_MODES } from '../load/course-config.js';
import type { ReportingMode, Target } from '../model/course.js';
import { bundleEmulatorClient } from './client-bundle.js';
import { readEmulatorStrings, readEmulatorStyles, readPlayerPage, renderEmulatorPage } from './emulator-page.js';
import { EventStream } from './event-stream.js';
import { listenOnFreePort } from './listen.js';
import { contentType } from './mime-types.js';
import { PreviewCourse } from './preview-course.js';
import { framedCourse, PLAYER_ROUTE } from './player-route.js';
import { previewInfo } from './preview-info.js';
import { formatPreviewMessage } from './preview-messages.js';
import { COURSE_PREFIX, ROUTES, SSE_EVENTS, type PreviewInfo, type PreviewUpdate, type ReloadReport } from './protocol.js';
import { RenderedEditions } from './rendered-editions.js';
import { watchCourse, type ChangeBatch, type CourseWatcher } from './watcher.js';

export const DEFAULT_PORT = 4700;
export const HOST = '127.0.0.1';

export interface PreviewServerOptions {
  courseDir: string;
  /** Language shown first (default: the course's first). */
  lang?: string;
  /** Port to try first (default DEFAULT_PORT; 0: any free port). */
  port?: number;
  /** Watch the course folder for changes (default true). */
  watch?: boolean;
  /** Lines for the terminal. */
  log?: (line: string) => void;
  /** Paths in messages are relative to this folder (default: the working directory). */
  cwd?: string;
}

/** One save → reload round trip, as the page reported it. */
export interface ReloadTiming {
  files: string[];
  milliseconds: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Save → reload times reported by emulator pages, oldest first. */
  readonly reloads: readonly ReloadTiming[];
  /** Called after each change was applied and sent to the pages. */
  onUpdate(listener: (update: PreviewUpdate) => void): void;
  /** Called when a page reports that it reloaded after a change. */
  onReload(listener: (timing: ReloadTiming) => void): void;
  /** Resolves once the watcher is watching. */
  watching: Promise<void>;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const courseDir = path.resolve(options.courseDir);
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => undefined);
  const preview = new PreviewCourse(courseDir);
  const rendered = new RenderedEditions(preview);
  const events = new EventStream();
  const reloads: ReloadTiming[] = [];
  const updateListeners: ((update: PreviewUpdate) => void)[] = [];
  const reloadListeners: ((timing: ReloadTiming) => void)[] = [];
  let version = 1;

  const [script, styles, strings] = await Promise.all([bundleEmulatorClient(), readEmulatorStyles(), readEmulatorStrings(), preview.loadAll()]);
  const [page, playerPage] = await Promise.all([renderEmulatorPage(strings), readPlayerPage(strings)]);
  const info = (): PreviewInfo => previewInfo(preview, version, options.lang, cwd);
  logProblems(info(), log);

  // Changes are applied one batch at a time, in order.
  let queue = Promise.resolve();
  const applyBatch = async (batch: ChangeBatch) => {
    const started = performance.now();
    const languages = new Set<string>();
    for (const change of batch.changes) for (const lang of await preview.apply(change)) languages.add(lang);
    rendered.invalidate(batch.changes.some((change) => change.kind === 'course') ? undefined : [...languages]);
    version++;
    const update: PreviewUpdate = { info: info(), files: batch.files.map((file) => path.relative(cwd, file)), languages: [...languages], savedAt: batch.savedAt };
    events.send(SSE_EVENTS.update, update);
    const errors = Object.values(update.info.problems).flat().filter((message) => message.severity === 'error').length;
    log(`↻ ${update.files.join(', ')} re-read in ${Math.round(performance.now() - started)} ms${errors > 0 ? ` — ${errors} error(s), shown in the page` : ''}`);
    for (const listener of updateListeners) listener(update);
  };
  const watcher: CourseWatcher | undefined = options.watch === false ? undefined : watchCourse(courseDir, (batch) => {
    queue = queue.then(() => applyBatch(batch)).catch((error: unknown) => log(`preview: could not apply a change: ${(error as Error).stack ?? String(error)}`));
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    if (request.method === 'POST' && url.pathname === ROUTES.reloaded) {
      const report = JSON.parse(await readBody(request)) as ReloadReport;
      const timing = { files: report.files, milliseconds: Math.max(0, report.loadedAt - report.savedAt) };
      reloads.push(timing);
      log(`  saved → reloaded in ${Math.round(timing.milliseconds)} ms`);
      for (const listener of reloadListeners) listener(timing);
      return send(response, 204, '', 'text/plain');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    switch (url.pathname) {
      case ROUTES.page:
        return send(response, 200, page, 'text/html; charset=utf-8');
      case ROUTES.script:
        return send(response, 200, script, 'text/javascript; charset=utf-8');
      case ROUTES.styles:
        return send(response, 200, styles, 'text/css; charset=utf-8');
      case ROUTES.info:
        return send(response, 200, JSON.stringify(info()), 'application/json; charset=utf-8');
      case ROUTES.events:
        return events.connect(request, response);
      case PLAYER_ROUTE: {
        const framed = framedCourse(url.searchParams);
        if (framed === undefined) return send(response, 400, 'The player frames course pages only', 'text/plain; charset=utf-8');
        return send(response, 200, playerPage(framed), 'text/html; charset=utf-8');
      }
    }
    if (url.pathname === '/favicon.ico') return send(response, 204, '', 'image/x-icon');
    if (url.pathname.startsWith(COURSE_PREFIX)) return serveCourseFile(url.pathname.slice(COURSE_PREFIX.length), response);
    return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
  };

  /** `[scorm2004/]<lang>/<reporting mode>/<package path>` → a file of the rendered package (see courseUrl). */
  const serveCourseFile = async (coursePath: string, response: ServerResponse) => {
    const target: Target = coursePath.startsWith('scorm2004/') ? 'scorm2004' : 'scorm12';
    const rest = target === 'scorm12' ? coursePath : coursePath.slice('scorm2004/'.length);
    const [lang = '', mode = '', ...parts] = rest.split('/').map((part) => decodeURIComponent(part));
    const filePath = parts.join('/') || 'index.html';
    if (!(REPORTING_MODES as readonly string[]).includes(mode)) return send(response, 404, `Unknown reporting mode ${mode}`, 'text/plain; charset=utf-8');
    let files;
    try {
      files = await rendered.get(lang, mode as ReportingMode, target);
    } catch (error) {
      log(`preview: could not render ${lang}: ${(error as Error).message}`);
      return send(response, 500, `The ${lang} edition could not be rendered:\n${(error as Error).message}`, 'text/plain; charset=utf-8');
    }
    const data = files?.get(filePath);
    if (data === undefined) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    return send(response, 200, data, contentType(filePath));
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`preview: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) send(response, 500, 'Internal error', 'text/plain; charset=utf-8');
    });
  });
  const port = await listenOnFreePort(server, HOST, options.port ?? DEFAULT_PORT);

  return {
    url: `http://${HOST}:${port}/`,
    port,
    reloads,
    onUpdate: (listener) => void updateListeners.push(listener),
    onReload: (listener) => void reloadListeners.push(listener),
    watching: watcher?.ready ?? Promise.resolve(),
    async close() {
      events.close();
      await watcher?.close();
      await queue;
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}

function send(response: ServerResponse, status: number, body: string | Buffer, type: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function logProblems(info: PreviewInfo, log: (line: string) => void): void {
  const seen = new Set<string>();
  for (const message of Object.values(info.problems).flat()) {
    const line = `${message.severity === 'error' ? '✗' : '!'} ${formatPreviewMessage(message)}`;
    if (!seen.has(line)) log(line);
    seen.add(line);
  }
}
