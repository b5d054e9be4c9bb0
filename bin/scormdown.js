#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in out/ (npm run compile).
import { main } from '../out/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
