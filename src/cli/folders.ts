import { access, constants, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GraphDocument } from '../lib/graph/document';
import type { GraphProblem } from '../lib/graph/problems';
import { UsageError } from './exit';

/**
 * The out folder, checked before any work: `--out ""` and a path that is a file are usage
 * errors, so a long run never ends in a folder it cannot write.
 */
export async function prepareOutFolder(out: string | undefined): Promise<string> {
  if (out === '') throw new UsageError('--out needs a folder name.');
  const dir = resolve(out ?? 'out');
  await ensureFolder(dir, '--out');
  return dir;
}

/** The cache folder, created if missing; an unusable one is a usage error, found up front. */
export async function prepareCacheFolder(dir: string, flag: string): Promise<string> {
  await ensureFolder(dir, flag);
  return dir;
}

async function ensureFolder(dir: string, flag: string) {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    await access(dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`${flag} ${dir} is not a folder Kumiki can write to (${reason}).`);
  }
}

/**
 * Removes what an earlier run wrote for this graph's nodes (their result files and the
 * summary), so the out folder never mixes results of two runs. Other files are left alone.
 */
export async function clearEarlierResults(out: string, doc: GraphDocument): Promise<void> {
  await rm(join(out, 'summary.json'), { force: true });
  for (const node of doc.nodes) {
    await rm(join(out, node.id), { recursive: true, force: true });
  }
}

/** The summary of a run that never started because the graph file or the call was invalid. */
export async function writeInvalidSummary(out: string, graph: string, problems: GraphProblem[]) {
  const report = { graph, status: 'invalid', problems, nodes: {} };
  await writeFile(join(out, 'summary.json'), `${JSON.stringify(report, null, 2)}\n`);
}
