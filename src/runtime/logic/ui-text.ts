// UI strings of the edition (templates/strings/<lang>.json, embedded in the course data).
import { t } from '../../model/strings.js';
import type { RuntimeCourse, RuntimeStringKey } from '../../contract/course-data.js';

/** A UI string of the course data: only keys of RUNTIME_STRING_KEYS, the strings it carries. */
export type UiText = (key: RuntimeStringKey, values?: Record<string, string | number>) => string;

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
