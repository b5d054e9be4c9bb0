// Debian's Chromium through playwright-core. Without the browser the browser tests are skipped,
// except under CI=true, where launching fails the run.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SKIP_BROWSER_TESTS = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
