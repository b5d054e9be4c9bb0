// Records every SCORM call a course makes, as the tests read them (ApiCall): what the course got
// back and the error code GetLastError would then report to it, under the test's current action
// mark, with the version's method names (LMSSetValue, SetValue). Optionally slows every call down,
// as a slow LMS answers synchronously. DOM-free.
import { methodNames, type RteApi, type RteCall, type Target } from '../../../src/lms/rte-api.js';
import type { ApiCall } from '../lms-harness.js';

const ERROR_QUERIES: readonly RteCall[] = ['lastError', 'errorString', 'diagnostic'];

export class CallRecorder {
  private readonly log: ApiCall<string>[] = [];
  session = 0;
  mark = 'launch';

  constructor(private readonly now: () => number) {}

  calls(session?: number): ApiCall<string>[] {
    return this.log.filter((call) => session === undefined || call.session === session);
  }

  /** `api` as the course sees it, each call recorded under the name `target` gives it. */
  recording(api: RteApi, delayMs: number, target: Target): RteApi {
    const names = methodNames(target);
    const record = (call: RteCall, args: unknown[], invoke: () => unknown): unknown => {
      if (delayMs > 0) this.busyWait(delayMs);
      const result = invoke();
      const error = ERROR_QUERIES.includes(call) ? 0 : Number(api.lastError());
      this.log.push({ session: this.session, seq: this.log.length, name: names[call], args: args.map(String), result: String(result), error, mark: this.mark, at: this.now() });
      return result;
    };
    return {
      initialize: (parameter) => record('initialize', [parameter], () => api.initialize(parameter)),
      finish: (parameter) => record('finish', [parameter], () => api.finish(parameter)),
      getValue: (element) => record('getValue', [element], () => api.getValue(element)),
      setValue: (element, value) => record('setValue', [element, value], () => api.setValue(element, value)),
      commit: (parameter) => record('commit', [parameter], () => api.commit(parameter)),
      lastError: () => record('lastError', [], () => api.lastError()),
      errorString: (code) => record('errorString', [code], () => api.errorString(code)),
      diagnostic: (code) => record('diagnostic', [code], () => api.diagnostic(code)),
    };
  }

  private busyWait(milliseconds: number): void {
    const end = this.now() + milliseconds;
    while (this.now() < end) {
      // A synchronously slow LMS.
    }
  }
}
