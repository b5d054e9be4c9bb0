// The player page of the `popup-framed` LMS profile: a window the emulator opens, framing the
// course (the SCORM API stays on the emulator page, the player's opener). Its URL names the course
// page to frame; only course pages of this server are accepted. Shared by the server and the page.
import { COURSE_PREFIX, PREVIEW_PREFIX } from './protocol.js';

export const PLAYER_ROUTE = `${PREVIEW_PREFIX}player.html`;
const COURSE_PARAMETER = 'course';
const SAME_SERVER = 'http://preview.invalid';

/** The player page framing `courseUrl` (a URL from courseUrl()). */
export function playerUrl(courseUrl: string): string {
  return `${PLAYER_ROUTE}?${new URLSearchParams({ [COURSE_PARAMETER]: courseUrl }).toString()}`;
}

/** The course page the player should frame, as a path and query; undefined when it is not one. */
export function framedCourse(query: URLSearchParams): string | undefined {
  const asked = query.get(COURSE_PARAMETER);
  if (asked === null || !asked.startsWith(COURSE_PREFIX)) return undefined;
  const url = new URL(asked, SAME_SERVER);
  if (url.origin !== SAME_SERVER || !url.pathname.startsWith(COURSE_PREFIX)) return undefined;
  return `${url.pathname}${url.search}`;
}
