/** A short message for the user, shown above the canvas. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** A link the user may copy by hand when the clipboard is not available. */
  link?: string;
}

/** How long an information notice stays, in milliseconds. */
export const INFO_MS = 4000;

/** How long a notice with a link to copy by hand stays. */
export const LINK_MS = 12_000;

/**
 * The one notice the page shows at a time. A new notice replaces the current one; information
 * goes away by itself after a few seconds (not while the pointer or focus is on it), errors
 * stay until the user dismisses them.
 */
export class Notices {
  current: Notice | null = $state(null);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private held = false;

  show(notice: Notice): void {
    this.current = notice;
    this.schedule();
  }

  /** Shows an information notice. */
  info(text: string): void {
    this.show({ tone: 'info', text });
  }

  /** Shows an error, kept until dismissed. */
  error(text: string): void {
    this.show({ tone: 'error', text });
  }

  dismiss(): void {
    this.stopTimer();
    this.current = null;
    // The bar is gone with the notice, so it can no longer report the pointer leaving it.
    this.held = false;
  }

  /**
   * The user moved on (opened or left a subgraph, expanded one, opened another graph): a
   * notice about what they did before no longer fits what they see, so it goes.
   */
  moveOn(): void {
    this.dismiss();
  }

  /** Keeps the notice while the user points at it or has focus in it. */
  hold(): void {
    this.held = true;
    this.stopTimer();
  }

  /** Lets the notice go away again after its usual time. */
  release(): void {
    this.held = false;
    this.schedule();
  }

  private schedule(): void {
    this.stopTimer();
    const notice = this.current;
    if (!notice || notice.tone === 'error' || this.held) return;
    const ms = notice.link ? LINK_MS : INFO_MS;
    this.timer = setTimeout(() => {
      if (this.current === notice) this.current = null;
    }, ms);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
