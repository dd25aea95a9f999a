/** A question the page puts to the user before it does something that cannot be undone. */
export interface ConfirmRequest {
  title: string;
  text: string;
  /** The words on the button that goes ahead, such as "Discard and start new". */
  confirmLabel: string;
}

/** Asks one question at a time and tells the caller the answer. */
export class Confirmer {
  request: ConfirmRequest | null = $state(null);

  private resolve: ((ok: boolean) => void) | undefined;

  /** Shows `request`; resolves true when the user goes ahead, false when they cancel. */
  ask(request: ConfirmRequest): Promise<boolean> {
    this.resolve?.(false);
    this.request = request;
    return new Promise((resolve) => (this.resolve = resolve));
  }

  /** Closes the question with the user's answer. */
  answer(ok: boolean): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    this.request = null;
    resolve?.(ok);
  }
}
