// LMS harness for browser tests: scorm-again's Scorm12API as window.API, every call recorded
// (name, arguments, result, error code, the test's current action mark), faults on demand, and
// the CMI "persisted" only when LMSCommit or LMSFinish succeeds, as a real LMS would keep it.
/* global Scorm12API */
(function () {
  'use strict';

  var calls = [];
  var session = 0;
  var mark = 'launch';
  var persisted = null;
  var frame = null;
  /** Commits still to fail, set by the test at any moment (harness.failCommits). */
  var laterCommitFailures = 0;

  function copy(value) {
    return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
  }

  function busyWait(milliseconds) {
    var end = performance.now() + milliseconds;
    while (performance.now() < end) { /* a synchronously slow LMS */ }
  }

  /** What an LMS hands back on the next launch: the kept CMI, entry resume after a suspend. */
  function relaunchData(cmi) {
    var data = copy(cmi);
    var core = data.core || {};
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    delete core.exit;
    delete core.session_time;
    delete core.total_time;
    data.core = core;
    return data;
  }

  function wrap(api, faults) {
    var fakeError = null;
    var rejections = (faults.rejectSetValue || []).map(function (rule) {
      return { pattern: new RegExp(rule.pattern), code: rule.code, times: rule.times === undefined ? -1 : rule.times };
    });
    var commitFailures = faults.commitFailures || 0;

    function record(name, args, result, error) {
      calls.push({ session: session, seq: calls.length, name: name, args: args, result: String(result), error: error, mark: mark, at: performance.now() });
    }

    function call(name, args, invoke, faultCode) {
      if (faults.delayMs) busyWait(faults.delayMs);
      var result;
      var error;
      if (faultCode) {
        fakeError = faultCode;
        result = 'false';
        error = faultCode;
      } else {
        fakeError = null;
        result = invoke();
        error = Number(api.lmsGetLastError());
      }
      record(name, args, result, error);
      if ((name === 'LMSCommit' || name === 'LMSFinish') && String(result) === 'true') persisted = copy(api.renderCMIToJSONObject().cmi);
      return result;
    }

    function errorQuery(name, args, invoke) {
      if (faults.delayMs) busyWait(faults.delayMs);
      var result = invoke();
      record(name, args, result, 0);
      return result;
    }

    function rejection(element) {
      for (var index = 0; index < rejections.length; index++) {
        var rule = rejections[index];
        if (rule.times !== 0 && rule.pattern.test(element)) {
          if (rule.times > 0) rule.times--;
          return rule.code;
        }
      }
      return null;
    }

    return {
      LMSInitialize: function (parameter) {
        return call('LMSInitialize', [parameter], function () { return api.lmsInitialize(parameter); }, faults.initializeFails ? 101 : null);
      },
      LMSFinish: function (parameter) {
        return call('LMSFinish', [parameter], function () { return api.lmsFinish(parameter); }, null);
      },
      LMSGetValue: function (element) {
        return call('LMSGetValue', [element], function () { return api.lmsGetValue(element); }, null);
      },
      LMSSetValue: function (element, value) {
        return call('LMSSetValue', [element, value], function () { return api.lmsSetValue(element, value); }, rejection(element));
      },
      LMSCommit: function (parameter) {
        var fail = commitFailures > 0 || laterCommitFailures > 0;
        if (commitFailures > 0) commitFailures--;
        else if (laterCommitFailures > 0) laterCommitFailures--;
        return call('LMSCommit', [parameter], function () { return api.lmsCommit(parameter); }, fail ? 101 : null);
      },
      LMSGetLastError: function () {
        return errorQuery('LMSGetLastError', [], function () { return fakeError === null ? api.lmsGetLastError() : String(fakeError); });
      },
      LMSGetErrorString: function (code) {
        return errorQuery('LMSGetErrorString', [code], function () { return api.lmsGetErrorString(code); });
      },
      LMSGetDiagnostic: function (code) {
        return errorQuery('LMSGetDiagnostic', [code], function () { return fakeError === null ? api.lmsGetDiagnostic(code) : 'harness fault'; });
      },
    };
  }

  window.harness = {
    /**
     * options: { url, cmi (kept CMI of the last session, or null for a first launch),
     *   masteryScore, provideApi (default true), faults: { initializeFails, commitFailures,
     *   delayMs, rejectSetValue: [{ pattern, code, times }] } }
     */
    launch: function (options) {
      session++;
      mark = 'launch';
      var api = new Scorm12API({
        autocommit: false,
        lmsCommitUrl: false,
        logLevel: 5,
        // Like Moodle: status follows score.raw against the manifest's masteryscore at LMSFinish.
        mastery_override: true,
        score_overrides_status: false,
        autoCompleteLessonStatus: false,
      });
      var seed = options.cmi ? relaunchData(options.cmi) : { core: { entry: 'ab-initio', student_id: 'learner-1', student_name: 'Doe, Jane' } };
      seed.core.credit = 'credit';
      seed.core.lesson_mode = 'normal';
      if (options.masteryScore !== null && options.masteryScore !== undefined) {
        seed.student_data = seed.student_data || {};
        seed.student_data.mastery_score = String(options.masteryScore);
      }
      api.loadFromJSON(seed);
      persisted = options.cmi ? copy(options.cmi) : null;
      window.lmsApi = api;
      if (options.provideApi === false) delete window.API;
      else window.API = wrap(api, options.faults || {});
      frame = document.createElement('iframe');
      frame.id = 'sco';
      frame.title = 'Course';
      frame.src = options.url;
      document.body.appendChild(frame);
      return session;
    },
    /** The learner leaves: the course frame goes away (pagehide in the course). */
    close: function () {
      if (frame !== null) frame.remove();
      frame = null;
      mark = 'closed';
      return { session: session, persisted: copy(persisted) };
    },
    /** The next `count` LMSCommit calls fail with 101. */
    failCommits: function (count) {
      laterCommitFailures = count;
    },
    mark: function (label) {
      mark = label;
    },
    calls: function (which) {
      return calls.filter(function (entry) { return which === undefined || entry.session === which; });
    },
    persisted: function () {
      return copy(persisted);
    },
    /** The CMI as scorm-again holds it now, committed or not. */
    current: function () {
      return window.lmsApi ? copy(window.lmsApi.renderCMIToJSONObject().cmi) : null;
    },
  };
}());
