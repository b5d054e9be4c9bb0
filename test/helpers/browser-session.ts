// One Chromium and one server of the shipped packages per browser test file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startCourseServer, type CourseServer } from './packaged-course.js';

export interface BrowserSession {
  readonly browser: Browser;
  readonly served: CourseServer;
}

/**
 * Start the browser and the course server before the file's tests, stop them after. The server
 * serves the shipped course unless `serve` starts another (e.g. serveFixtureCourse).
 */
export function useBrowserWithCourses(serve: () => Promise<CourseServer> = () => startCourseServer()): BrowserSession {
  const session = {} as { browser: Browser; served: CourseServer };
  beforeAll(async () => {
    [session.browser, session.served] = await Promise.all([launchChromium(), serve()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.served?.server.close();
  });
  return session;
}
