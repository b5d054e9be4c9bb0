// The writing direction of an edition's language, for the `dir` attribute of every page.
// Right-to-left languages (and their regional variants) get "rtl"; a script subtag decides
// when the language is written in more than one script (`ku-Arab`, `pa-Arab`, `ug-Cyrl`).

export type TextDirection = 'ltr' | 'rtl';

/** Languages whose usual script runs right to left. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'ji', 'dv', 'ckb']);

/** Scripts written right to left (ISO 15924 codes, lower case). */
const RTL_SCRIPTS = new Set(['arab', 'aran', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** `rtl` for ar, he, fa, ur, ps, sd, ug, yi, dv, ckb and their variants (`ar-EG`), else `ltr`. */
export function textDirection(lang: string): TextDirection {
  const [language = '', ...subtags] = lang.toLowerCase().split(/[-_]/);
  const script = subtags.find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
