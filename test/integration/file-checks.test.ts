// What a file is by its bytes, SVG safety, editor debris and the package path of media: the
// building blocks of the media checks, on the formats' own signatures and on SVGs as drawing
// programs write them.
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/load/files/file-signature.js';
import { checkSvg } from '../../src/load/files/svg-safety.js';
import { isDebris, isLessonFileName } from '../../src/load/files/debris.js';
import { clashingCoursePath, mediaPackagePath } from '../../src/contract/package-layout.js';
import { reservedNameOf } from '../../src/load/files/name-limits.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('sniff', () => {
  it.each([
    ['png', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR')],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif')],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf')],
    ['iso-media', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isommp41')],
    ['iso-media', bytes([0, 0, 0, 0x1c], 'ftypM4A ', [0, 0, 0, 0], 'M4A mp42isom')],
    ['pdf', bytes('%PDF-1.7\n')],
    ['zip', bytes('PK', [3, 4, 20, 0], '[Content_Types].xml')],
    ['opendocument', bytes('PK', [3, 4, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0], 'mimetypeapplication/vnd.oasis.opendocument.text')],
    ['ogg', bytes('OggS', [0, 2])],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f])],
    ['mp3', bytes('ID3', [4, 0, 0])],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['executable', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['executable', bytes('MZ', [0x90, 0])],
    ['script', bytes('#!/bin/sh\nrm -rf ~\n')],
    ['html', bytes([0xef, 0xbb, 0xbf], '  <!DOCTYPE html><html>')],
    ['html', bytes('<script>alert(1)</script>')],
    ['xml', bytes('<?xml version="1.0"?><svg/>')],
    ['xml', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['xml', bytes('<!-- Generator: Adobe Illustrator --><svg/>')],
    ['text', bytes('Name;Anzahl\nÄpfel;3\n')],
    ['text', bytes([0xff, 0xfe, 0x41, 0])],
    ['binary', bytes([0, 1, 2, 3, 4, 5])],
    ['empty', bytes()],
  ] as const)('%s', (kind, data) => {
    expect(sniff(data)).toBe(kind);
  });
});

const SVG = 'xmlns="http://www.w3.org/2000/svg"';

