// The few browser globals the LMS harness pages use, typed here: the tests' TypeScript project
// has no DOM library, and the pages need only these.
import type { Scorm12Api } from '../../../src/scorm12/api.js';

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
  harness?: unknown;
  /** scorm-again's constructor, defined by its IIFE (the scorm-again harness page loads it). */
  Scorm12API?: unknown;
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
