import { NodeInputError } from '../../src/lib/graph/node-type';
import type { LinesPlot, LineSeries } from '../../src/lib/graph/values';
import type { StepWatcher } from './sampler';
import { readNumberList } from './text-params';

/**
 * Reads a text param listing steps i in 0..n, such as "100, 50, 10, 0"; an empty text means
 * every step. Returns them sorted from n down to 0, without repeats.
 */
export function readStepList(text: string, n: number, name: string): number[] {
  if (text.trim() === '') return Array.from({ length: n + 1 }, (_, k) => n - k);
  const steps = readNumberList({ [name]: text }, name, '');
  const bad = steps.find((i) => !Number.isInteger(i) || i < 0 || i > n);
  if (bad !== undefined) {
    throw new NodeInputError(
      `Param "${name}" must list whole steps between 0 and n = ${n}; found ${bad}.`,
      name
    );
  }
  return [...new Set(steps)].sort((a, b) => b - a);
}

/**
 * Records the first `count` points of the reverse process at the chosen steps, as a watcher
 * for `sampleReverse`, and draws them: x̂_i against i in 1-D, paths in the plane of the
 * first two coordinates otherwise.
 */
export function trajectoryRecorder(count: number, dim: number, steps: number[]) {
  const wanted = new Map(steps.map((step, k) => [step, k]));
  const kept = Array.from({ length: count * dim }, () => new Float64Array(steps.length));

  const watch: StepWatcher = (step, x) => {
    const k = wanted.get(step);
    if (k === undefined) return;
    const rows = Math.min(count, x.length / dim);
    for (let c = 0; c < rows * dim; c++) kept[c][k] = x[c];
  };

  const plot = (): LinesPlot => {
    const series: LineSeries[] = [];
    for (let p = 0; p < count; p++) {
      const first = kept[p * dim];
      const x = dim === 1 ? Float64Array.from(steps) : first;
      const mean = dim === 1 ? first : kept[p * dim + 1];
      series.push({ name: `point ${p + 1}`, x, mean });
    }
    return {
      kind: 'lines',
      title: `Reverse trajectories of ${count} points`,
      xLabel: dim === 1 ? 'step i' : 'x₁',
      yLabel: dim === 1 ? 'x̂_i' : 'x₂',
      series,
      notes: [
        dim === 1
          ? `x̂_i from i = ${steps[0]} (right) to i = ${steps[steps.length - 1]} (left)`
          : `paths of (x̂_i)₁, (x̂_i)₂ over ${steps.length} steps, from i = ${steps[0]} to ` +
            `${steps[steps.length - 1]}`
      ]
    };
  };

  return { watch, plot };
}
