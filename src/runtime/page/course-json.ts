// The course data the build embeds in index.html (<script id="scormdown-course" type="application/json">).
import { COURSE_DATA_FORMAT, COURSE_JSON_ID, type RuntimeCourse } from '../../contract/course-data.js';

export function readCourseJson(doc: Document): RuntimeCourse {
  const element = doc.getElementById(COURSE_JSON_ID);
  if (element === null) throw new Error(`scormdown: #${COURSE_JSON_ID} is missing from the page`);
  const course = JSON.parse(element.textContent ?? '') as RuntimeCourse;
  if (course.format !== COURSE_DATA_FORMAT) throw new Error(`scormdown: unsupported course data format ${String(course.format)}`);
  return course;
}
