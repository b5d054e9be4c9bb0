// The note in the emulator's course area while the course runs in a window of its own: that it
// runs there (with a button to bring it to the front), that the browser blocked the window (with a
// button that opens it) or that the learner closed it (with a button that launches again).
import type { EmulatorText } from './strings.js';

export type PopupState = 'open' | 'blocked' | 'closed';

export class PopupNote {
  private state: PopupState | undefined;
  private readonly note: HTMLElement;
  private readonly message: HTMLElement;
  private readonly button: HTMLButtonElement;

  constructor(document: Document, private readonly text: EmulatorText, action: (state: PopupState) => void) {
    this.note = document.getElementById('popup-note')!;
    this.message = document.getElementById('popup-note-text')!;
    this.button = document.getElementById('popup-note-button') as HTMLButtonElement;
    this.button.addEventListener('click', () => {
      if (this.state !== undefined) action(this.state);
    });
  }

  show(state: PopupState): void {
    this.state = state;
    this.note.hidden = false;
    this.note.dataset.state = state;
    this.message.textContent = this.text(`popup.${state}`);
    this.button.textContent = this.text(`popup.${state}.button`);
  }

  hide(): void {
    this.state = undefined;
    this.note.hidden = true;
    delete this.note.dataset.state;
  }
}
