// Server-Sent Events from the preview server: the course changed on disk.
import { ROUTES, SSE_EVENTS, type PreviewUpdate, type ReloadReport } from '../protocol.js';

export interface LiveUpdateHandlers {
  update: (update: PreviewUpdate) => void;
  connected: (connected: boolean) => void;
}

export function subscribeToUpdates(handlers: LiveUpdateHandlers): EventSource {
  const source = new EventSource(ROUTES.events);
  source.addEventListener(SSE_EVENTS.update, (event) => handlers.update(JSON.parse((event as MessageEvent<string>).data) as PreviewUpdate));
  source.addEventListener('open', () => handlers.connected(true));
  source.addEventListener('error', () => handlers.connected(source.readyState === EventSource.OPEN));
  return source;
}

/** Tell the server how long the save → reload round trip took (it logs it). */
export async function reportReload(report: ReloadReport): Promise<void> {
  await fetch(ROUTES.reloaded, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report) });
}
