import type { RunEvent } from '../lib/engine/events';

/**
 * Prints run events on stderr: one line when a node starts, ends or fails, and progress at
 * most every 10 % (on a terminal, an updating line instead).
 */
export function progressPrinter(total: number, quiet: boolean): (event: RunEvent) => void {
  const tty = process.stderr.isTTY === true;
  const lastStep = new Map<string, number>();
  let done = 0;
  const write = (line: string) => process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  const finish = (line: string) => process.stderr.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);

  return (event) => {
    if (quiet && event.kind !== 'failed') return;
    const tag = `[${done}/${total}] ${event.nodeId}`;
    switch (event.kind) {
      case 'started':
        write(`${tag}: started`);
        break;
      case 'progress': {
        const step = Math.floor(event.fraction * 10);
        if (!tty && step === (lastStep.get(event.nodeId) ?? 0)) return;
        lastStep.set(event.nodeId, step);
        write(
          `${tag}: ${Math.round(event.fraction * 100)}%${event.message ? ` ${event.message}` : ''}`
        );
        break;
      }
      case 'finished':
        done++;
        finish(
          `[${done}/${total}] ${event.nodeId}: ` +
            `done in ${event.ms} ms${event.cached ? ' (cached)' : ''}`
        );
        break;
      case 'failed':
        finish(
          `[${done}/${total}] ${event.nodeId}: ` +
            (event.cancelled ? 'stopped' : `failed: ${event.message}`)
        );
        break;
      case 'blocked':
        finish(`[${done}/${total}] ${event.nodeId}: not run, waiting on "${event.by}"`);
        break;
      case 'log':
        finish(`${event.nodeId}: ${event.message}`);
        break;
    }
  };
}
