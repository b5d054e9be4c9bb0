// `scormdown preview`: start the preview server, print its address, stop on Ctrl+C.
import { EXIT } from './main.js';
import { DEFAULT_PORT, startPreviewServer } from '../preview/server.js';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface PreviewCommandOptions {
  courseDir: string;
  lang?: string;
  /** The --port text, if given. */
  port?: string;
}

export async function runPreviewCommand(options: PreviewCommandOptions, io: Io): Promise<number> {
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`Unexpected --port ${options.port}, expected a port number from 0 to 65535`);
    return EXIT.usage;
  }
  const server = await startPreviewServer({ courseDir: options.courseDir, lang: options.lang, port, log: io.out });
  await server.watching;
  io.out(`Preview: ${server.url}   (watching ${options.courseDir}; Ctrl+C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
