// The shape of a broken SCORM rule, the same for both versions' value and session rules.

/** A broken rule: its id (UI text `rule.<id>` in templates/preview/strings.json) and details. */
export interface RuleViolation {
  rule: string;
  values?: Record<string, string | number>;
}
