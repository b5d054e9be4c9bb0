// The call log: every API call with its arguments, return value and error code, as the course
// received them; rows that broke a SCORM 1.2 rule (or returned "false") are highlighted, and
// answers an LMS profile's quirk made up are marked as such.
import type { CallRecord } from './lms-session.js';
import type { QuirkNote } from './quirk-notes.js';
import type { EmulatorText } from './strings.js';
import type { RuleViolation } from '../../scorm12/value-rules.js';

const MAX_ROWS = 2000;

export class CallLog {
  private readonly rows = new Map<number, HTMLTableRowElement>();

  constructor(private readonly body: HTMLElement, private readonly text: EmulatorText) {}

  /** A separator row for a new launch; call rows after it belong to the new session. */
  launch(description: string): void {
    this.rows.clear();
    this.append(this.wideRow('launch', description));
  }

  /** Something the LMS did on its own during the session (e.g. its API appeared late). */
  event(kind: string, description: string): void {
    const row = this.wideRow('event', description);
    row.dataset.event = kind;
    this.append(row);
  }

  add(call: CallRecord): void {
    const document = this.body.ownerDocument;
    const row = document.createElement('tr');
    row.dataset.method = call.method;
    row.dataset.result = call.result;
    row.classList.toggle('is-false', call.result === 'false');
    const argumentText = call.args.map((arg) => JSON.stringify(arg)).join(', ');
    const cells = [String(call.index), String(call.at), `${call.method}(${argumentText})`, JSON.stringify(call.result), call.errorCode, ''];
    for (const [index, text] of cells.entries()) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (index === 5) cell.className = 'notes';
      row.append(cell);
    }
    this.rows.set(call.index, row);
    this.append(row);
    if (call.quirk !== undefined) this.markQuirk(row, call.quirk);
    for (const violation of call.violations) this.flag(row, violation);
  }

  /** Flag an earlier call of the current session. */
  flagEarlier(index: number, violation: RuleViolation): void {
    const row = this.rows.get(index);
    if (row !== undefined) this.flag(row, violation);
  }

  /** A rule broken by the session as a whole (e.g. it ended without LMSFinish). */
  note(violation: RuleViolation): void {
    const row = this.body.ownerDocument.createElement('tr');
    const cells = ['', '', '', '', '', ''].map(() => this.body.ownerDocument.createElement('td'));
    cells[5]!.className = 'notes';
    row.append(...cells);
    this.append(row);
    this.flag(row, violation);
  }

  clear(): void {
    this.body.replaceChildren();
    this.rows.clear();
  }

  /** The answer was the profile's quirk, not scorm-again's: say so, apart from broken rules. */
  private markQuirk(row: HTMLTableRowElement, quirk: QuirkNote): void {
    row.classList.add('has-quirk');
    row.dataset.quirk = quirk.quirk;
    const line = this.body.ownerDocument.createElement('div');
    line.className = 'quirk';
    line.textContent = this.text(`quirk.${quirk.quirk}`, quirk.values);
    row.querySelector('td.notes')?.append(line);
  }

  private wideRow(className: string, description: string): HTMLTableRowElement {
    const row = this.body.ownerDocument.createElement('tr');
    row.className = className;
    const cell = this.body.ownerDocument.createElement('td');
    cell.colSpan = 6;
    cell.textContent = description;
    row.append(cell);
    return row;
  }

  private flag(row: HTMLTableRowElement, violation: RuleViolation): void {
    row.classList.add('breaks-rule');
    row.dataset.rules = [...(row.dataset.rules?.split(' ').filter(Boolean) ?? []), violation.rule].join(' ');
    const notes = row.querySelector('td.notes');
    if (notes === null) return;
    const line = this.body.ownerDocument.createElement('div');
    line.textContent = this.text(`rule.${violation.rule}`, violation.values);
    notes.append(line);
  }

  private append(row: HTMLTableRowElement): void {
    this.body.append(row);
    while (this.body.childElementCount > MAX_ROWS) this.body.firstElementChild?.remove();
    const scroller = this.body.closest('.log-scroll');
    if (scroller !== null) scroller.scrollTop = scroller.scrollHeight;
  }
}
