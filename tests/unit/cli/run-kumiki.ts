import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs the real `kumiki` command as a user would, in `cwd` (a scratch folder, usually). */
export function kumiki(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [join(process.cwd(), 'bin/kumiki.mjs'), ...args], {
    cwd,
    encoding: 'utf-8',
    timeout: 120_000
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}
