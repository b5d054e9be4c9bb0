// The LMS emulator: launches the course with a fresh LMS session each time (first launch, relaunch
// as a returning learner, reset, language, reporting, target or LMS profile switch, reload after a
// save), in the frame or the window the chosen LMS profile opens, as a SCORM 1.2 LMS (window.API)
// or a SCORM 2004 one (window.API_1484_11), and keeps the panel, the call log and the problems in
// step.
import { TARGETS, type ReportingMode, type Target } from '../../model/course.js';
import { LMS_PROFILE_IDS, profilesFor, type LmsProfile, type LmsProfileId } from '../../lms/lms-profiles.js';
import { API_PROPERTY } from '../../scorm12/api.js';
import { API_PROPERTY as API_PROPERTY_2004 } from '../../scorm2004/api.js';
import { courseUrl, type PreviewInfo, type PreviewUpdate } from '../protocol.js';
import { CallLog } from './call-log.js';
import { CmiPanel, valueAt } from './cmi-panel.js';
import { CourseFrame } from './course-frame.js';
import { CoursePopup } from './course-popup.js';
import type { CourseWindow } from './course-window.js';
import { LearnerStore } from './learner-store.js';
import { reportReload } from './live-updates.js';
import { LmsSession, type ScormApiFacade } from './lms-session.js';
import { PopupNote } from './popup-note.js';
import { ProblemsView } from './problems-view.js';
import { readProfileChoice, rememberProfileChoice } from './profile-choice.js';
import type { EmulatorText } from './strings.js';

type LaunchReason = 'start' | 'relaunch' | 'reload' | 'reset' | 'language' | 'reporting' | 'target' | 'profile';

/** The emulator page's window, where the course looks for the LMS's API. */
type LmsWindow = Window & { API?: ScormApiFacade; API_1484_11?: ScormApiFacade };

const TARGET_PARAMETER = 'target';

/** The window property of each target's API. */
const API_PROPERTIES: Readonly<Record<Target, 'API' | 'API_1484_11'>> = { scorm12: API_PROPERTY, scorm2004: API_PROPERTY_2004 };

function isTarget(value: string | null): value is Target {
  return (TARGETS as readonly (string | null)[]).includes(value);
}

export class Emulator {
  private lang: string;
  private mode: ReportingMode;
  private target: Target;
  private profileId: LmsProfileId;
  private session: LmsSession | undefined;
  private queue: Promise<void> = Promise.resolve();
  private panelPending = false;
  /** The window the current launch runs the course in. */
  private courseWindow: CourseWindow | undefined;
  /** A late API waiting to appear (LMS profile `late-api`). */
  private apiTimer: number | undefined;
  private readonly frame: CourseFrame;
  private readonly popup: CoursePopup;
  private readonly panel: CmiPanel;
  private readonly log: CallLog;
  private readonly problems: ProblemsView;
  private readonly store: LearnerStore;

  constructor(private readonly window: LmsWindow, private info: PreviewInfo, private readonly text: EmulatorText) {
    const document = window.document;
    const params = new URLSearchParams(window.location.search);
    this.lang = this.knownLanguage(params.get('lang')) ?? info.defaultLanguage;
    this.mode = (info.reportingModes as string[]).includes(params.get('reporting') ?? '') ? (params.get('reporting') as ReportingMode) : info.reporting;
    const asked = params.get(TARGET_PARAMETER);
    this.target = isTarget(asked) ? asked : info.targets[0] ?? 'scorm12';
    this.profileId = readProfileChoice(params, window.localStorage);
    this.frame = new CourseFrame(document.getElementById('course-frame') as HTMLIFrameElement);
    const note = new PopupNote(document, text, (state) => this.popup.act(state));
    this.popup = new CoursePopup(window, note, () => void this.enqueue(() => this.launch('relaunch')));
    this.panel = new CmiPanel(document, text);
    this.log = new CallLog(document.getElementById('call-log')!, text);
    this.problems = new ProblemsView(document, text);
    this.store = new LearnerStore(window.localStorage);
  }

  start(): Promise<void> {
    this.wireControls();
    this.fillControls();
    this.showProblems();
    return this.enqueue(() => this.launch('start'));
  }

