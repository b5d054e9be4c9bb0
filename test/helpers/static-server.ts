// A tiny static file server for browser tests: 127.0.0.1, a free port, URL prefixes mapped to
// folders or single files, and paths whose content is made on first request (a bundled script).
// Nothing on disk is cached, so every launch loads what is there.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentType } from '../../src/preview/mime-types.js';


export interface StaticServer {
  /** e.g. http://127.0.0.1:39123 */
  origin: string;
  /** Serve `target` (a folder, or a file when `prefix` names a file) under `prefix`. */
  mount(prefix: string, target: string): void;
  /** Serve what `produce` makes at exactly `pathname`, made once, on the first request. */
  mountGenerated(pathname: string, produce: () => Promise<Buffer>): void;
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  const mounts = new Map<string, string>();
  const generated = new Map<string, { produce: () => Promise<Buffer>; made?: Promise<Buffer> }>();
  const server = http.createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const made = generated.get(pathname);
      if (made !== undefined) {
        made.made ??= made.produce();
        try {
          const data = await made.made;
          response.writeHead(200, { 'content-type': contentType(pathname), 'cache-control': 'no-store' });
          response.end(data);
        } catch (error) {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(`could not make ${pathname}: ${String(error)}`);
        }
        return;
      }
      const prefix = [...mounts.keys()].filter((candidate) => pathname === candidate || pathname.startsWith(candidate.endsWith('/') ? candidate : `${candidate}/`)).sort((a, b) => b.length - a.length)[0];
      if (prefix === undefined) return notFound(response);
      const root = mounts.get(prefix)!;
      const rest = pathname.slice(prefix.length).replace(/^\/+/, '');
      const file = rest === '' ? root : path.resolve(root, rest);
      if (rest !== '' && !file.startsWith(root + path.sep)) return notFound(response);
      try {
        const data = await fs.readFile(file);
        response.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
        response.end(data);
      } catch {
        notFound(response);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mount: (prefix, target) => mounts.set(prefix, path.resolve(target)),
    mountGenerated: (pathname, produce) => generated.set(pathname, { produce }),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function notFound(response: http.ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}
