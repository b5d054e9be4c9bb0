// The learner state of this session plus the bookmark, with change notification. Every learner
// action goes through `update`, which tells the tracking whether to save now or with the next save.
import { emptyLearnerState, type LearnerState } from './learner-state.js';

/** "now": a learner action to save at once; "later": save with the next action or on close. */
export type SaveUrgency = 'now' | 'later';

export type StoreListener = (urgency: SaveUrgency) => void;

export class LearnerStore {
  state: LearnerState = emptyLearnerState();
  /** Bookmark: a lesson id or RESULTS_LOCATION. */
  location = '';
  /** Whether the learner changed anything since the page opened. */
  acted = false;
  private readonly listeners: StoreListener[] = [];

  subscribe(listener: StoreListener): void {
    this.listeners.push(listener);
  }

  update(change: (store: LearnerStore) => void, urgency: SaveUrgency = 'now'): void {
    change(this);
    if (urgency === 'now') this.acted = true;
    for (const listener of this.listeners) listener(urgency);
  }
}

/** The bookmark of the results screen (lesson ids never contain ":"). */
export const RESULTS_LOCATION = ':results';
