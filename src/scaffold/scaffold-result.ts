// What `scormdown new` did, or why it refused.

export interface ScaffoldResult {
  /** Files created (absolute paths). */
  created: string[];
  /** Existing files changed (absolute paths). */
  changed: string[];
  /** Next steps for the author. */
  notes: string[];
}

/** A refusal: nothing was written. The message says what to do instead. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}
