// Where each file is inside a package (and its unpacked folder): the build writes them there,
// lesson pages, Markdown links and the runtime refer to them there. All paths are relative to
// the package root, with `/` separators.

/** The launch page: the shell, the learner runtime and the first lesson, the manifest's resource href. */
export const LAUNCH_PAGE = 'index.html';

/** The course stylesheet of the first screen: inline in the launch page, a file for the lesson pages. */
export const CSS_PATH = 'assets/course.css';

/** The stylesheet of what comes after the first screen (states, assessment, results, exit, print): the launch page loads it last, lesson pages after course.css. */
export const SCREENS_CSS_PATH = 'assets/screens.css';

/** The code of the later screens (the assessment, the results): the runtime loads it once the first screen is up, or when the learner gets there first. */
export const SCREENS_SCRIPT_PATH = 'assets/screens.js';

/** scorm-again's IIFE, which the runtime loads only when it finds no LMS (standalone mode). */
export const STANDALONE_LMS_PATH = 'assets/scorm12.min.js';

/** The same for a SCORM 2004 package: scorm-again's Scorm2004API. */
export const STANDALONE_LMS_2004_PATH = 'assets/scorm2004.min.js';

/** Folder of the course files that lessons link or show. */
export const MEDIA_DIR = 'media';

/** The lesson as a complete page of its own. */
export function lessonPagePath(lessonId: string): string {
  return `lessons/${lessonId}.html`;
}

/** The script that hands the lesson's body to the launch page's shell. */
export function lessonScriptPath(lessonId: string): string {
  return `lessons/${lessonId}.js`;
}

/**
 * The package path of a course file that a lesson links or shows (a course-relative path, `/`
 * separators): under `media/`, at its path in the course. Files the author keeps in the course's
 * own `media/` folder keep their place, so `course/media/logo.png` is `media/logo.png` in the
 * package (not `media/media/logo.png`).
 */
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