describe('checkSvg', () => {
  it('accepts pictures as drawing programs write them', () => {
    const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape -->
<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" width="10" height="10">
  <sodipodi:namedview id="base" inkscape:zoom="1"/>
  <defs><linearGradient id="g"><stop offset="0" style="stop-color:#fff"/></linearGradient><style>.a{fill:url(#g)}</style></defs>
  <rect class="a" width="10" height="10" fill="url(#g)" style="fill:url('#g');opacity:.5"/>
  <use xlink:href="#g"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <a href="#top"><text>Top</text></a>
  <animate attributeName="opacity" from="0" to="1" dur="1s"/>
</svg>`;
    expect(checkSvg(inkscape)).toEqual({ kind: 'safe' });
    const illustrator = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg ${SVG}><path d="M0 0h1"/></svg>`;
    expect(checkSvg(illustrator)).toEqual({ kind: 'safe' });
  });

  it.each([
    [`<svg ${SVG}><script>alert(1)</script></svg>`, '`<script>` element'],
    [`<svg ${SVG}><SCRIPT>alert(1)</SCRIPT></svg>`, '`<SCRIPT>` element'],
    [`<svg ${SVG} onload="alert(1)"/>`, 'event attribute `onload`'],
    [`<svg ${SVG}><g OnClick="alert(1)"/></svg>`, 'event attribute `OnClick`'],
    [`<svg ${SVG}><a href=" JaVa&#x09;ScRiPt:alert(1)"><text>x</text></a></svg>`, '`javascript:` URL in `href`'],
    [`<svg ${SVG}><foreignObject/></svg>`, '`<foreignObject>` element'],
    [`<svg ${SVG}><h:p xmlns:h="http://www.w3.org/1999/xhtml">x</h:p></svg>`, 'HTML element `<h:p>`'],
    [`<svg ${SVG}><image href="https://tracker.example/p.png"/></svg>`, 'external reference `href="https://tracker.example/p.png"`'],
    [`<svg ${SVG}><use href="other.svg#icon"/></svg>`, 'external reference `href="other.svg#icon"`'],
    [`<svg ${SVG}><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, 'external reference `href="data:image/svg+xml;base64,PHN2Zz4="`'],
    [`<svg ${SVG}><rect style="fill:url(https://x.example/a.svg#p)"/></svg>`, 'external reference `url(https://x.example/a.svg#p)` in `style`'],
    [`<svg ${SVG}><style>@import url(#x);</style></svg>`, 'CSS `@import` in a `<style>` element'],
    [`<svg ${SVG}><style>.a{background:\\75rl(https://x.example)}</style></svg>`, 'CSS escape (it can hide a reference) in a `<style>` element'],
    [`<svg ${SVG}><set attributeName="xlink:href" to="#a"/></svg>`, '`<set>` that changes `href`'],
    [`<?xml-stylesheet href="https://x.example/s.css"?><svg ${SVG}/>`, '`xml-stylesheet` instruction (an external style sheet)'],
    [`<!DOCTYPE svg [<!ENTITY e "x">]><svg ${SVG}>&e;</svg>`, 'DOCTYPE with its own declarations (entities can hide markup)'],
  ])('rejects %s', (text, problem) => {
    const verdict = checkSvg(text);
    expect(verdict.kind).toBe('unsafe');
    if (verdict.kind === 'unsafe') expect(verdict.problem).toBe(problem);
  });

  it('tells what a file that is no SVG is', () => {
    expect(checkSvg('<svg><rect/></svg>')).toEqual({ kind: 'not-svg', detail: 'an XML document whose root is <svg> without the SVG namespace' });
    expect(checkSvg(`<html ${SVG}/>`)).toEqual({ kind: 'not-svg', detail: 'an XML document whose root is <html>' });
    expect(checkSvg(`<svg ${SVG}><g></svg>`).kind).toBe('not-svg');
    expect(checkSvg('').kind).toBe('not-svg');
  });

  it('counts every problem and gives the line of the first', () => {
    expect(checkSvg(`<svg ${SVG}>\n<rect/>\n<script/>\n<g onclick="x"/>\n</svg>`)).toEqual({ kind: 'unsafe', problem: '`<script>` element', line: 3, count: 2 });
  });
});

describe('file names', () => {
  it('knows editor and system debris from lessons', () => {
    for (const name of ['.#01-intro.md', '.draft.md', '._01-intro.md', '01-intro.md~', '~01-intro.md', '#01-intro.md#', '.01-intro.md.swp', '.DS_Store', 'Thumbs.db', 'desktop.ini', '01-intro.md.bak']) {
      expect(isDebris(name), name).toBe(true);
      expect(isLessonFileName(name), name).toBe(false);
    }
    for (const name of ['01-intro.md', '02-Zuverlässigkeit.md', '03-OUTRO.MD', '04-x.Md']) expect(isLessonFileName(name), name).toBe(true);
    expect(isLessonFileName('notes.txt')).toBe(false);
  });

  it('puts media under media/ once', () => {
    expect(mediaPackagePath('media/logo.png')).toBe('media/logo.png');
    expect(mediaPackagePath('media/en/logo.png')).toBe('media/en/logo.png');
    expect(mediaPackagePath('en/logo.png')).toBe('media/en/logo.png');
    expect(mediaPackagePath('en/media/logo.png')).toBe('media/en/media/logo.png');
    expect(clashingCoursePath('en/logo.png')).toBe('media/en/logo.png');
    expect(clashingCoursePath('media/en/logo.png')).toBe('en/logo.png');
  });

  it('knows the Windows device names', () => {
    for (const name of ['con', 'CON.html', 'aux.png', 'nul.tar.gz', 'com1', 'LPT9.txt']) expect(reservedNameOf(name), name).toBeDefined();
    for (const name of ['conclusion', 'console.png', 'com10', 'auxiliary.png', 'icon.svg']) expect(reservedNameOf(name), name).toBeUndefined();
  });
});
