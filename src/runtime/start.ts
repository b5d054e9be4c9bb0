// The learner runtime of both SCORM versions: wires the shell, the questions and the LMS session
// together. Each bundle's entry (main.ts for SCORM 1.2, main-scorm2004.ts for SCORM 2004) starts it
// with its version's target, so a package carries only its own version's code.
import { readCourseJson } from './page/course-json.js';
import { uiText } from './logic/ui-text.js';
import { LearnerStore } from './logic/learner-store.js';
import { Notices } from './page/notices.js';
import { ShellNavigation } from './page/navigation.js';
import { bindKnowledgeChecks, type QuizContext } from './page/knowledge-checks.js';
import { preloadLaterScreens } from './page/later-screens.js';
import { LmsSession } from './lms/lms-session.js';
import { exitScreen } from './page/exit-screen.js';
import type { ScormTarget } from './lms/scorm-target.js';

export function startRuntime<Api>(win: Window, target: ScormTarget<Api>): void {
  const doc = win.document;
  const course = readCourseJson(doc);
  const text = uiText(course);
  const store = new LearnerStore();
  const notices = new Notices(doc.getElementById('notice'), doc.getElementById('live'));
  const quiz: QuizContext = { course, store, notices, text };

  const showOutcome = (outcome: ReturnType<LmsSession<Api>['exit']>): void => {
    navigation.showExit(exitScreen(outcome, text, {
      retry: () => showOutcome(session.exit()),
      leave: () => showOutcome(session.leaveUnsaved()),
    }));
    if (outcome.kind !== 'not-saved') notices.clear();
  };
  const session = new LmsSession(win, target, course, store, notices, text, {
    resumeAt: (location) => {
      if (navigation.learnerNavigated || !navigation.isKnownLocation(location)) return false;
      void navigation.show(location, { focus: false, urgency: 'later' });
      return true;
    },
    syncState: (state) => {
      doc.documentElement.dataset.sync = state;
    },
    ended: showOutcome,
  });
  const navigation: ShellNavigation = new ShellNavigation(win, course, store, text, {
    lessonShown: (lesson, article, screens) => {
      if (lesson.assessment) screens?.bindAssessment(article, lesson, quiz, { recordInteractions: (list) => session.recordInteractions(list), reshow: () => navigation.reshow() });
      else bindKnowledgeChecks(article, quiz);
    },
    exit: () => showOutcome(session.exit()),
    navigated: () => notices.navigated(),
    learnerName: () => session.learnerName(),
  });
  store.subscribe(() => navigation.refresh());
  navigation.start();
  void session.connect();
  preloadLaterScreens(win);
}

