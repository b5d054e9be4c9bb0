// Launch values an LMS sets before the SCO starts (mode, credit, the scaled passing score, a time
// limit…): each must name a single cmi element of the SCORM 2004 data model and be of its type.
// Apart from relaunch.ts so that the learner runtime, which relaunches its standalone sessions
// without launch values, does not bundle the data model table.
import { checkLaunchValuesIn } from '../scorm/data-model.js';
import { SCORM2004_ELEMENTS } from './data-model.js';

/** Throws when a launch value is not a plain cmi element of the model, or not of its type. */
export function checkLaunchValues(values: Readonly<Record<string, string>>): void {
  checkLaunchValuesIn(SCORM2004_ELEMENTS, 'SCORM 2004', values);
}
