import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { createNodeHost } from '../../../../src/cli/host-node';
import { Executor } from '../../../../src/lib/engine/executor';
import { parseGraph } from '../../../../src/lib/graph/load';
import { groupNodes } from '../../../../src/lib/graph/subgraph-group';

const FILE = 'graphs/persistence-of-points.json';

/**
 * The editor shows an opened subgraph's inner nodes from the run summary's `inner` entries, by
 * the path of the subgraph node and the inner id; a nested subgraph adds one level to the path.
 */
it('tells how every inner node ended, under its instance path', async () => {
  const flat = parseGraph(readFileSync(FILE, 'utf-8'), FILE, getNodeType).doc!;
  const first = groupNodes(flat, ['persistence']);
  const outer = groupNodes(first.doc, [first.instanceId, 'diagram']);
  const host = await createNodeHost({ baseDir: 'graphs' });
  const summary = await new Executor(host, getNodeType).run(outer.doc);

  const o = outer.instanceId;
  expect(Object.keys(summary.inner ?? {}).sort()).toEqual(
    [`${o}/${first.instanceId}/persistence`, `${o}/diagram`].sort()
  );
  for (const entry of Object.values(summary.inner!)) expect(entry.status).toBe('finished');
  // The graph's own nodes are not repeated there.
  expect(summary.inner!.points).toBeUndefined();
  expect(summary.nodes[o].status).toBe('finished');
});
