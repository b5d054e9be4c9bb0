// What the emulator page needs to know about the course (PreviewInfo).
import { REPORTING_MODES } from '../load/course-config.js';
import { usesMasteryScore } from '../package/manifest.js';
import { previewMessages } from './preview-messages.js';
import type { PreviewCourse } from './preview-course.js';
import type { PreviewInfo } from './protocol.js';

export function previewInfo(preview: PreviewCourse, version: number, askedLanguage: string | undefined, cwd: string): PreviewInfo {
  const course = preview.course;
  const editions = course?.editions ?? [];
  const languages = editions.map((edition) => ({ lang: edition.lang, title: edition.title }));
  const configMessages = previewMessages(preview.files.slice(0, 1), cwd);
  const problems: PreviewInfo['problems'] = {};
  for (const edition of editions) problems[edition.lang] = previewMessages(preview.filesOf(edition.lang), cwd);
  // With no course (course.yaml unreadable), the messages still need a language to show under.
  if (editions.length === 0) problems[askedLanguage ?? ''] = configMessages;
  const masteryScoreByMode: PreviewInfo['masteryScoreByMode'] = {};
  for (const mode of REPORTING_MODES) {
    masteryScoreByMode[mode] = course !== undefined && usesMasteryScore({ ...course.config, reporting: mode }) ? course.config.passMark : null;
  }
  const defaultLanguage = languages.some((language) => language.lang === askedLanguage) ? askedLanguage! : languages[0]?.lang ?? askedLanguage ?? '';
  return {
    version,
    courseId: course?.config.id ?? '',
    languages,
    defaultLanguage,
    reporting: course?.config.reporting ?? 'passed-incomplete',
    reportingModes: [...REPORTING_MODES],
    masteryScoreByMode,
    targets: [...(course?.config.targets ?? ['scorm12'])],
    problems,
  };
}
