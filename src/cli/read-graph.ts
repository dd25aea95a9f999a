import { readFile } from 'node:fs/promises';
import { getNodeType } from '../../nodes/registry';
import { parseGraph, type LoadResult } from '../lib/graph/load';
import { formatProblem } from '../lib/graph/problems';

/** Reads and validates a graph file, printing every problem to stderr. */
export async function readGraphFile(path: string): Promise<LoadResult & { errors: number }> {
  let text: string;
  try {
    text = await readFile(path, 'utf-8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    process.stderr.write(`${path}: cannot read the graph file: ${reason}.\n`);
    return { doc: null, problems: [], errors: 1 };
  }
  const result = parseGraph(text, path, getNodeType);
  for (const problem of result.problems) {
    process.stderr.write(
      `${problem.severity === 'error' ? 'error' : 'warning'}: ${formatProblem(problem)}\n`
    );
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return { ...result, errors };
}
