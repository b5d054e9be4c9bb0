// Reads the preview server's Server-Sent Events from Node, for tests.
import http from 'node:http';
import type { PreviewUpdate } from '../../src/preview/protocol.js';
import { ROUTES, SSE_EVENTS } from '../../src/preview/protocol.js';

export interface UpdateListener {
  /** The next update matching `accept` (updates already received count). */
  next: (accept?: (update: PreviewUpdate) => boolean, timeoutMs?: number) => Promise<PreviewUpdate>;
  close: () => void;
}

export function listenForUpdates(serverUrl: string): Promise<UpdateListener> {
  return new Promise((resolve, reject) => {
    const received: PreviewUpdate[] = [];
    const waiting: (() => void)[] = [];
    const request = http.get(new URL(ROUTES.events, serverUrl), (response) => {
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === SSE_EVENTS.update && data !== undefined) {
            received.push(JSON.parse(data) as PreviewUpdate);
            for (const wake of waiting.splice(0)) wake();
          }
        }
      });
      resolve({
        next: (accept = () => true, timeoutMs = 10_000) =>
          new Promise((resolveNext, rejectNext) => {
            const timer = setTimeout(() => rejectNext(new Error(`No matching update within ${timeoutMs} ms (got ${received.length})`)), timeoutMs);
            const look = () => {
              const index = received.findIndex(accept);
              if (index >= 0) {
                clearTimeout(timer);
                resolveNext(received.splice(0, index + 1).at(-1)!);
              } else waiting.push(look);
            };
            look();
          }),
        close: () => request.destroy(),
      });
    });
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}
