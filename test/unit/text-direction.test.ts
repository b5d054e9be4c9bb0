// The writing direction of an edition's language: right to left for ar, he, fa, ur, ps, sd, ug,
// yi, dv, ckb and their regional variants, and wherever a script subtag names a right-to-left
// script; left to right otherwise.
import { describe, expect, it } from 'vitest';
import { textDirection } from '../../src/render/text-direction.js';

describe('textDirection', () => {
  it.each(['ar', 'ar-EG', 'ar-SA', 'he', 'he-IL', 'fa', 'fa-AF', 'ur', 'ur-PK', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ckb-IQ', 'ku-Arab', 'pa-Arab', 'az-Arab-IR'])('%s is right to left', (lang) => {
    expect(textDirection(lang)).toBe('rtl');
  });

  it.each(['en', 'de', 'el', 'ms', 'ro', 'sl', 'pt-BR', 'ku', 'ug-Cyrl', 'sd-Deva', 'tr', 'ary-Latn', 'arn'])('%s is left to right', (lang) => {
    expect(textDirection(lang)).toBe('ltr');
  });
});
