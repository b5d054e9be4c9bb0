// The tests' injected LMS faults over any SCORM 1.2 API: LMSInitialize failing, the first few
// LMSCommits failing, LMSSetValue of matching elements refused with a code (a number of times or
// for good). A faulted call never reaches the LMS, so nothing is stored. DOM-free.
import type { Scorm12Api } from '../../../src/runtime/scorm12-api.js';
import type { HarnessFaults } from '../lms-harness.js';

const GENERAL_EXCEPTION = 101;

interface Rejection {
  pattern: RegExp;
  code: number;
  /** Refusals left; negative for ever. */
  left: number;
}

export function withHarnessFaults(api: Scorm12Api, faults: HarnessFaults): Scorm12Api {
  const rejections: Rejection[] = (faults.rejectSetValue ?? []).map((rule) => ({ pattern: new RegExp(rule.pattern), code: rule.code, left: rule.times ?? -1 }));
  let commitFailures = faults.commitFailures ?? 0;
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

  return {
    LMSInitialize: (parameter) => faulted(faults.initializeFails === true ? GENERAL_EXCEPTION : null, () => api.LMSInitialize(parameter)),
    LMSFinish: (parameter) => faulted(null, () => api.LMSFinish(parameter)),
    LMSCommit: (parameter) => {
      const fails = commitFailures > 0;
      if (fails) commitFailures--;
      return faulted(fails ? GENERAL_EXCEPTION : null, () => api.LMSCommit(parameter));
    },
    LMSGetValue: (element) => faulted(null, () => api.LMSGetValue(element)),
    LMSSetValue: (element, value) => faulted(rejectionOf(String(element)), () => api.LMSSetValue(element, value)),
    LMSGetLastError: () => (fault === null ? api.LMSGetLastError() : String(fault)),
    LMSGetErrorString: (code) => api.LMSGetErrorString(code),
    LMSGetDiagnostic: (code) => (fault === null ? api.LMSGetDiagnostic(code) : 'harness fault'),
  };
}
