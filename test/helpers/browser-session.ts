// One Chromium and one server of the shipped packages per browser test file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startCourseServer, type CourseServer } from './packaged-course.js';

export interface BrowserSession {
  readonly browser: Browser;
  readonly served: CourseServer;
}

/** Start the browser and the course server before the file's tests, stop them after. */
export function useBrowserWithCourses(): BrowserSession {
  const session = {} as { browser: Browser; served: CourseServer };
  beforeAll(async () => {
    [session.browser, session.served] = await Promise.all([launchChromium(), startCourseServer()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.served?.server.close();
  });
  return session;
}
