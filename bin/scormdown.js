#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in out/ (npm run compile).
import { main } from '../out/src/cli/main.js';

// A reader that stops early (`scormdown build | head`) must not crash the build half-way.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// Whatever escapes the command itself (an error event of a stream, a timer) is still one message
// and exit code 3 (internal failure), never a stack trace.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    process.stderr.write(`scormdown failed unexpectedly: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\nThis is a bug in scormdown; please report it with the command you ran.\n`);
    process.exit(3);
  });
}

process.exitCode = await main(process.argv.slice(2));
