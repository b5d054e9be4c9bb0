// The few browser globals the strict LMS harness page uses, typed here: the tests' TypeScript
// project has no DOM library, and the page needs only these.
import type { Scorm12Api } from '../../../src/runtime/scorm12-api.js';

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
