import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../nodes/registry';
import { createNodeHost } from '../../src/cli/host-node';
import { Executor } from '../../src/lib/engine/executor';
import { runSweep } from '../../src/lib/engine/sweep';
import { parseGraph } from '../../src/lib/graph/load';

interface Row {
  n: number;
  mean: number;
  sd: number;
}
const reference: { count: number; rows: Row[] } = JSON.parse(
  readFileSync('tests/fixtures/diffusion/n-sweep.json', 'utf-8')
);

describe('graphs/diffusion-n-sweep.json', () => {
  it('gives distances to data that fall with n, each within 4 sd of the NumPy mean', async () => {
    const path = 'graphs/diffusion-n-sweep.json';
    const { doc, problems } = parseGraph(readFileSync(path, 'utf-8'), path, getNodeType);
    expect(problems).toEqual([]);
    doc!.sweep!.axes[0].values = reference.rows.map((row) => row.n);

    const host = await createNodeHost({ baseDir: 'graphs' });
    const calls: string[] = [];
    const table = await runSweep(new Executor(host, getNodeType), doc!, {
      onEvent: (e) => e.kind === 'started' && calls.push(e.nodeId)
    });
    const distances = table.cells.map((cell) => cell.fields.mean);

    // The NumPy script draws other random numbers, so agreement is statistical: its 20 seeds
    // give the spread of one run's distance, and 4 sd bounds a fluke at about 6e-5.
    reference.rows.forEach((row, k) => {
      expect(table.cells[k].status).toBe('finished');
      expect(Math.abs(distances[k] - row.mean)).toBeLessThan(4 * row.sd);
    });
    // The reference means fall at every n; the run falls from n = 10 to both 100 and 1000,
    // gaps of 4 and 5 sd in the reference.
    for (let k = 1; k < reference.rows.length; k++) {
      expect(reference.rows[k].mean).toBeLessThan(reference.rows[k - 1].mean);
    }
    expect(distances[2]).toBeLessThan(distances[0]);
    expect(distances[3]).toBeLessThan(distances[0]);
    // The data source upstream of the swept schedule runs once.
    expect(calls.filter((id) => id === 'data')).toHaveLength(1);
    expect(calls.filter((id) => id === 'sampler')).toHaveLength(reference.rows.length);
  }, 30_000);
});
