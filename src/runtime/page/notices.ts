// The one-line notice under the header (#notice, role=status: its text in #notice-text and an
// optional action button #notice-action) and the live region (#live) that announces feedback to
// screen readers. A notice that only greets ("welcome back") goes away when the learner moves on.
// On a phone the notice keeps to one line; when its text is cut short, #notice-expand shows all
// of it (the stylesheet decides where text is cut; this only asks whether it was).

export type NoticeKind = 'info' | 'error';

export interface NoticeOptions {
  /** Remove the notice at the learner's next navigation. */
  untilNavigation?: boolean;
  /** A button in the notice. */
  action?: { label: string; run: () => void };
}

export class Notices {
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private transient = false;
  private runAction: (() => void) | undefined;
  private readonly text: HTMLElement | null;
  private readonly button: HTMLButtonElement | null;
  private readonly expand: HTMLButtonElement | null;

  constructor(private readonly notice: HTMLElement | null, private readonly live: HTMLElement | null) {
    this.text = notice?.querySelector<HTMLElement>('#notice-text') ?? null;
    this.button = notice?.querySelector<HTMLButtonElement>('#notice-action') ?? null;
    this.expand = notice?.querySelector<HTMLButtonElement>('#notice-expand') ?? null;
    this.button?.addEventListener('click', () => this.runAction?.());
    this.expand?.addEventListener('click', () => this.setExpanded(this.expand?.getAttribute('aria-expanded') !== 'true'));
    notice?.ownerDocument.defaultView?.addEventListener('resize', () => this.offerExpand());
  }

  show(text: string, kind: NoticeKind, options: NoticeOptions = {}): void {
    if (this.notice === null) return;
    (this.text ?? this.notice).textContent = text;
    this.notice.dataset.kind = kind;
    this.notice.hidden = false;
    this.transient = options.untilNavigation === true;
    this.runAction = options.action?.run;
    if (this.button !== null) {
      this.button.hidden = options.action === undefined;
      this.button.textContent = options.action?.label ?? '';
    }
    this.setExpanded(false);
    // A live region that appears together with its text is often not read out: errors about
    // saving are also announced through the live region that is always there.
    if (kind === 'error') this.announce(text);
  }

  clear(): void {
    if (this.notice === null) return;
    this.notice.hidden = true;
    (this.text ?? this.notice).textContent = '';
    if (this.button !== null) this.button.hidden = true;
    this.setExpanded(false);
    this.runAction = undefined;
    this.transient = false;
  }

  private setExpanded(expanded: boolean): void {
    if (this.notice === null) return;
    if (expanded) this.notice.dataset.expanded = 'true';
    else delete this.notice.dataset.expanded;
    this.expand?.setAttribute('aria-expanded', String(expanded));
    this.offerExpand();
  }

  /** The expand button is there only while the text is cut short, or shown whole on request. */
  private offerExpand(): void {
    const { notice, text, expand } = this;
    if (notice === null || text === null || expand === null) return;
    const expanded = expand.getAttribute('aria-expanded') === 'true';
    expand.hidden = notice.hidden || (!expanded && text.scrollWidth <= text.clientWidth);
  }

  /** The learner moved to another screen: a greeting has done its job. */
  navigated(): void {
    if (this.transient) this.clear();
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