  /** The server re-read the course after a save. */
  async applyUpdate(update: PreviewUpdate): Promise<void> {
    this.info = update.info;
    if (this.knownLanguage(this.lang) === undefined) this.lang = update.info.defaultLanguage;
    this.fillControls();
    const errors = this.showProblems();
    if (errors > 0 || !update.languages.includes(this.lang)) return;
    const files = update.files.join(', ');
    await this.enqueue(() => this.launch('reload', { files }));
    const loadedAt = Date.now();
    this.status(this.text('status.reloaded', { ms: Math.round(loadedAt - update.savedAt), files }));
    await reportReload({ files: update.files, savedAt: update.savedAt, loadedAt });
  }

  connection(connected: boolean): void {
    this.status(this.text(connected ? 'status.connected' : 'status.disconnected'), !connected);
  }

  private get profile(): LmsProfile {
    return profilesFor(this.target)[this.profileId];
  }

  private wireControls(): void {
    const document = this.window.document;
    document.getElementById('relaunch')?.addEventListener('click', () => void this.enqueue(() => this.launch('relaunch')));
    document.getElementById('reset')?.addEventListener('click', () => void this.enqueue(() => this.launch('reset', { reset: true })));
    document.getElementById('clear-log')?.addEventListener('click', () => this.log.clear());
    const language = document.getElementById('language') as HTMLSelectElement;
    language.addEventListener('change', () => {
      this.lang = language.value;
      this.rememberChoices();
      this.showProblems();
      void this.enqueue(() => this.launch('language'));
    });
    const reporting = document.getElementById('reporting') as HTMLSelectElement;
    reporting.addEventListener('change', () => {
      this.mode = reporting.value as ReportingMode;
      this.rememberChoices();
      void this.enqueue(() => this.launch('reporting'));
    });
    const target = document.getElementById('target') as HTMLSelectElement;
    target.addEventListener('change', () => {
      this.target = isTarget(target.value) ? target.value : 'scorm12';
      this.rememberChoices();
      this.describeProfile();
      this.window.document.documentElement.dataset.target = this.target;
      void this.enqueue(() => this.launch('target'));
    });
    const profile = document.getElementById('profile') as HTMLSelectElement;
    profile.addEventListener('change', () => {
      this.profileId = LMS_PROFILE_IDS.find((id) => id === profile.value) ?? 'standard';
      this.rememberChoices();
      this.describeProfile();
      void this.enqueue(() => this.launch('profile'));
    });
  }

  private fillControls(): void {
    const document = this.window.document;
    const language = document.getElementById('language') as HTMLSelectElement;
    language.replaceChildren(...this.info.languages.map(({ lang, title }) => new Option(`${lang} — ${title}`, lang, false, lang === this.lang)));
    const reporting = document.getElementById('reporting') as HTMLSelectElement;
    reporting.replaceChildren(...this.info.reportingModes.map((mode) => new Option(mode === this.info.reporting ? this.text('reporting.fromCourse', { mode }) : mode, mode, false, mode === this.mode)));
    const target = document.getElementById('target') as HTMLSelectElement;
    target.replaceChildren(...TARGETS.map((id) => new Option(this.info.targets.includes(id) ? this.text(`target.${id}`) : this.text('target.notListed', { target: this.text(`target.${id}`) }), id, false, id === this.target)));
    document.documentElement.dataset.target = this.target;
    const profile = document.getElementById('profile') as HTMLSelectElement;
    profile.replaceChildren(...LMS_PROFILE_IDS.map((id) => new Option(this.profileLabel(id), id, false, id === this.profileId)));
    this.describeProfile();
  }

  /** A profile's label, or its SCORM 2004 label where the two differ. */
  private profileLabel(id: LmsProfileId): string {
    return this.text(this.target === 'scorm2004' && this.text.has(`profile.${id}.scorm2004`) ? `profile.${id}.scorm2004` : `profile.${id}`);
  }

  private describeProfile(): void {
    const description = this.window.document.getElementById('profile-description');
    const key = `profile.${this.profileId}.description`;
    if (description !== null) description.textContent = this.text(this.target === 'scorm2004' && this.text.has(`${key}.scorm2004`) ? `${key}.scorm2004` : key);
    const profile = this.window.document.getElementById('profile') as HTMLSelectElement | null;
    for (const option of Array.from(profile?.options ?? [])) option.textContent = this.profileLabel(option.value as LmsProfileId);
  }

  private showProblems(): number {
    const errors = this.problems.show(this.info.problems[this.lang] ?? []);
    if (errors > 0) this.status(this.text('status.errors', { count: errors }), true);
    return errors;
  }

