// Launch values an LMS sets before the SCO starts (mode, credit, mastery score, a time limit…):
// each must name a single element of the SCORM 1.2 data model and be of its type. Apart from
// relaunch.ts so that the learner runtime, which relaunches its standalone sessions without
// launch values, does not bundle the data model table.
import { checkLaunchValuesIn } from '../scorm/data-model.js';
import { SCORM12_ELEMENTS } from './data-model.js';

/** Throws when a launch value is not a plain element of the model, or not of its type. */
export function checkLaunchValues(values: Readonly<Record<string, string>>): void {
  checkLaunchValuesIn(SCORM12_ELEMENTS, 'SCORM 1.2', values);
}
