// The tests' injected LMS faults over any SCORM 1.2 API: LMSInitialize failing, the first few
// LMSCommits failing (and, on the test's word at any moment, the next few), LMSSetValue of
// matching elements refused with a code (a number of times or for good). A faulted call never
// reaches the LMS, so nothing is stored. DOM-free.
import type { Scorm12Api } from '../../../src/scorm12/api.js';
import { ScormErrorCode } from '../../../src/scorm12/errors.js';
import type { HarnessFaults } from '../lms-harness.js';

interface Rejection {
  pattern: RegExp;
  code: number;
  /** Refusals left; negative for ever. */
  left: number;
}

export interface FaultyApi {
  /** The API as the course reaches it. */
  api: Scorm12Api;
  /** The next `count` LMSCommit calls fail with 101 (after those of `faults.commitFailures`). */
  failCommits(count: number): void;
}

export function withHarnessFaults(api: Scorm12Api, faults: HarnessFaults): FaultyApi {
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
      LMSInitialize: (parameter) => faulted(faults.initializeFails === true ? ScormErrorCode.generalException : null, () => api.LMSInitialize(parameter)),
      LMSFinish: (parameter) => faulted(null, () => api.LMSFinish(parameter)),
      LMSCommit: (parameter) => faulted(commitFails() ? ScormErrorCode.generalException : null, () => api.LMSCommit(parameter)),
      LMSGetValue: (element) => faulted(null, () => api.LMSGetValue(element)),
      LMSSetValue: (element, value) => faulted(rejectionOf(String(element)), () => api.LMSSetValue(element, value)),
      LMSGetLastError: () => (fault === null ? api.LMSGetLastError() : String(fault)),
      LMSGetErrorString: (code) => api.LMSGetErrorString(code),
      LMSGetDiagnostic: (code) => (fault === null ? api.LMSGetDiagnostic(code) : 'harness fault'),
    },
    failCommits: (count) => {
      laterCommitFailures = count;
    },
  };
}
