/** The exit codes of the `kumiki` command, documented in README.md. */
export const EXIT = {
  ok: 0,
  nodeFailed: 1,
  usage: 2,
  internal: 3,
  timeout: 124,
  interrupted: 130
} as const;

/** A mistake in how the command was called; printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
