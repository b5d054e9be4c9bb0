// Records every SCORM call a course makes, as the tests read them (ApiCall): what the course got
// back and the error code LMSGetLastError would then report to it, under the test's current action
// mark. Optionally slows every call down, as a slow LMS answers synchronously. DOM-free.
import { ERROR_QUERIES, type ApiMethod, type Scorm12Api } from '../../../src/scorm12/api.js';
import type { ApiCall } from '../lms-harness.js';

export class CallRecorder {
  private readonly log: ApiCall[] = [];
  session = 0;
  mark = 'launch';

  constructor(private readonly now: () => number) {}

  calls(session?: number): ApiCall[] {
    return this.log.filter((call) => session === undefined || call.session === session);
  }

  /** `api` as the course sees it, each call recorded. */
  recording(api: Scorm12Api, delayMs: number): Scorm12Api {
    const record = (name: ApiMethod, args: unknown[], call: () => unknown): unknown => {
      if (delayMs > 0) this.busyWait(delayMs);
      const result = call();
      const error = ERROR_QUERIES.includes(name) ? 0 : Number(api.LMSGetLastError());
      this.log.push({ session: this.session, seq: this.log.length, name, args: args.map(String), result: String(result), error, mark: this.mark, at: this.now() });
      return result;
    };
    return {
      LMSInitialize: (parameter) => record('LMSInitialize', [parameter], () => api.LMSInitialize(parameter)),
      LMSFinish: (parameter) => record('LMSFinish', [parameter], () => api.LMSFinish(parameter)),
      LMSGetValue: (element) => record('LMSGetValue', [element], () => api.LMSGetValue(element)),
      LMSSetValue: (element, value) => record('LMSSetValue', [element, value], () => api.LMSSetValue(element, value)),
      LMSCommit: (parameter) => record('LMSCommit', [parameter], () => api.LMSCommit(parameter)),
      LMSGetLastError: () => record('LMSGetLastError', [], () => api.LMSGetLastError()),
      LMSGetErrorString: (code) => record('LMSGetErrorString', [code], () => api.LMSGetErrorString(code)),
      LMSGetDiagnostic: (code) => record('LMSGetDiagnostic', [code], () => api.LMSGetDiagnostic(code)),
    };
  }

  private busyWait(milliseconds: number): void {
    const end = this.now() + milliseconds;
    while (this.now() < end) {
      // A synchronously slow LMS.
    }
  }
}
