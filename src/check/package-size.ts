// Warns when an edition's package would be larger than LMSes commonly accept for upload. The
// estimate is the size of the media files the edition ships (pictures, audio, video and documents
// hardly shrink in a zip, and they are nearly all of a large package); `build` prints the real size.
import fs from 'node:fs';
import path from 'node:path';
import type { Course, Edition } from '../model/course.js';
import { report, START_OF_FILE } from '../model/messages.js';
import { formatBytes } from '../package/byte-size.js';
import { UPLOAD_WARNING_BYTES } from '../package/upload-limit.js';

export function checkPackageSize(course: Course, edition: Edition): void {
  const media = [...new Set(edition.lessons.flatMap((lesson) => lesson.media))];
  const sizes = media.map((coursePath) => ({ coursePath, bytes: fs.statSync(path.join(course.dir, ...coursePath.split('/')), { throwIfNoEntry: false })?.size ?? 0 }));
  const total = sizes.reduce((sum, file) => sum + file.bytes, 0);
  if (total <= UPLOAD_WARNING_BYTES) return;
  const largest = sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 3).map((file) => `${file.coursePath} ${formatBytes(file.bytes)}`).join(', ');
  report(
    edition.file,
    `Unexpected package of at least ${formatBytes(total)} for ${edition.lang} (its media alone; largest: ${largest}), expected at most ${formatBytes(UPLOAD_WARNING_BYTES)} (many LMSes refuse larger uploads): make videos smaller, or host them elsewhere and link them`,
    START_OF_FILE,
    'package-large',
  );
}
