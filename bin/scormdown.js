#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in out/ (npm run compile).
import { main } from '../out/src/cli.js';

// A reader that stops early (`scormdown build | head`) must not crash the build half-way.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
