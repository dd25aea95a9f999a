import { EXIT } from './exit';
import { readGraphFile } from './read-graph';

/** `kumiki validate`: checks a graph file without running it; exit 2 when it has errors. */
export async function commandValidate(path: string): Promise<number> {
  const { doc, errors, problems } = await readGraphFile(path);
  if (!doc || errors > 0) return EXIT.usage;
  const warnings = problems.length;
  const warned = warnings ? `, ${warnings} warnings` : '';
  process.stderr.write(
    `${path}: valid, ${doc.nodes.length} nodes and ${doc.edges.length} edges${warned}.\n`
  );
  return EXIT.ok;
}
