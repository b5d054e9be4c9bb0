// The colours of a course theme: the custom properties of templates/course.css worked out from the
// accent, text and background colours an author gives, and the pairs of them that must contrast
// (WCAG 2.2 AA: 4.5:1 for text, 3:1 for the parts of controls and for the focus indicator). Pure
// functions on `#rrggbb` values, DOM-free: the checks of the load stage and the tests use them.

/** What the load stage knows of a colour property of templates/course.css. */
export interface ColourFacts {
  /** Its value in templates/course.css's :root, the default look (a unit test holds the two equal). */
  default: string;
  /** How a message names it: what learners see in it, and what it follows from. */
  name: string;
  /** Which of the author's colours it follows from: the keys a failing pair is blamed on. */
  from: ReadonlyArray<keyof ThemeColourSettings>;
}

/** Every colour property of templates/course.css, by its name without `--`: the one list of them. */
const COLOUR_TABLE = {
  ink: { default: '#1b1f24', name: 'the text colour', from: ['text'] },
  muted: { default: '#4f5966', name: 'the secondary text colour (from the text and background)', from: ['text', 'background'] },
  paper: { default: '#ffffff', name: 'the background', from: ['background'] },
  panel: { default: '#f3f5f8', name: 'the panel colour (from the background)', from: ['background'] },
  line: { default: '#d3d9e0', name: 'the line colour (from the background)', from: ['background'] },
  accent: { default: '#0b5cad', name: 'the accent', from: ['accent'] },
  'accent-ink': { default: '#ffffff', name: 'the label colour of primary buttons (black or white, whichever suits the accent)', from: ['accent'] },
  'accent-soft': { default: '#ebf2fa', name: 'the accent tint (from the accent and background)', from: ['accent', 'background'] },
  good: { default: '#17683a', name: 'the colour of right answers', from: ['background'] },
  'good-bg': { default: '#e6f4ea', name: 'the background of right answers (from the background)', from: ['background'] },
  bad: { default: '#a1261b', name: 'the colour of wrong answers', from: ['background'] },
  'bad-bg': { default: '#fbe9e7', name: 'the background of wrong answers (from the background)', from: ['background'] },
  'notice-bg': { default: '#fff6db', name: 'the notice colour (from the background)', from: ['background'] },
  'notice-line': { default: '#e5cf8c', name: 'the notice line colour (from the background)', from: ['background'] },
  focus: { default: '#0d1b2a', name: 'the focus indicator (the text colour)', from: ['text'] },
  'focus-inner': { default: '#ffffff', name: 'the focus indicator\'s inner ring (the background)', from: ['background'] },
} satisfies Record<string, ColourFacts>;

/** A colour property of templates/course.css, by its name without `--`. */
export type ColourName = keyof typeof COLOUR_TABLE;

export const COLOURS: Readonly<Record<ColourName, Readonly<ColourFacts>>> = COLOUR_TABLE;

export type Colours = Readonly<Record<ColourName, string>>;

/** The default look: the values of templates/course.css's :root. */
export const DEFAULT_COLOURS: Colours = Object.fromEntries(Object.entries(COLOURS).map(([name, colour]) => [name, colour.default])) as Record<ColourName, string>;

/** The colours an author may give (course.yaml or edition.yaml `theme:`). */
export interface ThemeColourSettings {
  accent?: string;
  text?: string;
  background?: string;
}

type Rgb = readonly [number, number, number];

