// The emulator page's code (src/preview/client/, with scorm-again), bundled when the tool was
// compiled (out/browser/emulator.js); read once per process.
import { EMULATOR_CLIENT, readPrebuilt } from '../render/prebuilt-assets.js';

export function bundleEmulatorClient(): Promise<Buffer> {
  return readPrebuilt(EMULATOR_CLIENT);
}
