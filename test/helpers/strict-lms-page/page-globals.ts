// The few browser globals the LMS harness pages use, typed here: the tests' TypeScript project
// has no DOM library, and the pages need only these.
import type { Scorm12Api } from '../../../src/scorm12/api.js';
import type { Scorm2004Api } from '../../../src/scorm2004/api.js';

/** A window the harness opened (window.open). */
export interface OpenedWindow {
  readonly closed: boolean;
  close(): void;
}

export interface FrameElement {
  id: string;
  title: string;
  src: string;
  remove(): void;
}

export interface HarnessPageGlobals {
  API?: Scorm12Api;
  API_1484_11?: Scorm2004Api;
  harness?: unknown;
  /** scorm-again's constructors, defined by its IIFEs (the scorm-again harness page loads both). */
  Scorm12API?: unknown;
  Scorm2004API?: unknown;
  /** The scorm-again LMS of the last launch (the scorm-again harness page). */
  lmsApi?: unknown;
  document: {
    createElement(tag: 'iframe'): FrameElement;
    body: { appendChild(node: FrameElement): unknown };
  };
  open(url: string, target: string, features: string): OpenedWindow | null;
  setTimeout(callback: () => void, milliseconds: number): number;
  clearTimeout(handle: number): void;
  performance: { now(): number };
}

export const harnessPage = globalThis as unknown as HarnessPageGlobals;