  /** Launches run one after another. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task, task);
    return this.queue;
  }

  private async launch(reason: LaunchReason, options: { reset?: boolean; files?: string } = {}): Promise<void> {
    // Closing the course (frame navigated away, window closed) lets it finish its session
    // (pagehide → LMSFinish) while the previous session is still window.API. A reload after a
    // save keeps the course's window: no click came before it, so a new one would be blocked.
    await this.courseWindow?.close(reason === 'reload');
    for (const violation of this.session?.end() ?? []) this.log.note(violation);
    this.withdrawApi();
    const profile = this.profile;
    const target = this.target;
    const storageKey = LearnerStore.key(this.info.courseId, this.lang, target);
    if (options.reset === true) this.store.clear(storageKey);
    const session = new LmsSession({
      target,
      store: this.store,
      storageKey,
      masteryScore: this.info.masteryScoreByMode[this.mode] ?? null,
      profile,
      onCall: (call) => {
        this.log.add(call);
        this.schedulePanel();
      },
      onEarlierViolation: (index, violation) => this.log.flagEarlier(index, violation),
    });
    this.session = session;
    const launchText = this.text('log.launch', { lang: this.lang, mode: this.mode, target: this.text(`target.${target}`), profile: this.profileLabel(profile.id), entry: session.entry });
    this.log.launch(`${launchText} — ${this.text(`log.reason.${reason}`, { files: options.files ?? '' })}`);
    // Only state worth resuming makes the previous exit matter (review and no-credit sessions keep none).
    const record = session.startRecord;
    const keptState = record !== undefined && (valueAt(record.cmi, 'suspend_data') !== '' || valueAt(record.cmi, target === 'scorm2004' ? 'location' : 'core.lesson_location') !== '');
    if (record !== undefined && keptState && record.lastExit !== 'suspend') this.log.note({ rule: target === 'scorm2004' ? '2004-exit-not-suspend' : 'exit-not-suspend', values: { value: record.lastExit } });
    this.renderPanel();
    if (profile.apiDelayMs === 0) this.window[API_PROPERTIES[target]] = session.facade;
    const courseWindow = this.windowFor(profile);
    this.courseWindow = courseWindow;
    await courseWindow.open(courseUrl(this.lang, this.mode, this.info.version, target), () => {
      if (profile.apiDelayMs > 0) this.offerApiLater(session, profile.apiDelayMs);
    });
  }

  /** The frame, or the popup set up for the profile's kind of window. */
  private windowFor(profile: LmsProfile): CourseWindow {
    if (profile.window === 'frame') return this.frame;
    this.frame.hide();
    this.popup.use(profile.window);
    return this.popup;
  }

  /** No API on the page (before each launch; a late one appears only after the course started). */
  private withdrawApi(): void {
    if (this.apiTimer !== undefined) this.window.clearTimeout(this.apiTimer);
    this.apiTimer = undefined;
    delete this.window.API;
    delete this.window.API_1484_11;
  }

  private offerApiLater(session: LmsSession, delayMs: number): void {
    if (this.apiTimer !== undefined) this.window.clearTimeout(this.apiTimer);
    this.apiTimer = this.window.setTimeout(() => {
      this.apiTimer = undefined;
      if (this.session !== session) return;
      this.window[API_PROPERTIES[session.target]] = session.facade;
      this.log.event('api-appeared', this.text('log.apiAppeared', { ms: delayMs }));
    }, delayMs);
  }

  private schedulePanel(): void {
    if (this.panelPending) return;
    this.panelPending = true;
    this.window.setTimeout(() => {
      this.panelPending = false;
      this.renderPanel();
    }, 0);
  }

  private renderPanel(): void {
    const session = this.session;
    if (session === undefined) return;
    this.panel.render({
      target: session.target,
      cmi: session.cmi(),
      recordedTotal: session.startRecord?.totalTime ?? '',
      currentTotal: session.currentTotalTime(),
      sessions: session.startRecord?.sessions ?? 0,
    });
  }

  private rememberChoices(): void {
    const url = new URL(this.window.location.href);
    url.searchParams.set('lang', this.lang);
    url.searchParams.set('reporting', this.mode);
    url.searchParams.set(TARGET_PARAMETER, this.target);
    rememberProfileChoice(this.profileId, url, this.window.localStorage);
    this.window.history.replaceState(null, '', url);
  }

  private knownLanguage(lang: string | null): string | undefined {
    return this.info.languages.some((language) => language.lang === lang) ? lang ?? undefined : undefined;
  }

  private status(message: string, isError = false): void {
    const element = this.window.document.getElementById('status');
    if (element === null) return;
    element.textContent = message;
    element.classList.toggle('is-error', isError);
  }
}
