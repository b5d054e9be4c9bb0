// An edition's theme in its package: the custom properties it sets, as a :root block after the
// course stylesheet (templates/theme.css), the @font-face rule of a font the course ships
// (templates/theme-font.css), the logo's <img> for the headers (templates/logo.html), and the
// files both need. The colours were worked out and checked when the course was read.
import path from 'node:path';
import type { Theme } from '../model/course.js';
import { mediaPackagePath } from '../contract/package-layout.js';
import { fillTemplate } from './templates.js';
import { inlineStyleText } from './shared-assets.js';

/** Where the stylesheet is: inline in index.html (URLs from the package root), or assets/course.css (from assets/). */
export type StylesheetPlace = 'inline' | 'assets';

/**
 * The theme's CSS, to follow the course stylesheet; "" for the default look. For the inline
 * `<style>` of index.html it passes the course stylesheet's guard (inlineStyleText): whatever a
 * theme holds, it cannot end the element.
 */
export function themeCss(theme: Theme | undefined, place: StylesheetPlace): string {
  if (theme === undefined) return '';
  const declarations = Object.entries(theme.properties).map(([name, value]) => `${name}:${value}`).join(';');
  let css = declarations === '' ? '' : fillTemplate('theme.css', { properties: declarations }).trim();
  if (theme.fontFile !== undefined) {
    const packagePath = mediaPackagePath(theme.fontFile.path);
    css += fillTemplate('theme-font.css', {
      family: theme.fontFile.family,
      url: place === 'inline' ? packagePath : `../${packagePath}`,
      format: path.extname(packagePath).slice(1).toLowerCase(),
    }).trim();
  }
  return place === 'inline' ? inlineStyleText(css, "the edition's theme") : css;
}

/** The logo's <img> for a header; "" without a logo. Lesson pages have `<base href="../">`, so one src serves both. */
export function logoHtml(theme: Theme | undefined): string {
  const logo = theme?.logo;
  if (logo === undefined) return '';
  return fillTemplate('logo.html', { src: mediaPackagePath(logo.path), alt: logo.alt, width: logo.width, height: logo.height });
}

/** The course-relative paths of the files the theme ships (logo, font). */
export function themeFiles(theme: Theme | undefined): string[] {
  return [theme?.logo?.path, theme?.fontFile?.path].filter((file): file is string => file !== undefined);
}
