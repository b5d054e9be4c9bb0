// One SCORM version as the runtime sees it: where its API is found, the adapter over it, the CMI
// it writes, and its local LMS for standalone mode. Each runtime bundle is given one target
// (main.ts SCORM 1.2, main-scorm2004.ts SCORM 2004), so a package carries only its version's code.
import type { ApiLocator } from './api-discovery.js';
import type { CmiMapping } from './cmi-mapping.js';
import type { ScormAdapter } from './lms-adapter.js';
import type { StandaloneFlavour } from './standalone.js';

export interface ScormTarget<Api = unknown> {
  readonly id: 'scorm12' | 'scorm2004';
  readonly locator: ApiLocator<Api>;
  adapter(api: Api): ScormAdapter;
  readonly cmi: CmiMapping;
  /** The element that holds the learner's name, for the results screen's printed record. */
  readonly learnerName: string;
  readonly standalone: StandaloneFlavour<Api>;
}
