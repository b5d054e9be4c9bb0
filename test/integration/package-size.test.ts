// Package sizes: `check` warns (package-large) when an edition's media pass what many LMSes accept
// for upload, and the build's progress line prints sizes in MB when large and marks a zip above the
// same threshold.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse, type EditionResult } from '../../src/index.js';
import { formatBytes, progressLine } from '../../src/cli/format.js';
import { UPLOAD_WARNING_BYTES } from '../../src/package/upload-limit.js';
import { formatFixtureMessages } from '../helpers/fixtures.js';

/** An ISO base media file header (`ftyp` box, brand isom) for a video of any size. */
const MP4_HEADER = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);

async function courseWithVideo(bytes: number): Promise<{ courseDir: string; dispose: () => Promise<void> }> {
  const courseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-size-'));
  await fs.mkdir(path.join(courseDir, 'en'));
  await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: fixture\nlanguages: [en]\n');
  await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Fixture course\n');
  await fs.writeFile(path.join(courseDir, 'en', '01-lesson.md'), '---\nid: lesson\ntitle: A lesson\n---\n\nWatch the [video](welcome.mp4).\n');
  const video = path.join(courseDir, 'en', 'welcome.mp4');
  await fs.writeFile(video, MP4_HEADER);
  // A sparse file: as large as a real video, without taking the disk space.
  await fs.truncate(video, bytes);
  return { courseDir, dispose: () => fs.rm(courseDir, { recursive: true, force: true }) };
}

function result(zipBytes: number): EditionResult {
  return { lang: 'en', target: 'scorm12', title: 'T', lessons: 1, questions: 0, assessmentQuestions: 0, passMark: 80, zip: path.join(process.cwd(), 'dist', 'fixture-en-scorm12.zip'), zipBytes, sha256: 'ab'.repeat(32), built: true };
}

describe('package size', () => {
  it('check warns when the media of an edition pass the upload threshold', async () => {
    const { courseDir, dispose } = await courseWithVideo(UPLOAD_WARNING_BYTES + 1);
    try {
      const { files } = await checkCourse(courseDir);
      expect(formatFixtureMessages(files, courseDir)).toBe(
        'en/edition.yaml:1:1 package-large warning Unexpected package of at least 100.0 MB for en (its media alone; largest: en/welcome.mp4 100.0 MB), expected at most 100.0 MB (many LMSes refuse larger uploads): make videos smaller, or host them elsewhere and link them\n',
      );
    } finally {
      await dispose();
    }
  });

  it('check says nothing at the threshold', async () => {
    const { courseDir, dispose } = await courseWithVideo(UPLOAD_WARNING_BYTES);
    try {
      const { files } = await checkCourse(courseDir);
      expect(formatFixtureMessages(files, courseDir)).toBe('');
    } finally {
      await dispose();
    }
  });

  it('sizes are printed in B, kB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(88_576)).toBe('86.5 kB');
    expect(formatBytes(5 * 1024 * 1024 + 300 * 1024)).toBe('5.3 MB');
  });

  it('the progress line marks a zip above the threshold', () => {
    expect(progressLine(result(88_576), process.cwd())).toBe('✓ en    dist/fixture-en-scorm12.zip  86.5 kB');
    expect(progressLine(result(UPLOAD_WARNING_BYTES), process.cwd())).toBe('✓ en    dist/fixture-en-scorm12.zip  100.0 MB');
    expect(progressLine(result(150 * 1024 * 1024), process.cwd())).toBe('✓ en    dist/fixture-en-scorm12.zip  150.0 MB  ⚠ larger than 100.0 MB: many LMSes refuse uploads this large');
  });
});
