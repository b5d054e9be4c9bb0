// Bundles the emulator page's code (src/preview/client/, with scorm-again) once per server start.
import path from 'node:path';
import { bundleBrowserScript } from '../render/browser-bundle.js';
import { PACKAGE_ROOT } from '../tool/install-paths.js';

export const CLIENT_ENTRY = path.join(PACKAGE_ROOT, 'src', 'preview', 'client', 'main.ts');

export function bundleEmulatorClient(): Promise<Buffer> {
  return bundleBrowserScript(CLIENT_ENTRY, 'emulator');
}
