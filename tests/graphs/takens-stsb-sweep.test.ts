import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../nodes/registry';
import { createNodeHost } from '../../src/cli/host-node';
import { Executor } from '../../src/lib/engine/executor';
import { runSweep } from '../../src/lib/engine/sweep';
import { parseGraph } from '../../src/lib/graph/load';

const reference = JSON.parse(readFileSync('tests/fixtures/graphs/takens-stsb.json', 'utf-8'));

describe('graphs/takens-stsb-sweep.json', () => {
  const name =
    'collects the correlation of every lag × stride cell as the GUDHI/SciPy pipeline gives it';
  it(name, async () => {
    const path = 'graphs/takens-stsb-sweep.json';
    const { doc } = parseGraph(readFileSync(path, 'utf-8'), path, getNodeType);
    doc!.nodes.find((n) => n.id === 'stsb')!.params.limit = reference.count;
    const strides: number[] = [
      ...new Set<number>(reference.sweep.map((c: { stride: number }) => c.stride))
    ];
    doc!.sweep!.axes[1].values = strides;

    const host = await createNodeHost({ baseDir: 'graphs' });
    const calls: string[] = [];
    const table = await runSweep(new Executor(host, getNodeType), doc!, {
      onEvent: (e) => e.kind === 'started' && calls.push(e.nodeId)
    });

    expect(table.cells.length).toBe(reference.sweep.length);
    for (const cell of table.cells) {
      const [lag, stride] = cell.values;
      const expected = reference.sweep.find(
        (c: { lag: number; stride: number }) => c.lag === lag && c.stride === stride
      );
      expect(cell.status).toBe('finished');
      expect(cell.fields.pearson).toBeCloseTo(expected.pearson, 4);
      expect(cell.fields.spearman).toBeCloseTo(expected.spearman, 4);
    }
    // Upstream of the swept node runs once; the swept node and its dependants once per cell.
    expect(calls.filter((id) => id === 'embed')).toHaveLength(1);
    expect(calls.filter((id) => id === 'takens')).toHaveLength(table.cells.length);
    expect(calls).not.toContain('scatter');
  });
});
