// The live CMI panel: the values the LMS holds (with the launch values of the LMS profile: mode,
// credit, mastery or scaled passing score, time limit), the suspend_data length against what the
// target guarantees (4096 in SCORM 1.2, 64000 in SCORM 2004) and the interactions table. The
// page has a row set per target (data-target); the other target's rows are hidden.
import type { EmulatorText } from './strings.js';
import type { CmiJson } from './learner-store.js';
import { SUSPEND_DATA_LIMIT } from '../../scorm12/limits.js';
import { SUSPEND_DATA_LIMIT as SUSPEND_DATA_LIMIT_2004 } from '../../scorm2004/limits.js';

export interface PanelState {
  target: 'scorm12' | 'scorm2004';
  cmi: CmiJson;
  /** Total time recorded before this launch, and including this session. */
  recordedTotal: string;
  currentTotal: string;
  /** Sessions recorded in this browser before this launch. */
  sessions: number;
}

export class CmiPanel {
  constructor(private readonly document: Document, private readonly text: EmulatorText) {}

  render(state: PanelState): void {
    for (const row of Array.from(this.document.querySelectorAll<HTMLElement>('[data-target]'))) row.hidden = row.dataset.target !== state.target;
    if (state.target === 'scorm2004') this.render2004(state);
    else this.render12(state);
    const learner = this.document.getElementById('learner');
    if (learner !== null) learner.textContent = state.sessions > 0 ? this.text('panel.learner', { sessions: state.sessions }) : this.text('panel.noLearner');
  }

  private render12(state: PanelState): void {
    const { cmi } = state;
    const value = (dotted: string) => valueAt(cmi, dotted);
    this.set('cmi.core.lesson_status', value('core.lesson_status'));
    this.set('cmi.core.score', [value('core.score.raw'), value('core.score.min'), value('core.score.max')].map((part) => part || '–').join(' / '));
    this.set('cmi.student_data.mastery_score', value('student_data.mastery_score'));
    this.set('cmi.core.lesson_location', value('core.lesson_location'));
    this.set('cmi.core.entry', value('core.entry'));
    this.set('cmi.core.exit', value('core.exit'));
    this.set('cmi.core.session_time', value('core.session_time'));
    this.set('cmi.core.total_time', this.text('totalTime.withSession', { total: state.recordedTotal || '0000:00:00', current: state.currentTotal }));
    this.set('cmi.core.lesson_mode', value('core.lesson_mode'));
    this.set('cmi.core.credit', value('core.credit'));
    const timeLimit = value('student_data.max_time_allowed');
    const action = value('student_data.time_limit_action');
    this.set('cmi.student_data.max_time_allowed', timeLimit === '' ? '' : this.text('timeLimit.withAction', { time: timeLimit, action: action || this.text('empty') }));
    this.renderSuspendData(value('suspend_data'), SUSPEND_DATA_LIMIT);
    this.renderInteractions(cmi.interactions, ['id', 'type', 'student_response', 'result', 'time', 'latency']);
  }

  private render2004(state: PanelState): void {
    const { cmi } = state;
    const value = (dotted: string) => valueAt(cmi, dotted);
    this.set('cmi.completion_status', value('completion_status'));
    this.set('cmi.success_status', value('success_status'));
    this.set('cmi.score', [value('score.scaled'), value('score.raw'), value('score.min'), value('score.max')].map((part) => part || '–').join(' / '));
    this.set('cmi.scaled_passing_score', value('scaled_passing_score'));
    this.set('cmi.location', value('location'));
    this.set('cmi.entry', value('entry'));
    this.set('cmi.exit', value('exit'));
    this.set('cmi.session_time', value('session_time'));
    this.set('cmi.total_time', this.text('totalTime.withSession', { total: state.recordedTotal || 'PT0S', current: state.currentTotal }));
    this.set('cmi.mode', value('mode'));
    this.set('cmi.credit', value('credit'));
    const timeLimit = value('max_time_allowed');
    this.set('cmi.max_time_allowed', timeLimit === '' ? '' : this.text('timeLimit.withAction', { time: timeLimit, action: value('time_limit_action') || this.text('empty') }));
    this.renderSuspendData(value('suspend_data'), SUSPEND_DATA_LIMIT_2004);
    this.renderInteractions(cmi.interactions, ['id', 'type', 'learner_response', 'result', 'timestamp', 'latency']);
  }

  private set(name: string, text: string): void {
    const cell = this.document.querySelector<HTMLElement>(`[data-cmi="${name}"]`);
    if (cell === null) return;
    cell.textContent = text === '' ? this.text('empty') : text;
    cell.classList.toggle('is-empty', text === '');
  }

  private renderSuspendData(data: string, limit: number): void {
    const cell = this.document.querySelector<HTMLElement>('[data-cmi="cmi.suspend_data"]');
    if (cell !== null) {
      const meter = this.document.createElement('meter');
      meter.className = 'length-meter';
      meter.min = 0;
      meter.max = limit;
      meter.high = limit * 0.9;
      meter.value = Math.min(data.length, limit);
      const label = this.document.createElement('span');
      label.className = data.length > limit ? 'suspend-length too-long' : 'suspend-length';
      label.textContent = this.text('suspend.length', { length: data.length, limit });
      cell.dataset.length = String(data.length);
      cell.classList.remove('is-empty');
      cell.replaceChildren(label, meter);
    }
    const full = this.document.getElementById('suspend-data-value');
    if (full !== null) full.textContent = data;
  }

  /** One row per interaction: its index, then `fields` (the version's names). */
  private renderInteractions(interactions: unknown, fields: readonly string[]): void {
    const rows = Object.entries(typeof interactions === 'object' && interactions !== null ? (interactions as Record<string, CmiJson>) : {})
      .filter(([index]) => /^\d+$/.test(index))
      .sort(([a], [b]) => Number(a) - Number(b));
    const title = this.document.getElementById('interactions-title');
    if (title !== null) title.textContent = this.text('interactions.title', { count: rows.length });
    const body = this.document.getElementById('interactions');
    if (body === null) return;
    if (rows.length === 0) {
      const row = this.document.createElement('tr');
      const cell = this.document.createElement('td');
      cell.colSpan = 7;
      cell.className = 'is-empty';
      cell.textContent = this.text('interactions.none');
      row.append(cell);
      body.replaceChildren(row);
      return;
    }
    body.replaceChildren(...rows.map(([index, interaction]) => {
      const row = this.document.createElement('tr');
      row.dataset.interaction = String(valueAt(interaction, 'id'));
      for (const text of [index, ...fields.map((field) => valueAt(interaction, field))]) {
        const cell = this.document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }));
  }
}

/** `core.score.raw` → cmi.core.score.raw as text ('' when missing). */
export function valueAt(object: unknown, dotted: string): string {
  let current: unknown = object;
  for (const part of dotted.split('.')) {
    if (typeof current !== 'object' || current === null) return '';
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined || current === null ? '' : String(current);
}
