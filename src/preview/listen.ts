// Listen on the asked port, or on the next free one when it is taken.
import type { Server } from 'node:http';

/** How many ports after the asked one are tried before giving up. */
export const PORT_ATTEMPTS = 20;

/** Resolves with the port listened on; port 0 lets the system choose. */
export async function listenOnFreePort(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await listenOnce(server, host, candidate);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error(`Unexpected server address ${String(address)}`);
      return address.port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    }
  }
  throw new Error(`Ports ${port}–${port + PORT_ATTEMPTS - 1} on ${host} are all in use; pass a free one with --port`);
}

function listenOnce(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
