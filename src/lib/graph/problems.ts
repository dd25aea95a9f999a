/**
 * Stable codes for graph-file problems; docs/errors.md explains each one and what to do.
 */
export const PROBLEM_CODES = {
  E_READ: 'The file cannot be read.',
  E_TOO_LARGE: 'The file, or its number of nodes or edges, is larger than Kumiki accepts.',
  E_TOO_DEEP: 'The file nests lists or objects deeper than a graph file ever needs.',
  E_JSON: 'The file is not valid JSON.',
  E_FORMAT: 'The file is not a Kumiki graph file.',
  E_VERSION: 'The file was written by a newer Kumiki, or its version is unknown.',
  E_SHAPE: 'A top-level field is missing or has the wrong type.',
  E_NODE: 'A node entry is malformed.',
  E_DUPLICATE_ID: 'Two nodes share one id.',
  E_UNKNOWN_TYPE: 'A node names a type this Kumiki does not know.',
  E_NODE_VERSION: 'A node was saved with a newer version of its type than this Kumiki has.',
  E_PARAM: 'A param value is of the wrong kind or out of bounds.',
  W_UNKNOWN_PARAM: 'A param is not known to the node type and was dropped.',
  E_EDGE: 'An edge entry is malformed or points to a missing node.',
  E_SOCKET: 'An edge names a socket the node does not have.',
  E_SOCKET_TYPE: 'An edge connects sockets of different types.',
  E_INPUT_TAKEN: 'Two edges feed the same input.',
  E_MISSING_INPUT: 'A node input has no edge.',
  E_CYCLE: 'Edges form a cycle.',
  E_SHARE_LINK: 'A share link is truncated or corrupt.',
  W_NODE_FIELD: "A node's position or label is malformed and was replaced.",
  W_FIELD: "The graph's view, description or a comment frame is malformed and was dropped.",
  W_SWEEP: 'The sweep is malformed or names something that cannot be swept; the graph still runs.',
  E_SUBGRAPH: 'A subgraph definition, or one of its exposed sockets or params, is malformed.',
  E_SUBGRAPH_RECURSION: 'A subgraph definition contains itself, directly or through another.'
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One problem found in a graph file, with where it is: file, node and field. */
export interface GraphProblem {
  code: ProblemCode;
  message: string;
  file: string;
  nodeId?: string;
  field?: string;
  /** Warnings leave the graph runnable; errors block the affected nodes. */
  severity: 'error' | 'warning';
}

/** One line a person can read: `file: node "id", field "x": message [CODE]`. */
export function formatProblem(problem: GraphProblem): string {
  const where = [problem.file];
  if (problem.nodeId !== undefined) where.push(`node "${problem.nodeId}"`);
  if (problem.field !== undefined) where.push(`field "${problem.field}"`);
  return `${where.join(', ')}: ${problem.message} [${problem.code}]`;
}

/** Thrown where a caller needs a valid graph and the file has errors. */
export class GraphFileError extends Error {
  constructor(readonly problems: GraphProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'GraphFileError';
  }
}
