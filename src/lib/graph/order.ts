import type { GraphEdge } from './document';

/** Node ids in an order where every edge goes forward, and the cycles that prevent one. */
export interface Ordering {
  order: string[];
  /** Each cycle as the node ids along it, first id repeated at the end. */
  cycles: string[][];
}

/**
 * Orders nodes so each comes after all its upstream nodes (Kahn's algorithm, ties broken by
 * the order nodes appear in the file, so runs are reproducible). Nodes on or behind a cycle
 * are left out of `order`, and each cycle is named by its nodes.
 */
export function orderNodes(nodeIds: string[], edges: GraphEdge[]): Ordering {
  const indegree = new Map(nodeIds.map((id) => [id, 0]));
  const next = new Map(nodeIds.map((id) => [id, [] as string[]]));
  for (const edge of edges) {
    if (!indegree.has(edge.from.node) || !indegree.has(edge.to.node)) continue;
    next.get(edge.from.node)!.push(edge.to.node);
    indegree.set(edge.to.node, indegree.get(edge.to.node)! + 1);
  }

  const order: string[] = [];
  const ready = nodeIds.filter((id) => indegree.get(id) === 0);
  for (let head = 0; head < ready.length; head++) {
    const id = ready[head];
    order.push(id);
    for (const to of next.get(id)!) {
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }

  const ordered = new Set(order);
  const left = new Set(nodeIds.filter((id) => !ordered.has(id)));
  return { order, cycles: findCycles(left, next) };
}

/** Walks the nodes Kahn's algorithm could not order and names each distinct cycle once. */
function findCycles(left: Set<string>, next: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of left) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = next.get(current)!.find((to) => left.has(to));
    }
    if (current !== undefined && onPath.has(current)) {
      cycles.push([...path.slice(onPath.get(current)!), current]);
    }
    path.forEach((id) => done.add(id));
  }
  return cycles;
}
