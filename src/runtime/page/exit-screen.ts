// What the exit screen says for each way a session can end: saved only when the LMS confirmed
// it; otherwise what happened, and after a failed save the choice to try again or leave.
import type { ExitOutcome } from '../lms/lms-session.js';
import type { ExitScreen } from './navigation.js';
import type { UiText } from '../logic/ui-text.js';

export function exitScreen(outcome: ExitOutcome, text: UiText, choices: NonNullable<ExitScreen['choices']>): ExitScreen {
  switch (outcome.kind) {
    case 'saved':
      return { message: text('exit.done') };
    case 'unconfirmed':
      return { message: text('exit.unconfirmed') };
    case 'left-unsaved':
      return { message: text('exit.leftUnsaved') };
    case 'not-recorded':
      return { message: text('exit.notRecorded') };
    case 'not-saved': {
      const { fault } = outcome;
      const detail = fault === undefined ? undefined : text('exit.errorDetail', { code: fault.code, message: fault.message || fault.call });
      return { message: text('exit.notSaved'), detail, choices };
    }
  }
}
