import { readFile, stat } from 'node:fs/promises';
import { getNodeType } from '../../nodes/registry';
import { MAX_GRAPH_CHARS, parseGraph, type LoadResult } from '../lib/graph/load';
import { formatProblem, type GraphProblem, type ProblemCode } from '../lib/graph/problems';

/** Reads and validates a graph file, printing every problem to stderr. */
export async function readGraphFile(path: string): Promise<LoadResult & { errors: number }> {
  const fail = (code: ProblemCode, message: string) => {
    const problem: GraphProblem = { code, message, file: path, severity: 'error' };
    process.stderr.write(`error: ${formatProblem(problem)}\n`);
    return { doc: null, problems: [problem], errors: 1 };
  };

  let text: string;
  try {
    // Checked before reading, so a huge file is refused without being loaded into memory.
    const size = (await stat(path)).size;
    if (size > MAX_GRAPH_CHARS * 4) {
      return fail(
        'E_TOO_LARGE',
        `The file has ${size} bytes, more than the ${MAX_GRAPH_CHARS} characters Kumiki reads.`
      );
    }
    text = await readFile(path, 'utf-8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : (code ?? (error as Error).message);
    return fail('E_READ', `The graph file cannot be read: ${reason}.`);
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
