// Entry of the emulator page (bundled by the preview server with esbuild).
import { ROUTES, type PreviewInfo } from '../protocol.js';
import { Emulator } from './emulator.js';
import { subscribeToUpdates } from './live-updates.js';
import { readEmulatorText } from './strings.js';

async function startEmulator(): Promise<void> {
  const text = readEmulatorText(document);
  const info = (await (await fetch(ROUTES.info)).json()) as PreviewInfo;
  const emulator = new Emulator(window, info, text);
  subscribeToUpdates({
    update: (update) => void emulator.applyUpdate(update),
    connected: (connected) => emulator.connection(connected),
  });
  await emulator.start();
}

void startEmulator();
