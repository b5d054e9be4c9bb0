// Course messages in the page: errors as an overlay over the course frame (which keeps its last
// good version), warnings as a list under the panel. Each reads file:line:column rule-id reason.
import type { PreviewMessage } from '../protocol.js';
import type { EmulatorText } from './strings.js';

export class ProblemsView {
  constructor(private readonly document: Document, private readonly text: EmulatorText) {}

  /** Show `messages`; returns the number of errors. */
  show(messages: readonly PreviewMessage[]): number {
    const errors = messages.filter((message) => message.severity === 'error');
    const warnings = messages.filter((message) => message.severity === 'warning');
    const overlay = this.document.getElementById('problems-overlay');
    if (overlay !== null) overlay.hidden = errors.length === 0;
    this.fill('problems-list', errors);
    const details = this.document.getElementById('warnings');
    if (details !== null) details.hidden = warnings.length === 0;
    const title = this.document.getElementById('warnings-title');
    if (title !== null) title.textContent = this.text('warnings.title', { count: warnings.length });
    this.fill('warnings-list', warnings);
    return errors.length;
  }

  private fill(listId: string, messages: readonly PreviewMessage[]): void {
    const list = this.document.getElementById(listId);
    if (list === null) return;
    list.replaceChildren(...messages.map((message) => {
      const item = this.document.createElement('li');
      item.dataset.rule = message.ruleId;
      const place = this.document.createElement('span');
      place.className = 'place';
      place.textContent = `${message.file}:${message.line}:${message.column}`;
      const rule = this.document.createElement('span');
      rule.className = 'rule';
      rule.textContent = message.ruleId;
      item.append(place, ' ', rule, ' ', message.reason);
      return item;
    }));
  }
}