/** `#rgb` or `#rrggbb` (any case) as `#rrggbb` in lower case. */
export function normalHex(colour: string): string {
  const hex = colour.trim().toLowerCase().replace(/^#/, '');
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

function rgb(colour: string): Rgb {
  const hex = normalHex(colour).slice(1);
  return [Number.parseInt(hex.slice(0, 2), 16), Number.parseInt(hex.slice(2, 4), 16), Number.parseInt(hex.slice(4, 6), 16)];
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** `share` (0–1) of `other` mixed into `base`, channel by channel, as CSS color-mix(in srgb) does. */
export function mix(base: string, other: string, share: number): string {
  const a = rgb(base);
  const b = rgb(other);
  return hex([0, 1, 2].map((index) => a[index]! + (b[index]! - a[index]!) * share) as unknown as Rgb);
}

/** WCAG 2 relative luminance. */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((value) => {
    const channel = value / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The ratio as a message shows it: cut (never rounded up) to two decimals, so 4.499 is not "4.50". */
export function shownRatio(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}

const WHITE = '#ffffff';
const NEAR_BLACK = '#1b1f24';
/** The feedback colours on a dark background: light enough to read on it. */
const DARK_GOOD = '#7ed6a0';
const DARK_BAD = '#ff9e94';
const NOTICE_YELLOW = '#f5c518';
const NOTICE_LINE = '#b8860b';

/**
 * Every colour of a theme: the author's accent, text and background, and what follows from them
 * (tints of the background for panels and lines, of the accent for a chosen answer, the feedback
 * colours and their backgrounds, the focus rings). What the author leaves out keeps its default.
 */
export function themeColours(settings: ThemeColourSettings): Colours {
  const colours: Record<ColourName, string> = { ...DEFAULT_COLOURS };
  const { accent, text, background } = settings;
  if (text !== undefined) {
    colours.ink = normalHex(text);
    colours.focus = colours.ink;
  }
  if (background !== undefined) {
    const paper = normalHex(background);
    colours.paper = paper;
    colours['focus-inner'] = paper;
    colours.panel = mix(paper, colours.ink, 0.05);
    colours.line = mix(paper, colours.ink, 0.2);
    const dark = luminance(paper) < luminance(colours.ink);
    if (dark) {
      colours.good = DARK_GOOD;
      colours.bad = DARK_BAD;
    }
    colours['good-bg'] = mix(paper, colours.good, 0.12);
    colours['bad-bg'] = mix(paper, colours.bad, 0.12);
    colours['notice-bg'] = mix(paper, NOTICE_YELLOW, dark ? 0.22 : 0.16);
    colours['notice-line'] = mix(paper, NOTICE_LINE, 0.5);
  }
  if (text !== undefined || background !== undefined) {
    // Secondary text: a quarter of the way to the background, or the text colour itself where
    // that would not be legible on the panels.
    const muted = mix(colours.ink, colours.paper, 0.25);
    colours.muted = contrastRatio(muted, colours.panel) >= TEXT_RATIO ? muted : colours.ink;
  }
  if (accent !== undefined) {
    colours.accent = normalHex(accent);
    colours['accent-ink'] = contrastRatio(WHITE, colours.accent) >= contrastRatio(NEAR_BLACK, colours.accent) ? WHITE : NEAR_BLACK;
  }
  if (accent !== undefined || background !== undefined) colours['accent-soft'] = mix(colours.paper, colours.accent, 0.09);
  return colours;
}

/** WCAG 2.2 AA minimum for text (1.4.3), and for user-interface components and the focus indicator (1.4.11, 2.4.13). */
export const TEXT_RATIO = 4.5;
export const UI_RATIO = 3;

export interface ContrastPair {
  foreground: ColourName;
  background: ColourName;
  min: number;
  /** Where learners see the pair, for the message. */
  use: string;
}

/**
 * Every pair of colours templates/course.css and templates/screens.css put next to each other that
 * learners must read or make out, text first. A pair serves every place it stands in: links and
 * button labels on the page also stand for the border of buttons, the frame of a chosen answer
 * and the progress bar in the header, which need 3:1 only. What the stylesheets draw in fixed
 * colours (the printed page) and lines that only decorate (card borders, table rules, the bar
 * beside quotations and key points) are not pairs of a theme.
 */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { foreground: 'ink', background: 'paper', min: TEXT_RATIO, use: 'lesson text' },
  { foreground: 'ink', background: 'panel', min: TEXT_RATIO, use: 'text in the table of contents, key points and tables' },
  { foreground: 'muted', background: 'paper', min: TEXT_RATIO, use: 'hints and progress' },
  { foreground: 'muted', background: 'panel', min: TEXT_RATIO, use: 'lesson states in the table of contents' },
  { foreground: 'muted', background: 'good-bg', min: TEXT_RATIO, use: 'the learner\'s name and date on a passed result' },
  { foreground: 'muted', background: 'bad-bg', min: TEXT_RATIO, use: 'the learner\'s name and date on a failed result' },
  { foreground: 'accent', background: 'paper', min: TEXT_RATIO, use: 'links and button labels' },
  { foreground: 'accent', background: 'panel', min: TEXT_RATIO, use: 'links in the table of contents and in key points' },
  { foreground: 'accent', background: 'accent-soft', min: TEXT_RATIO, use: 'button labels under the pointer' },
  { foreground: 'accent', background: 'good-bg', min: TEXT_RATIO, use: 'links in the feedback on a right answer and on a passed result' },
  { foreground: 'accent', background: 'bad-bg', min: TEXT_RATIO, use: 'links in the feedback on a wrong answer and on a failed result' },
  { foreground: 'accent-ink', background: 'accent', min: TEXT_RATIO, use: 'labels of primary buttons' },
  { foreground: 'ink', background: 'accent-soft', min: TEXT_RATIO, use: 'a chosen answer' },
  { foreground: 'good', background: 'good-bg', min: TEXT_RATIO, use: 'a right answer and its feedback' },
  { foreground: 'good', background: 'panel', min: TEXT_RATIO, use: '"completed" in the table of contents' },
  { foreground: 'bad', background: 'bad-bg', min: TEXT_RATIO, use: 'a wrong answer and its feedback' },
  { foreground: 'bad', background: 'paper', min: TEXT_RATIO, use: 'the warning about unanswered questions' },
  { foreground: 'ink', background: 'good-bg', min: TEXT_RATIO, use: 'feedback text after a right answer' },
  { foreground: 'ink', background: 'bad-bg', min: TEXT_RATIO, use: 'feedback text after a wrong answer' },
  { foreground: 'ink', background: 'notice-bg', min: TEXT_RATIO, use: 'notices' },
  { foreground: 'paper', background: 'good', min: UI_RATIO, use: 'the tick that marks a right answer' },
  { foreground: 'paper', background: 'bad', min: UI_RATIO, use: 'the cross that marks a wrong answer' },
  { foreground: 'good', background: 'paper', min: UI_RATIO, use: 'the border of a right answer' },
  { foreground: 'accent', background: 'line', min: UI_RATIO, use: 'the score on the bar of the results' },
  { foreground: 'ink', background: 'line', min: UI_RATIO, use: 'the pass mark on the bar of the results' },
  { foreground: 'accent', background: 'notice-bg', min: UI_RATIO, use: 'the border of the button in a notice' },
  { foreground: 'focus', background: 'paper', min: UI_RATIO, use: 'the focus indicator' },
  { foreground: 'focus', background: 'panel', min: UI_RATIO, use: 'the focus indicator on panels' },
  { foreground: 'focus', background: 'accent-soft', min: UI_RATIO, use: 'the focus indicator on a chosen answer' },
  { foreground: 'focus', background: 'good-bg', min: UI_RATIO, use: 'the focus indicator in feedback' },
  { foreground: 'focus', background: 'bad-bg', min: UI_RATIO, use: 'the focus indicator in feedback' },
  { foreground: 'focus', background: 'notice-bg', min: UI_RATIO, use: 'the focus indicator in notices' },
  { foreground: 'focus-inner', background: 'accent', min: UI_RATIO, use: 'the focus indicator\'s inner ring on primary buttons' },
  { foreground: 'focus', background: 'focus-inner', min: UI_RATIO, use: 'the two rings of the focus indicator' },
];

export interface ContrastProblem extends ContrastPair {
  ratio: number;
  colours: [string, string];
}

/** The pairs of `colours` below their minimum. */
export function contrastProblems(colours: Colours): ContrastProblem[] {
  return CONTRAST_PAIRS.flatMap((pair) => {
    const ratio = contrastRatio(colours[pair.foreground], colours[pair.background]);
    return ratio >= pair.min ? [] : [{ ...pair, ratio, colours: [colours[pair.foreground], colours[pair.background]] as [string, string] }];
  });
}
