// The linear EditMap.consume gives exactly the events micromark's own consume gives, for random
// batches of edits (inserts, removals, replacements, several at one index, removals past the end),
// and parsing with it is the same as before on the shipped lessons.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import { linearConsume, originalConsume } from '../../src/markdown/micromark-linear-edits.js';
import { SHIPPED_COURSE } from '../helpers/shipped-course.js';

/** A stand-in event: the edits move events around without looking into them. */
function event(label: string): Event {
  return [label, {}, {}] as unknown as Event;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function applyEdits(consume: typeof linearConsume, events: readonly Event[], edits: ReadonlyArray<[number, number, string[], boolean]>): string[] {
  const map = new EditMap();
  for (const [at, remove, labels, before] of edits) {
    const add = labels.map(event);
    if (before) map.addBefore(at, remove, add);
    else map.add(at, remove, add);
  }
  const copy = [...events];
  consume.call(map, copy);
  expect(map.map).toEqual([]);
  return copy.map((item) => item[0] as string);
}

describe('linear EditMap.consume', () => {
  it('is installed in place of the library\'s', () => {
    expect(EditMap.prototype.consume).toBe(linearConsume);
    expect(originalConsume).not.toBe(linearConsume);
  });

  it('gives the same events as the original for 2,000 random batches of edits', () => {
    const random = seeded(7);
    for (let batch = 0; batch < 2000; batch++) {
      const length = Math.floor(random() * 30);
      const events = Array.from({ length }, (_, index) => event(`e${index}`));
      const edits = Array.from({ length: Math.floor(random() * 5) }, (_, index): [number, number, string[], boolean] => [
        Math.floor(random() * (length + 1)),
        Math.floor(random() * 4),
        Array.from({ length: Math.floor(random() * 3) }, (_, item) => `a${batch}.${index}.${item}`),
        random() < 0.3,
      ]);
      expect(applyEdits(linearConsume, events, edits)).toEqual(applyEdits(originalConsume, events, edits));
    }
  });

  it('parses the shipped lessons to the same trees as the original', async () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
    const lessons = (await fs.readdir(path.join(SHIPPED_COURSE, 'de'))).filter((name) => name.endsWith('.md'));
    const text = (await Promise.all(lessons.map((name) => fs.readFile(path.join(SHIPPED_COURSE, 'de', name), 'utf8')))).join('\n\n> quote\n\n- item\n\n');
    const linear = processor.parse(text);
    EditMap.prototype.consume = originalConsume;
    try {
      expect(processor.parse(text)).toEqual(linear);
    } finally {
      EditMap.prototype.consume = linearConsume;
    }
  });
});
