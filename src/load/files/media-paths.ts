// Where a course file that a lesson links or shows goes in the package: under `media/`, at its
// path in the course. Files the author keeps in the course's own `media/` folder keep their place,
// so `course/media/logo.png` is `media/logo.png` in the package (not `media/media/logo.png`).

/** Folder inside the package where local media referenced by lessons are copied. */
export const MEDIA_DIR = 'media';

/** The package path of a course-relative path (`/` separators). */
export function mediaPackagePath(coursePath: string): string {
  return coursePath.startsWith(`${MEDIA_DIR}/`) ? coursePath : `${MEDIA_DIR}/${coursePath}`;
}

/**
 * The other course path that would land on the same package path, if any: `media/en/x.png` and
 * `en/x.png` both become `media/en/x.png`.
 */
export function clashingCoursePath(coursePath: string): string {
  return coursePath.startsWith(`${MEDIA_DIR}/`) ? coursePath.slice(MEDIA_DIR.length + 1) : `${MEDIA_DIR}/${coursePath}`;
}
