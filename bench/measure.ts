// Small measuring helpers for the benchmark: run a command, time it, take medians.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PEAK_MEMORY_HOOK = path.join(ROOT, 'out', 'bench', 'peak-memory.js');

export interface ProcessRun {
  ms: number;
  peakBytes: number;
}

/** Run `node <args>` as a fresh process (Node start-up included); wall time and peak memory. */
export function runNode(args: readonly string[]): ProcessRun {
  const rssFile = path.join(os.tmpdir(), `scormdown-bench-rss-${process.pid}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', PEAK_MEMORY_HOOK, ...args], {
    cwd: ROOT,
    env: { ...process.env, SCORMDOWN_BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const peakBytes = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { ms, peakBytes };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median wall time and peak memory over `runs` runs after `warmups` discarded runs. */
export function repeat(runs: number, warmups: number, once: () => ProcessRun): { ms: number; peakBytes: number; samples: number[] } {
  for (let index = 0; index < warmups; index++) once();
  const samples = Array.from({ length: runs }, once);
  return { ms: median(samples.map((sample) => sample.ms)), peakBytes: median(samples.map((sample) => sample.peakBytes)), samples: samples.map((sample) => sample.ms) };
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
