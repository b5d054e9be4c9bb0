// Makes Markdown parsing linear in the length of a lesson. micromark applies its batched event
// edits (EditMap.consume) by copying the whole event list, even when every edit is at its end; it
// does so each time a block quote or list item closes, so a lesson of many questions (each with
// its options list and its explanation quote) took time quadratic in its length: 26 s for 1 MB.
// This replaces consume with one that rebuilds only the events from the first edit on, with the
// same result (test/unit/micromark-linear-edits.test.ts compares both on random edits). Imported once
// for its effect by the Markdown processor.
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';

type Consume = (this: EditMap, events: Event[]) => undefined;

/** The library's own consume, kept for comparison in tests. */
export const originalConsume: Consume = EditMap.prototype.consume;

/** Apply the edits of `this` to `events` in place, touching only what follows the first edit. */
export const linearConsume: Consume = function consume(this: EditMap, events: Event[]): undefined {
  if (this.map.length === 0) return undefined;
  this.map.sort((a, b) => a[0] - b[0]);
  const first = this.map[0]![0];
  const rebuilt: Event[] = [];
  let next = first;
  for (const [at, remove, add] of this.map) {
    for (let index = next; index < at; index++) rebuilt.push(events[index]!);
    for (const event of add) rebuilt.push(event);
    next = at + remove;
  }
  for (let index = next; index < events.length; index++) rebuilt.push(events[index]!);
  events.length = first;
  for (const event of rebuilt) events.push(event);
  this.map.length = 0;
  this.index.clear();
  return undefined;
};

EditMap.prototype.consume = linearConsume;
