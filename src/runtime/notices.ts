// The one-line notice under the header (#notice, role=status) and the live region (#live) that
// announces feedback to screen readers.

export type NoticeKind = 'info' | 'error';

export class Notices {
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly notice: HTMLElement | null, private readonly live: HTMLElement | null) {}

  show(text: string, kind: NoticeKind): void {
    if (this.notice === null) return;
    this.notice.textContent = text;
    this.notice.dataset.kind = kind;
    this.notice.hidden = false;
    // A live region that appears together with its text is often not read out: errors about
    // saving are also announced through the live region that is always there.
    if (kind === 'error') this.announce(text);
  }

  clear(): void {
    if (this.notice === null) return;
    this.notice.hidden = true;
    this.notice.textContent = '';
  }

  /** Announce politely; emptying first makes screen readers repeat an identical message. */
  announce(text: string): void {
    const live = this.live;
    if (live === null) return;
    live.textContent = '';
    if (this.announceTimer !== undefined) clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      live.textContent = text;
    }, 50);
  }
}
