// Launch values an LMS sets before the SCO starts (mode, credit, mastery score, a time limit…):
// each must name a single element of the SCORM 1.2 data model and be of its type. Apart from
// relaunch.ts so that the learner runtime, which relaunches its standalone sessions without
// launch values, does not bundle the data model table.
import { parseElementName, SCORM12_ELEMENTS } from './data-model.js';

/** Throws when a launch value is not a plain element of the model, or not of its type. */
export function checkLaunchValues(values: Readonly<Record<string, string>>): void {
  for (const [element, value] of Object.entries(values)) {
    const name = parseElementName(element);
    const definition = SCORM12_ELEMENTS.get(name.model);
    if (definition === undefined || definition.keyword !== undefined || name.indices.length > 0) throw new Error(`A launch value for ${element}, which is not a plain SCORM 1.2 element`);
    if (definition.type !== undefined && !definition.type.accepts(value)) throw new Error(`Launch value ${JSON.stringify(value)} for ${element} is not a ${definition.type.name}`);
  }
}
