// The later screens' entry (bundled by npm run compile into out/browser/screens.js, shipped as
// assets/screens.js in every package of both targets): the assessment and the results screen,
// handed to the runtime of index.html, which loads this after the first screen.
import { bindAssessment } from './page/assessment-view.js';
import { renderResults } from './page/results-view.js';
import { registerLaterScreens } from './page/later-screens.js';

registerLaterScreens(window, { bindAssessment, renderResults });
