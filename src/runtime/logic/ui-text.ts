// UI strings of the edition (templates/strings/<lang>.json, embedded in the course data).
import { t } from '../../model/strings.js';
import type { RuntimeCourse } from '../../contract/course-data.js';

export type UiText = (key: string, values?: Record<string, string | number>) => string;

export function uiText(course: RuntimeCourse): UiText {
  return (key, values) => t(course.strings, key, values);
}

/** A number as the edition's language writes it (90.91 → "90,91" in German). */
export function formatNumber(lang: string, value: number): string {
  try {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  } catch {
    return String(value);
  }
}
