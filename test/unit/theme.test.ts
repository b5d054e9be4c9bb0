// A course theme's parts, DOM-free: the default colours and font of templates/course.css are the
// ones the contrast check starts from, and pass it; colours worked out from an author's accent,
// text and background; contrast ratios as WCAG 2 defines them; the pixel size read from each
// picture format's header; the byte limits of logos and font files; the theme's CSS in the inline
// <style> of index.html, which no theme value can end.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/index.js';
import { contrastProblems, contrastRatio, DEFAULT_COLOURS, mix, shownRatio, themeColours, type ColourName } from '../../src/load/theme-colours.js';
import { DEFAULT_FONT_STACK } from '../../src/load/edition-theme.js';
import { themeCss } from '../../src/render/theme-css.js';
import { pixelSize } from '../../src/load/files/image-size.js';
import { FONT_MAX_BYTES, LOGO_MAX_BYTES } from '../../src/load/theme-settings.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

/** The custom properties of the first :root block of templates/`stylesheet` (after `from`, when given). */
async function rootProperties(stylesheet = 'course.css', from?: string): Promise<Record<string, string>> {
  const css = (await fs.readFile(path.join(REPO_ROOT, 'templates', stylesheet), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
  const root = /:root\s*\{([^}]*)\}/.exec(from === undefined ? css : css.slice(css.indexOf(from)))?.[1] ?? '';
  return Object.fromEntries([...root.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

/** `#fff` as `#ffffff`. */
function long(colour: string): string {
  return colour.length === 4 ? `#${[...colour.slice(1)].map((digit) => digit + digit).join('')}` : colour;
}

function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IEND', Buffer.alloc(0))]);
}

describe('theme colours', () => {
  it('start from the colours of templates/course.css, which pass every contrast pair', async () => {
    const properties = await rootProperties();
    const colours = Object.fromEntries(Object.keys(DEFAULT_COLOURS).map((name) => [name, long(properties[name] ?? '')]));
    expect(colours).toEqual(DEFAULT_COLOURS);
    expect(properties.font).toBe(DEFAULT_FONT_STACK);
    expect(contrastProblems(DEFAULT_COLOURS)).toEqual([]);
  });

  it('are all set back for print, to colours that pass every pair on white paper, whatever the theme', async () => {
    const properties = await rootProperties('screens.css', '@media print');
    const printed = Object.fromEntries(Object.keys(DEFAULT_COLOURS).map((name) => [name, properties[name] === undefined ? undefined : long(properties[name])])) as Record<ColourName, string>;
    expect(Object.entries(printed).filter(([, value]) => value === undefined).map(([name]) => name)).toEqual([]);
    expect(printed.paper).toBe('#ffffff');
    expect(contrastProblems(printed)).toEqual([]);
  });

  it('measure contrast as WCAG 2 does, and show a ratio cut, not rounded up', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeGreaterThan(4.5);
    expect(shownRatio(4.4999)).toBe('4.49');
    expect(mix('#ffffff', '#000000', 0.5)).toBe('#808080');
  });

  it('follow the author\'s accent, text and background, and keep the rest', () => {
    const accentOnly = themeColours({ accent: '#0F766E' });
    expect(accentOnly.accent).toBe('#0f766e');
    expect(accentOnly['accent-ink']).toBe('#ffffff');
    expect(accentOnly.paper).toBe(DEFAULT_COLOURS.paper);
    expect(themeColours({ accent: '#ffd700' })['accent-ink']).toBe('#1b1f24');
    const dark = themeColours({ text: '#f2f4f7', background: '#15181c', accent: '#7cc4ff' });
    expect(dark.good).not.toBe(DEFAULT_COLOURS.good);
    expect(dark.focus).toBe('#f2f4f7');
    expect(dark['focus-inner']).toBe('#15181c');
    expect(contrastProblems(dark).map((problem) => `${problem.foreground} on ${problem.background}`)).toEqual([]);
  });

  it('find the pairs a low-contrast accent breaks', () => {
    const failing = contrastProblems(themeColours({ accent: '#7fb3d5' })).map((problem) => `${problem.foreground} on ${problem.background}`);
    expect(failing).toEqual(expect.arrayContaining(['accent on paper', 'accent on panel', 'focus-inner on accent']));
    const names = new Set<ColourName>(failing.flatMap((pair) => pair.split(' on ') as ColourName[]));
    expect([...names].every((name) => name in DEFAULT_COLOURS)).toBe(true);
  });
});

describe('theme contrast on the feedback backgrounds', () => {
  /** The pairs of a theme that fall short, as `foreground on background`. */
  const failing = (settings: Parameters<typeof themeColours>[0]) => contrastProblems(themeColours(settings)).map((problem) => `${problem.foreground} on ${problem.background}`);

  it('holds links and secondary text on the backgrounds of right and wrong answers to 4.5:1', () => {
    // Legible on the page, not in the feedback on a wrong answer (4.40:1).
    expect(contrastRatio('#2563eb', '#ffffff')).toBeGreaterThan(4.5);
    expect(failing({ accent: '#2563eb' })).toEqual(['accent on bad-bg']);
    // The sample theme's first accent: 4.37:1 and 4.30:1 on the feedback backgrounds; the darker one passes.
    const sample = { text: '#1f2933', background: '#fbfaf7' };
    expect(failing({ ...sample, accent: '#0f766e' })).toEqual(['accent on good-bg', 'accent on bad-bg']);
    expect(failing({ ...sample, accent: '#0d6b63' })).toEqual([]);
    expect(failing({ text: '#6b7280' })).toEqual(expect.arrayContaining(['muted on good-bg', 'muted on bad-bg']));
  });
});

describe('theme CSS', () => {
  it('is the custom properties in one :root block, after the course stylesheet', () => {
    expect(themeCss({ properties: { '--accent': '#0d6b63' } }, 'inline')).toBe(':root{ --accent:#0d6b63 }');
    expect(themeCss(undefined, 'inline')).toBe('');
  });

  it('cannot end the inline <style> element of index.html, whatever a theme holds', () => {
    expect(() => themeCss({ properties: { '--font': '"</style><script>alert(1)</script>", serif' } }, 'inline')).toThrow(/^the edition's theme contains .*cannot be inlined into index\.html/);
    expect(() => themeCss({ properties: { '--accent': '#000000<!--' } }, 'inline')).toThrow(/cannot be inlined into index\.html/);
  });
});

describe('pixel size from a picture\'s header', () => {
  it('reads PNG, GIF, JPEG, WebP and SVG', () => {
    expect(pixelSize(png(640, 128), 'png')).toEqual({ width: 640, height: 128 });
    const gif = Buffer.from([...Buffer.from('GIF89a', 'ascii'), 0x40, 0x01, 0x50, 0x00, 0, 0, 0]);
    expect(pixelSize(gif, 'gif')).toEqual({ width: 320, height: 80 });
    // SOI, an APP0 segment, then SOF0 with height 90 and width 300.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x5a, 0x01, 0x2c, 0x01, 0x01, 0x11, 0x00]);
    expect(pixelSize(jpeg, 'jpg')).toEqual({ width: 300, height: 90 });
    const riff = (chunk: string, body: number[]) => Buffer.from([...Buffer.from('RIFF', 'ascii'), 0, 0, 0, 0, ...Buffer.from(`WEBP${chunk}`, 'ascii'), 0, 0, 0, 0, ...body]);
    // VP8X: width - 1 and height - 1 in 24 bits each, after 4 bytes of flags.
    expect(pixelSize(riff('VP8X', [0, 0, 0, 0, 199, 0, 0, 49, 0, 0]), 'webp')).toEqual({ width: 200, height: 50 });
    // VP8L: a signature byte, then width - 1 and height - 1 in 14 bits each.
    const bits = (200 - 1) | ((50 - 1) << 14);
    expect(pixelSize(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >> 24) & 0xff]), 'webp')).toEqual({ width: 200, height: 50 });
    // VP8: a frame tag and start code, then width and height in 14 bits each.
    expect(pixelSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 200, 0, 50, 0]), 'webp')).toEqual({ width: 200, height: 50 });
    const svg = (attributes: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}/>`);
    expect(pixelSize(svg('width="120px" height="30"'), 'svg')).toEqual({ width: 120, height: 30 });
    expect(pixelSize(svg('viewBox="0 0 200 48"'), 'svg')).toEqual({ width: 200, height: 48 });
    expect(pixelSize(svg('width="100%"'), 'svg')).toBeUndefined();
    expect(pixelSize(Buffer.from('not a picture'), 'png')).toBeUndefined();
  });
});

describe('theme files', () => {
  it('refuse a logo or a font file larger than a phone should wait for', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-theme-'));
    try {
      await fs.mkdir(path.join(dir, 'media'));
      await fs.mkdir(path.join(dir, 'en'));
      await fs.writeFile(path.join(dir, 'en', 'edition.yaml'), 'title: Limits\n');
      await fs.writeFile(path.join(dir, 'en', '01-intro.md'), '---\nid: intro\ntitle: Intro\n---\n\nText.\n');
      await fs.writeFile(path.join(dir, 'media', 'logo.png'), Buffer.concat([png(200, 40), Buffer.alloc(LOGO_MAX_BYTES)]));
      await fs.writeFile(path.join(dir, 'media', 'brand.woff2'), Buffer.concat([Buffer.from('wOF2', 'ascii'), Buffer.alloc(FONT_MAX_BYTES)]));
      await fs.writeFile(path.join(dir, 'course.yaml'), 'id: limits\nlanguages: [en]\ntheme:\n  logo: media/logo.png\n  logoAlt: Limits Ltd\n  fontFile: media/brand.woff2\n');
      const { files } = await checkCourse(dir);
      expect(files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['theme-logo-too-large', 'theme-font-too-large']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
