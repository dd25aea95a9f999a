import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { getNodeType } from '../../nodes/registry';
import type { GraphDocument, GraphNode } from '../lib/graph/document';
import { withSubgraphs } from '../lib/graph/subgraph';
import { EXIT } from './exit';
import { readGraphFile } from './read-graph';

/**
 * `kumiki validate`: checks a graph file without running it; exit 2 when it has errors. A
 * valid file's nodes are listed on stdout, with every `file` param and the path it reads, the
 * nodes inside subgraph definitions included: those are invisible at the top level, yet a run
 * reads their files all the same. So a graph from someone else can be looked over first.
 */
export async function commandValidate(path: string): Promise<number> {
  const { doc, errors, problems } = await readGraphFile(path);
  if (!doc || errors > 0) return EXIT.usage;
  process.stdout.write(listNodes(doc, dirname(resolve(path))).join('\n') + '\n');
  const warnings = problems.length;
  const warned = warnings ? `, ${warnings} warnings` : '';
  process.stderr.write(
    `${path}: valid, ${doc.nodes.length} nodes and ${doc.edges.length} edges${warned}.\n`
  );
  return EXIT.ok;
}

/** The lines `kumiki validate` prints: the nodes, then each definition's inner nodes. */
export function listNodes(doc: GraphDocument, baseDir: string): string[] {
  const lookup = withSubgraphs(getNodeType, doc.subgraphs);
  const lines = [`nodes (${doc.nodes.length}):`];
  for (const node of doc.nodes) lines.push(...describeNode(node, lookup, baseDir, '  '));
  for (const [id, definition] of Object.entries(doc.subgraphs ?? {})) {
    lines.push(`subgraph ${shown(id)} (${definition.nodes.length} inner nodes):`);
    for (const node of definition.nodes) {
      lines.push(...describeNode(node, lookup, baseDir, '  '));
    }
  }
  return lines;
}

/** One node's line, and one more line per `file` param it has, naming the path read. */
function describeNode(
  node: GraphNode,
  lookup: ReturnType<typeof withSubgraphs>,
  baseDir: string,
  indent: string
): string[] {
  const label = node.label ? ` ${JSON.stringify(node.label)}` : '';
  const lines = [`${indent}${shown(node.id)}  ${shown(node.type)}${label}`];
  const params = lookup(node.type)?.params ?? {};
  for (const [name, spec] of Object.entries(params)) {
    if (spec.kind !== 'file') continue;
    const value = Object.hasOwn(node.params, name) ? node.params[name] : spec.default;
    lines.push(`${indent}  file param ${shown(name)} = ${fileText(value, baseDir)}`);
  }
  return lines;
}

/** A file param's value and where it leads, saying when that is outside the graph's folder. */
function fileText(value: unknown, baseDir: string): string {
  if (typeof value !== 'string' || value === '')
    return `${JSON.stringify(value ?? '')} (empty: the node reads no file of yours)`;
  const target = resolve(baseDir, value);
  const inside = !isAbsolute(value) && !relative(baseDir, target).startsWith('..');
  const where = inside ? '' : ', outside the graph file’s folder';
  return `${JSON.stringify(value)} (reads ${JSON.stringify(target)}${where})`;
}

/** Text from the file as printed: quoted when it holds anything but plain name characters. */
function shown(text: string): string {
  return /^[\w./:-]+$/.test(text) ? text : JSON.stringify(text);
}
