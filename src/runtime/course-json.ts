// The course data the build embeds in index.html (<script id="scormdown-course" type="application/json">).
import type { RuntimeCourse } from './course-shape.js';

export const COURSE_JSON_ID = 'scormdown-course';

export function readCourseJson(doc: Document): RuntimeCourse {
  const element = doc.getElementById(COURSE_JSON_ID);
  if (element === null) throw new Error(`scormdown: #${COURSE_JSON_ID} is missing from the page`);
  const course = JSON.parse(element.textContent ?? '') as RuntimeCourse;
  if (course.format !== 1) throw new Error(`scormdown: unsupported course data format ${String(course.format)}`);
  return course;
}
