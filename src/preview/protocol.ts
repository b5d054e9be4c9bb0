// What the preview server and the emulator page say to each other: URLs, JSON bodies and
// Server-Sent Event payloads. Shared by the server (Node) and the page (bundled by esbuild).
import type { ReportingMode, Target } from '../model/course.js';

/** Route prefix of the emulator's own endpoints; course files are served under COURSE_PREFIX. */
export const PREVIEW_PREFIX = '/__preview/';
export const COURSE_PREFIX = '/course/';
export const ROUTES = {
  page: '/',
  script: `${PREVIEW_PREFIX}emulator.js`,
  styles: `${PREVIEW_PREFIX}emulator.css`,
  info: `${PREVIEW_PREFIX}course.json`,
  events: `${PREVIEW_PREFIX}events`,
  reloaded: `${PREVIEW_PREFIX}reloaded`,
} as const;

/**
 * The launch page of one language edition under one reporting mode, in the package of `target`:
 * `/course/<lang>/<mode>/index.html` for SCORM 1.2, `/course/scorm2004/<lang>/<mode>/index.html`
 * for SCORM 2004 (no language code is "scorm2004": a subtag has at most 8 characters).
 */
export function courseUrl(lang: string, mode: ReportingMode, version: number, target: Target = 'scorm12'): string {
  return `${COURSE_PREFIX}${target === 'scorm12' ? '' : `${target}/`}${encodeURIComponent(lang)}/${mode}/index.html?v=${version}`;
}

/** A positioned course message, as the terminal prints it (file:line:column rule-id reason). */
export interface PreviewMessage {
  /** Path relative to the folder the server was started in. */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  reason: string;
  severity: 'error' | 'warning';
}

export interface PreviewLanguage {
  lang: string;
  title: string;
}

/** GET ROUTES.info: what the emulator needs to launch the course. */
export interface PreviewInfo {
  /** Increments on every change the server picks up; used to bust caches. */
  version: number;
  courseId: string;
  languages: PreviewLanguage[];
  /** The language asked for with --lang (or the course's first). */
  defaultLanguage: string;
  /** course.yaml's reporting mode. */
  reporting: ReportingMode;
  reportingModes: ReportingMode[];
  /**
   * The pass mark the manifest would carry under each reporting mode (null: none): SCORM 1.2's
   * adlcp:masteryscore; SCORM 2004's imsss:minNormalizedMeasure is the same on 0–1.
   */
  masteryScoreByMode: Record<string, number | null>;
  /** course.yaml's targets; the emulator runs either target, starting with the first. */
  targets: Target[];
  /** Messages per language edition (course.yaml messages are listed under every language). */
  problems: Record<string, PreviewMessage[]>;
}

/** SSE event `update`: the course changed on disk and was re-read. */
export interface PreviewUpdate {
  info: PreviewInfo;
  /** Changed files, relative like PreviewMessage.file. */
  files: string[];
  /** Languages whose pages changed (every language when course.yaml changed). */
  languages: string[];
  /** Modification time (ms since the epoch) of the newest changed file: the save time. */
  savedAt: number;
}

/** POST ROUTES.reloaded: the emulator reloaded the course after an update. */
export interface ReloadReport {
  files: string[];
  savedAt: number;
  /** Date.now() in the page when the reloaded course frame fired `load`. */
  loadedAt: number;
}

export const SSE_EVENTS = { update: 'update' } as const;
