// Headless Chromium from Debian for browser tests, driven by playwright-core. Without the browser
// the tests are skipped with a message, except in CI (CI=true), where that is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM_PATH = process.env.SCORMDOWN_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const browserAvailable = existsSync(CHROMIUM_PATH);
/** Why the browser tests cannot run (the message of a skip or a failure). */
export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set SCORMDOWN_CHROMIUM)`;

/** `describe` for browser tests: skipped with a clear message without Chromium, failing in CI. */
export function describeInBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(CHROMIUM_MISSING);
      });
    });
    return;
  }
  console.warn(`Skipping browser tests "${name}": ${CHROMIUM_MISSING}`);
  describe.skip(`${name} (skipped: ${CHROMIUM_MISSING})`, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
