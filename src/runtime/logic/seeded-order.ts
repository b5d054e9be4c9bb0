// Shuffled orders that depend only on a seed, so an attempt looks the same after resume.
import { fnv1a } from './string-hash.js';

/** mulberry32: a tiny 32-bit pseudo-random generator returning numbers in [0, 1). */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of `items` driven by `seed` and a salt (e.g. a question id). */
export function seededShuffle<T>(items: readonly T[], seed: number, salt = ''): T[] {
  const random = randomFrom(fnv1a(salt, seed));
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
