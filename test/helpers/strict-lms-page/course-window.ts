// Where an LMS runs the course: a frame of its own page (the API is on the parent), a player
// window it opens that frames the course (the API is on top.opener), or the course itself in a
// window it opens (the API is on window.opener). Closing it is the learner leaving.
import type { LaunchWindow } from '../../../src/lms/lms-profiles.js';
import { harnessPage, type FrameElement, type OpenedWindow } from './page-globals.js';

/** The player page beside this one, which frames the course. */
const PLAYER_PAGE = 'player.html';
const POPUP_FEATURES = 'popup,width=1024,height=768';

export interface CourseWindow {
  /** The learner leaves: the frame goes away, or the window is closed. */
  close(): void;
}

function inFrame(url: string): CourseWindow {
  let frame: FrameElement | null = harnessPage.document.createElement('iframe');
  frame.id = 'sco';
  frame.title = 'Course';
  frame.src = url;
  harnessPage.document.body.appendChild(frame);
  return {
    close: () => {
      frame?.remove();
      frame = null;
    },
  };
}

function inWindow(url: string): CourseWindow {
  const opened: OpenedWindow | null = harnessPage.open(url, '_blank', POPUP_FEATURES);
  if (opened === null) throw new Error(`The browser blocked the course window ${url}`);
  return {
    close: () => {
      if (!opened.closed) opened.close();
    },
  };
}

export function openCourse(url: string, where: LaunchWindow): CourseWindow {
  switch (where) {
    case 'frame':
      return inFrame(url);
    case 'popup-framed':
      return inWindow(`${PLAYER_PAGE}?url=${encodeURIComponent(url)}`);
    case 'popup':
      return inWindow(url);
  }
}
