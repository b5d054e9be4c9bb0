// An edition's look: course.yaml's theme with what its edition.yaml's `theme:` changes, every
// colour worked out (theme-colours.ts) and held to the contrast it must reach. A pair that fails is
// reported in the file that set one of its colours, at that colour: course.yaml's own colours are
// checked once for the course (checkCourseTheme), an edition's only for the pairs its own colours
// take part in, so no problem is reported twice. A logo without alt text for an edition is
// reported where the logo is named: its edition.yaml, or course.yaml, naming the edition.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { CourseConfig, Edition, Theme, ThemeFile, ThemeSettings } from '../model/course.js';
import { quote, report } from '../model/messages.js';
import { COLOURS, contrastProblems, DEFAULT_COLOURS, shownRatio, TEXT_RATIO, themeColours, type ColourName, type ContrastProblem, type ThemeColourSettings } from './theme-colours.js';

/** The font stack of templates/course.css's :root (a unit test holds the two equal). */
export const DEFAULT_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
/** The family name a course's own font file gets in its @font-face rule (templates/theme-font.css). */
export const COURSE_FONT_FAMILY = 'course-font';

const COLOUR_KEYS = ['accent', 'text', 'background'] as const;

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
  return `Unexpected contrast ${shownRatio(problem.ratio)}:1 of ${COLOURS[problem.foreground].name} ${quote(foreground)} on ${COLOURS[problem.background].name} ${quote(background)} (${problem.use}), expected at least ${problem.min}:1 (WCAG 2.2 AA for ${kind}): choose a darker or lighter colour${more}`;
}

/**
 * Report the pairs that fail and that one of `own`'s colours takes part in: one message per colour
 * of `own`, at its place, naming its worst pair and counting the others.
 */
function reportContrast(file: VFile, own: ThemeSettings, all: ThemeColourSettings): void {
  const byKey = new Map<(typeof COLOUR_KEYS)[number], ContrastProblem[]>();
  for (const problem of contrastProblems(themeColours(all))) {
    const blamed = COLOUR_KEYS.find((key) => own[key] !== undefined && (COLOURS[problem.foreground].from.includes(key) || COLOURS[problem.background].from.includes(key)));
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

/** What an edition's look is worked out from: course.yaml's theme, and course.yaml for its messages. */
export interface CourseTheme {
  config: Pick<CourseConfig, 'theme'>;
  configFile: VFile;
}

/** The logo `edition` shows when no alt text goes with it, and whether its edition.yaml names it (or course.yaml does). */
function logoWithoutAlt(config: Pick<CourseConfig, 'theme'>, edition: Pick<Edition, 'themeSettings'>): { logo: ThemeFile; own: boolean } | undefined {
  const settings = merged(config.theme, edition.themeSettings);
  if (settings?.logo === undefined || settings.logoAlt !== undefined) return undefined;
  return { logo: settings.logo, own: edition.themeSettings?.places.logo !== undefined };
}

function altTextReason(logo: ThemeFile, forEdition: string, where: string): string {
  return `Unexpected logo ${quote(logo.path)} without alt text for ${forEdition}, expected \`logoAlt:\` under \`theme:\` in ${where}: the company's name, as screen readers should say it`;
}

/**
 * Give `edition` the look of its packages (`Edition.theme`; none for the default look): course.yaml's
 * theme under its edition.yaml's. What its own theme keys break is reported on its edition.yaml:
 * contrast with the course's colours, a logo of its own without alt text (course.yaml's logo
 * without alt text for it: reportCourseLogoAlt).
 */
export function applyEditionTheme(course: CourseTheme, edition: Edition): void {
  const own = edition.themeSettings;
  const settings = merged(course.config.theme, own);
  if (settings === undefined) return;
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
  const missing = logoWithoutAlt(course.config, edition);
  if (missing?.own === true) report(edition.file, altTextReason(missing.logo, 'this edition', 'edition.yaml (or in course.yaml, for every edition)'), own?.places.logo, 'theme-logo-alt-missing');
  if (settings.logo !== undefined && settings.logoAlt !== undefined) {
    const { width = 0, height = 0 } = settings.logo;
    // Whole pixels, as the <img> attributes take them (an SVG's may be fractional).
    theme.logo = { ...settings.logo, alt: settings.logoAlt, width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
  }
  edition.theme = theme;
}

/**
 * course.yaml's logo for the editions that have no alt text for it (neither course.yaml nor their
 * edition.yaml gives `logoAlt`): one message per edition, at the logo in course.yaml, naming the
 * edition.yaml that lacks it. The only messages of this rule on course.yaml: the preview drops
 * them and reports them again when an edition changes.
 */
export function reportCourseLogoAlt(course: CourseTheme, editions: ReadonlyArray<Pick<Edition, 'lang' | 'file' | 'themeSettings'>>): void {
  const courseDir = path.dirname(course.configFile.path);
  for (const edition of editions) {
    const missing = logoWithoutAlt(course.config, edition);
    if (missing === undefined || missing.own) continue;
    const editionYaml = path.relative(courseDir, edition.file.path).split(path.sep).join('/');
    report(course.configFile, altTextReason(missing.logo, `the ${quote(edition.lang)} edition`, `${quote(editionYaml)}, in its language (or here, for every edition)`), course.config.theme?.places.logo, 'theme-logo-alt-missing');
  }
}
