// Launch values an LMS sets before the SCO starts (mode, credit, the scaled passing score, a time
// limit…): each must name a single cmi element of the SCORM 2004 data model and be of its type.
// Apart from relaunch.ts so that the learner runtime, which relaunches its standalone sessions
// without launch values, does not bundle the data model table.
import { parseElementName, SCORM2004_ELEMENTS } from './data-model.js';

/** Throws when a launch value is not a plain cmi element of the model, or not of its type. */
export function checkLaunchValues(values: Readonly<Record<string, string>>): void {
  for (const [element, value] of Object.entries(values)) {
    const name = parseElementName(element);
    const definition = SCORM2004_ELEMENTS.get(name.model);
    if (definition === undefined || definition.keyword !== undefined || name.indices.length > 0 || !element.startsWith('cmi.')) throw new Error(`A launch value for ${element}, which is not a plain SCORM 2004 element`);
    const type = definition.type;
    if (type !== undefined && (!type.accepts(value) || type.inRange?.(value) === false)) throw new Error(`Launch value ${JSON.stringify(value)} for ${element} is not a ${type.name}`);
  }
}
