// The German packages under our strict SCORM 1.2 and SCORM 2004 LMSes (not scorm-again's lenient
// ones), standard profile, in each window an LMS runs a course in: a frame of the LMS page, a
// player window that frames the course (API at top.opener), the course's own window (API at
// window.opener). The course finds the API, passes, and every call keeps the version's rules.
import { expect, it } from 'vitest';
import type { LaunchWindow } from '../../src/lms/lms-profiles.js';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { HarnessPage, TARGETS, type Cmi, type Cmi2004, type Target } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer } from '../helpers/answers.js';
import { rulesFor } from '../helpers/target-rules.js';

const LANG = 'de';
const WINDOWS: readonly LaunchWindow[] = ['frame', 'popup-framed', 'popup'];
const RUNS = TARGETS.flatMap((target) => WINDOWS.map((where): [Target, LaunchWindow] => [target, where]));

describeInBrowser('strict LMS', () => {
  const setup = useBrowserWithCourses();

  it.each(RUNS)('%s, standard profile, course in %s: API found, assessment passed, no rule broken', async (target, where) => {
    const course = () => setup.served.course(LANG, target);
    const rules = rulesFor(target);
    const harness = await HarnessPage.openStrict(setup.browser, setup.served.strictHarnessUrl, undefined, target);
    try {
      const { session, frame } = await harness.launch({ url: setup.served.packageUrl(LANG, target), profile: 'standard', window: where });
      // The course runs where the LMS put it.
      expect(harness.coursePage === harness.page).toBe(where === 'frame');
      expect(frame.parentFrame() === null).toBe(where === 'popup');

      const learner = new PointerLearner(frame, harness, course());
      const assessment = course().lessons.find((lesson) => lesson.assessment)!;
      await learner.go(`#toc a[data-lesson-link="${assessment.id}"]`, assessment.title);
      for (const id of assessment.questions) await learner.setAnswer(id, rightAnswer(course().questions[id]!));
      await learner.click('[data-action="submit-assessment"]', 'submit');
      expect(await frame.locator('.assessment-result').innerText()).toContain(course().strings['results.passed']!);
      await learner.click('#exit', 'exit');
      const { persisted } = await harness.close();
      const calls = await harness.calls(session);

      // The course found the LMS's API (it did not fall back to its own local LMS).
      expect(calls.map((call) => call.name).slice(0, 1)).toEqual([rules.names.initialize]);
      expect(calls[0]!.result).toBe('true');
      expect(rules.sessionViolations(calls)).toEqual([]);
      // Reads too: no call at all was refused (SCORM 2004's "no value yet", 403, is an empty value).
      expect(calls.filter((call) => call.error !== 0 && !(target === 'scorm2004' && call.name === 'GetValue' && call.error === 403)).map((call) => `#${call.seq} ${call.name}(${call.args.join(', ')}) → ${call.error}`)).toEqual([]);
      expect(persisted).not.toBeNull();
      expect(rules.cmiViolations(persisted!)).toEqual([]);
      expect(Object.keys(persisted!.interactions)).toHaveLength(assessment.questions.length);
      if (target === 'scorm12') expect((persisted as Cmi).core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100', min: '0', max: '100' } });
      // Passed with lessons left to read: success passed, completion incomplete, suspended to come back.
      else expect(persisted as Cmi2004).toMatchObject({ success_status: 'passed', completion_status: 'incomplete', exit: 'suspend', score: { scaled: '1', raw: '100', min: '0', max: '100' } });
    } finally {
      await harness.dispose();
    }
  });
});
