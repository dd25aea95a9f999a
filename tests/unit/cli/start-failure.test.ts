import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Exit 1 means "a node failed" and the summary says which. A command line that cannot load
 * (a broken source file) or an error nothing caught must not look like that: exit 3.
 */
function fakeInstall(main: string): string {
  const root = mkdtempSync(join(tmpdir(), 'kumiki-start-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  copyFileSync('bin/kumiki.mjs', join(root, 'bin/kumiki.mjs'));
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'src/cli/main.ts'), main);
  return root;
}

function start(root: string) {
  const result = spawnSync(process.execPath, [join(root, 'bin/kumiki.mjs'), 'validate', 'x'], {
    encoding: 'utf-8',
    timeout: 60_000
  });
  return { code: result.status, stderr: result.stderr };
}

describe('kumiki when it cannot start', () => {
  it('exits 3, not 1, when its source does not load', () => {
    const result = start(fakeInstall('export const broken = ;\n'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kumiki: internal error: the command could not start');
  });

  it('exits 3 on an error nothing caught during a run', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        // Once the command line has loaded, a promise rejects with no one to catch it.
        'data:text/javascript,const t = setInterval(() => { if ' +
          "(process.listenerCount('unhandledRejection')) { clearInterval(t); " +
          "Promise.reject(new Error('lost')); } }, 10);",
        'bin/kumiki.mjs',
        'nodes',
        '--json'
      ],
      { encoding: 'utf-8', timeout: 60_000 }
    );
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('kumiki: unexpected error: Error: lost');
  });
});
