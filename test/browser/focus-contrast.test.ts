// The keyboard focus indicator has at least 3:1 contrast with what surrounds it: its dark outer
// ring against every background a control sits on, its light inner ring against the accent fill
// of primary buttons, and the two rings against each other. The ratios are computed from the CSS
// custom properties the page really uses, and the focused controls are checked to draw them; with
// the default look and with the sample theme (test/fixtures/courses/themed), whose colours the
// build works out from the author's accent, text and background.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { serveFixtureCourse } from '../helpers/fixture-course-server.js';

const MIN_RATIO = 3;
/** templates/course.css's accent, which a theme replaces. */
const DEFAULT_ACCENT = 'rgb(11, 92, 173)';
/** Backgrounds a focusable control can stand on. */
const BACKGROUNDS = ['--paper', '--panel', '--notice-bg', '--good-bg', '--bad-bg', '--accent-soft'];

type Rgb = [number, number, number];

/** `rgb(r, g, b)` as Chromium serialises a colour. */
function parseRgb(text: string): Rgb {
  const parts = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(text);
  if (parts === null) throw new Error(`Not an rgb() colour: ${text}`);
  return [Number(parts[1]), Number(parts[2]), Number(parts[3])];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Each custom property resolved to rgb() by the browser (through a probe element's colour). */
function resolveColours(page: Page, names: string[]): Promise<Record<string, string>> {
  return page.evaluate((properties) => {
    const doc = (globalThis as unknown as { document: { createElement(tag: string): { style: { color: string }; remove(): void }; body: { append(node: unknown): void } } }).document;
    const view = globalThis as unknown as { getComputedStyle(target: unknown): { color: string } };
    const probe = doc.createElement('span');
    doc.body.append(probe);
    const result: Record<string, string> = {};
    for (const name of properties) {
      probe.style.color = `var(${name})`;
      result[name] = view.getComputedStyle(probe).color;
    }
    probe.remove();
    return result;
  }, names);
}

/** Tab until the element with `id` has focus; its outline and box-shadow as drawn. */
async function focusStyleOf(page: Page, id: string): Promise<{ outlineColor: string; outlineWidth: string; boxShadow: string; focusVisible: boolean }> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) break;
  }
  return page.evaluate((wanted) => {
    const doc = (globalThis as unknown as { document: { getElementById(id: string): { matches(selector: string): boolean } | null } }).document;
    const element = doc.getElementById(wanted);
    if (element === null) throw new Error(`#${wanted} not found`);
    const style = (globalThis as unknown as { getComputedStyle(target: unknown): { outlineColor: string; outlineWidth: string; boxShadow: string } }).getComputedStyle(element);
    return { outlineColor: style.outlineColor, outlineWidth: style.outlineWidth, boxShadow: style.boxShadow, focusVisible: element.matches(':focus-visible') };
  }, id);
}

describeInBrowser('focus indicator contrast', () => {
  describe.each([
    ['the default look', 'phone-stress', 'phone-stress', false],
    ['the sample theme', 'themed', 'themed-sample', true],
  ] as const)('%s', (_look, fixture, courseId, themed) => {
    const setup = useBrowserWithCourses(() => serveFixtureCourse(fixture, courseId));

    it('reaches 3:1 against every background, the accent and between its two rings', async () => {
      const context = await setup.browser.newContext({ viewport: { width: 1024, height: 768 } });
      try {
        const page = await context.newPage();
        await page.goto(setup.served.packageUrl('en'));
        const colours = await resolveColours(page, ['--focus', '--focus-inner', '--accent', ...BACKGROUNDS]);
        expect(colours['--accent'] !== DEFAULT_ACCENT, 'the page has its theme\'s accent').toBe(themed);
        const focus = parseRgb(colours['--focus']!);
        const inner = parseRgb(colours['--focus-inner']!);
        const ratios: Record<string, number> = {};
        for (const background of BACKGROUNDS) ratios[`--focus on ${background}`] = contrast(focus, parseRgb(colours[background]!));
        ratios['--focus-inner on --accent'] = contrast(inner, parseRgb(colours['--accent']!));
        ratios['--focus against --focus-inner'] = contrast(focus, inner);
        for (const [pair, ratio] of Object.entries(ratios)) expect(ratio, `${pair}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(MIN_RATIO);

        // The controls draw exactly those colours when a keyboard user reaches them.
        for (const id of ['exit', 'next']) {
          const style = await focusStyleOf(page, id);
          expect(style.focusVisible, id).toBe(true);
          expect(style.outlineColor, id).toBe(colours['--focus']);
          expect(parseFloat(style.outlineWidth), id).toBeGreaterThanOrEqual(2);
          expect(style.boxShadow, id).toContain(colours['--focus-inner']!);
        }
      } finally {
        await context.close();
      }
    });
  });
});
