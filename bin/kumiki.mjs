#!/usr/bin/env node
// Starts the TypeScript command line through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
try {
  await import('../src/cli/main.ts');
} catch (error) {
  // A command line that cannot even load is an internal error (exit 3), not a failed node
  // (exit 1, which Node would give an uncaught error): scripts must be able to tell them apart.
  process.stderr.write(
    `kumiki: internal error: the command could not start: ${error?.stack ?? error}\n`
  );
  process.exitCode = 3;
}
