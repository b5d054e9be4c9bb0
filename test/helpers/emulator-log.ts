// Reads the emulator page's call log and checks the page with axe-core, for the browser tests.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './shipped-course.js';

const AXE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** One row of the call log as the page shows it. */
export interface LoggedCall {
  method: string;
  call: string;
  /** The value returned, as the log shows it (JSON). */
  returned: string;
  error: string;
  notes: string;
  quirk: string | undefined;
  rules: string | undefined;
}

/** The little of a DOM element the log reader needs (the tests compile without the DOM library). */
interface LogElement {
  classList: { contains(name: string): boolean };
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<LogElement>;
}

export interface LoggedSession {
  /** The text of the launch row. */
  launch: string;
  /** `data-event` of the event rows (e.g. the API appearing late). */
  events: string[];
  calls: LoggedCall[];
}

/** The call log, launch by launch. */
export async function loggedSessions(page: Page): Promise<LoggedSession[]> {
  return page.locator('#call-log').evaluate((body) => {
    const sessions: LoggedSession[] = [];
    for (const row of Array.from((body as unknown as LogElement).querySelectorAll('tr'))) {
      const cells = Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent ?? '');
      if (row.classList.contains('launch')) sessions.push({ launch: cells[0] ?? '', events: [], calls: [] });
      else if (row.classList.contains('event')) sessions.at(-1)?.events.push(row.getAttribute('data-event') ?? '');
      else if (row.hasAttribute('data-method')) {
        sessions.at(-1)?.calls.push({
          method: row.getAttribute('data-method') ?? '',
          call: cells[2] ?? '',
          returned: cells[3] ?? '',
          error: cells[4] ?? '',
          notes: cells[5] ?? '',
          quirk: row.getAttribute('data-quirk') ?? undefined,
          rules: row.getAttribute('data-rules') ?? undefined,
        });
      }
    }
    return sessions;
  });
}

/** The calls of the latest launch. */
export async function latestCalls(page: Page): Promise<LoggedCall[]> {
  return (await loggedSessions(page)).at(-1)?.calls ?? [];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** axe-core on the emulator page as it is now (the course in its frame is audited elsewhere). */
export async function emulatorAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
    { exclude: [['#course-frame']] },
    { resultTypes: ['violations'] },
  ));
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${JSON.stringify(node.target)}`));
}

/** What the late-api test saw, on the epoch clock of the page (ms). */
export interface ApiTimeline {
  /** window.API of the emulator page coming (true) and going (false). */
  apiChanges: { at: number; present: boolean }[];
  /** Each src the course frame was given. */
  frameSources: { at: number; src: string }[];
  /** Seen by each course page: at its start (its first script) and at its load event. */
  courseStarts: { at: number; apiPresent: boolean; loaded: boolean }[];
}

/** Run in the emulator page: start recording its ApiTimeline as `window.apiTimeline`. */
export const RECORD_API_TIMELINE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const timeline = { apiChanges: [], frameSources: [], courseStarts: [] };
  window.apiTimeline = timeline;
  let present = 'API' in window;
  setInterval(() => {
    if (('API' in window) === present) return;
    present = !present;
    timeline.apiChanges.push({ at: now(), present });
  }, 2);
  const frame = document.getElementById('course-frame');
  new MutationObserver(() => timeline.frameSources.push({ at: now(), src: frame.getAttribute('src') || '' }))
    .observe(frame, { attributes: true, attributeFilter: ['src'] });
})()`;

/** An init script for course pages in the emulator's frame: what they found when they started and loaded. */
export const RECORD_COURSE_START = `(() => {
  if (!location.pathname.startsWith('/course/') || window.parent === window || !window.parent.apiTimeline) return;
  const now = () => performance.timeOrigin + performance.now();
  const starts = window.parent.apiTimeline.courseStarts;
  starts.push({ at: now(), apiPresent: 'API' in window.parent, loaded: false });
  window.addEventListener('load', () => starts.push({ at: now(), apiPresent: 'API' in window.parent, loaded: true }));
})()`;

/** An init script for the emulator page: window.open answers null, as a pop-up blocker makes it; `window.unblockPopups()` undoes it. */
export const BLOCK_POPUPS = `(() => {
  if (location.pathname !== '/') return;
  const open = window.open;
  window.open = () => null;
  window.unblockPopups = () => { window.open = open; };
})()`;
