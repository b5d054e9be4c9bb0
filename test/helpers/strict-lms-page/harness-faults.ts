// The tests' injected LMS faults over either version's API (under neutral names, rte-api.ts):
// the initialize call failing, the first few commits failing (and, on the test's word at any
// moment, the next few), SetValue of matching elements refused with a code (a number of times or
// for good). A faulted call never reaches the LMS, so nothing is stored. DOM-free.
import type { RteApi, Target } from '../../../src/lms/rte-api.js';
import { ScormErrorCode } from '../../../src/scorm12/errors.js';
import { Scorm2004ErrorCode } from '../../../src/scorm2004/errors.js';
import type { HarnessFaults } from '../lms-harness.js';

/** The code of a failed initialize and of a failed commit: 101 and 101 in SCORM 1.2, 102 and 391 in SCORM 2004. */
const FAULT_CODES: Readonly<Record<Target, { initialize: number; commit: number }>> = {
  scorm12: { initialize: ScormErrorCode.generalException, commit: ScormErrorCode.generalException },
  scorm2004: { initialize: Scorm2004ErrorCode.generalInitializationFailure, commit: Scorm2004ErrorCode.generalCommitFailure },
};

interface Rejection {
  pattern: RegExp;
  code: number;
  /** Refusals left; negative for ever. */
  left: number;
}

export interface FaultyApi {
  /** The API as the course reaches it. */
  api: RteApi;
  /** The next `count` commits fail (after those of `faults.commitFailures`). */
  failCommits(count: number): void;
}

export function withHarnessFaults(api: RteApi, faults: HarnessFaults, target: Target = 'scorm12'): FaultyApi {
  const codes = FAULT_CODES[target];
  const rejections: Rejection[] = (faults.rejectSetValue ?? []).map((rule) => ({ pattern: new RegExp(rule.pattern), code: rule.code, left: rule.times ?? -1 }));
  let commitFailures = faults.commitFailures ?? 0;
  let laterCommitFailures = 0;
  /** The code of the fault that answered the last call, or null when the LMS answered it. */
  let fault: number | null = null;

  const rejectionOf = (element: string): number | null => {
    const rule = rejections.find((candidate) => candidate.left !== 0 && candidate.pattern.test(element));
    if (rule === undefined) return null;
    if (rule.left > 0) rule.left--;
    return rule.code;
  };

  /** Answer "false" with `code`, or pass the call on when there is no fault. */
  const faulted = (code: number | null, call: () => unknown): unknown => {
    fault = code;
    return code === null ? call() : 'false';
  };

  const commitFails = (): boolean => {
    if (commitFailures > 0) {
      commitFailures--;
      return true;
    }
    if (laterCommitFailures > 0) {
      laterCommitFailures--;
      return true;
    }
    return false;
  };

  return {
    api: {
      initialize: (parameter) => faulted(faults.initializeFails === true ? codes.initialize : null, () => api.initialize(parameter)),
      finish: (parameter) => faulted(null, () => api.finish(parameter)),
      commit: (parameter) => faulted(commitFails() ? codes.commit : null, () => api.commit(parameter)),
      getValue: (element) => faulted(null, () => api.getValue(element)),
      setValue: (element, value) => faulted(rejectionOf(String(element)), () => api.setValue(element, value)),
      lastError: () => (fault === null ? api.lastError() : String(fault)),
      errorString: (code) => api.errorString(code),
      diagnostic: (code) => (fault === null ? api.diagnostic(code) : 'harness fault'),
    },
    failCommits: (count) => {
      laterCommitFailures = count;
    },
  };
}
