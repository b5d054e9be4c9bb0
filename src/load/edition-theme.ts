// An edition's look: course.yaml's theme with what its edition.yaml's `theme:` changes, every
// colour worked out (theme-colours.ts) and held to the contrast it must reach. A pair that fails is
// reported in the file that set one of its colours, at that colour: course.yaml's own colours are
// checked once for the course (checkCourseTheme), an edition's only for the pairs its own colours
// take part in, so no problem is reported twice.
import type { VFile } from 'vfile';
import type { CourseConfig, Edition, Theme, ThemeSettings } from '../model/course.js';
import { quote, report, START_OF_FILE } from '../model/messages.js';
import { COLOUR_SOURCES, contrastProblems, DEFAULT_COLOURS, shownRatio, TEXT_RATIO, themeColours, type ColourName, type ContrastProblem, type ThemeColourSettings } from './theme-colours.js';

/** The font stack of templates/course.css's :root (a unit test holds the two equal). */
export const DEFAULT_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
/** The family name a course's own font file gets in its @font-face rule (templates/theme-font.css). */
export const COURSE_FONT_FAMILY = 'course-font';

const COLOUR_KEYS = ['accent', 'text', 'background'] as const;

const NAMES: Record<ColourName, string> = {
  ink: 'the text colour',
  muted: 'the secondary text colour (from the text and background)',
  paper: 'the background',
  panel: 'the panel colour (from the background)',
  line: 'the line colour (from the background)',
  accent: 'the accent',
  'accent-ink': 'the label colour of primary buttons (black or white, whichever suits the accent)',
  'accent-soft': 'the accent tint (from the accent and background)',
  good: 'the colour of right answers',
  'good-bg': 'the background of right answers (from the background)',
  bad: 'the colour of wrong answers',
  'bad-bg': 'the background of wrong answers (from the background)',
  'notice-bg': 'the notice colour (from the background)',
  'notice-line': 'the notice line colour (from the background)',
  focus: 'the focus indicator (the text colour)',
  'focus-inner': 'the focus indicator\'s inner ring (the background)',
};

function colourSettings(settings: ThemeSettings | undefined): ThemeColourSettings {
  return { accent: settings?.accent, text: settings?.text, background: settings?.background };
}

function merged(course: ThemeSettings | undefined, edition: ThemeSettings | undefined): ThemeSettings | undefined {
  if (course === undefined && edition === undefined) return undefined;
  // Both hold only the keys they set: what an edition leaves out keeps the course's value.
  return { ...course, ...edition, places: { ...course?.places, ...edition?.places } };
}

/** How far a pair falls short of its minimum (lower is worse). */
function shortfall(problem: ContrastProblem): number {
  return problem.ratio / problem.min;
}

/**
 * "Unexpected contrast 2.06:1 of the accent `#7fb3d5` on the panel colour … (links …), expected at
 * least 4.5:1 …": the worst pair of a colour, and how many more pairs with it fall short.
 */
function contrastReason(problem: ContrastProblem, others: readonly ContrastProblem[]): string {
  const [foreground, background] = problem.colours;
  const kind = problem.min === TEXT_RATIO ? 'text' : 'controls and the focus indicator';
  const named = others.slice(0, 3).map((other) => `${other.use} ${shownRatio(other.ratio)}:1`);
  if (others.length > named.length) named.push(`${others.length - named.length} more`);
  const more = others.length === 0 ? '' : ` (${others.length} more ${others.length === 1 ? 'pair falls' : 'pairs fall'} short with this colour: ${named.join(', ')})`;
  return `Unexpected contrast ${shownRatio(problem.ratio)}:1 of ${NAMES[problem.foreground]} ${quote(foreground)} on ${NAMES[problem.background]} ${quote(background)} (${problem.use}), expected at least ${problem.min}:1 (WCAG 2.2 AA for ${kind}): choose a darker or lighter colour${more}`;
}

/**
 * Report the pairs that fail and that one of `own`'s colours takes part in: one message per colour
 * of `own`, at its place, naming its worst pair and counting the others.
 */
function reportContrast(file: VFile, own: ThemeSettings, all: ThemeColourSettings): void {
  const byKey = new Map<(typeof COLOUR_KEYS)[number], ContrastProblem[]>();
  for (const problem of contrastProblems(themeColours(all))) {
    const blamed = COLOUR_KEYS.find((key) => own[key] !== undefined && (COLOUR_SOURCES[problem.foreground].includes(key) || COLOUR_SOURCES[problem.background].includes(key)));
    if (blamed !== undefined) byKey.set(blamed, [...(byKey.get(blamed) ?? []), problem]);
  }
  for (const [key, problems] of byKey) {
    const [worst, ...others] = [...problems].sort((a, b) => shortfall(a) - shortfall(b));
    report(file, contrastReason(worst!, others), own.places[key], 'theme-contrast');
  }
}

/** course.yaml's colours against each other and the default look, reported on course.yaml. */
export function checkCourseTheme(settings: ThemeSettings | undefined, file: VFile): void {
  if (settings !== undefined) reportContrast(file, settings, colourSettings(settings));
}

/**
 * The look of `edition`'s packages (undefined for the default look), reporting on its edition.yaml
 * what its own theme keys break: contrast with the course's colours, a logo without alt text.
 */
export function resolveEditionTheme(config: Pick<CourseConfig, 'theme'>, edition: Pick<Edition, 'file' | 'themeSettings'>): Theme | undefined {
  const own = edition.themeSettings;
  const settings = merged(config.theme, own);
  if (settings === undefined) return undefined;
  if (own !== undefined) reportContrast(edition.file, own, colourSettings(settings));
  const colours = themeColours(colourSettings(settings));
  const properties: Record<string, string> = {};
  for (const name of Object.keys(colours) as ColourName[]) {
    if (colours[name] !== DEFAULT_COLOURS[name]) properties[`--${name}`] = colours[name];
  }
  if (settings.font !== undefined || settings.fontFile !== undefined) {
    properties['--font'] = [settings.fontFile === undefined ? undefined : `"${COURSE_FONT_FAMILY}"`, settings.font ?? DEFAULT_FONT_STACK].filter((part) => part !== undefined).join(', ');
  }
  const theme: Theme = { properties };
  if (settings.fontFile !== undefined) theme.fontFile = { ...settings.fontFile, family: COURSE_FONT_FAMILY };
  if (settings.logo !== undefined) {
    if (settings.logoAlt === undefined) {
      report(edition.file, `Unexpected logo ${quote(settings.logo.path)} without alt text for this edition, expected \`logoAlt:\` under \`theme:\` in edition.yaml (or in course.yaml, for every edition): the company's name, as screen readers should say it`, own?.places.logo ?? START_OF_FILE, 'theme-logo-alt-missing');
    } else {
      const { width = 0, height = 0 } = settings.logo;
      // Whole pixels, as the <img> attributes take them (an SVG's may be fractional).
      theme.logo = { ...settings.logo, alt: settings.logoAlt, width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
    }
  }
  return theme;
}
