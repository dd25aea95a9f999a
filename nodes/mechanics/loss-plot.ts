import type { LinesPlot, MechanicsModel } from '../../src/lib/graph/values';

/** At most this many points per curve; longer histories are averaged over windows. */
const POINTS = 400;

/**
 * The training loss of a model against the step, as log₁₀ (window means beyond 400 steps),
 * with the held-out loss where it was measured.
 */
export function lossPlot(model: MechanicsModel, title: string): LinesPlot {
  const n = model.loss.length;
  const window = Math.max(1, Math.ceil(n / POINTS));
  const x: number[] = [];
  const mean: number[] = [];
  for (let start = 0; start < n; start += window) {
    const part = model.loss.slice(start, start + window);
    x.push(model.lossSteps[Math.min(n - 1, start + part.length - 1)]);
    mean.push(Math.log10(part.reduce((s, v) => s + v, 0) / part.length));
  }
  const series = [{ name: 'training', x: Float64Array.from(x), mean: Float64Array.from(mean) }];

  const held = model.heldOutLoss.flatMap((v, k) => (Number.isNaN(v) ? [] : [[k, v]]));
  if (held.length > 0) {
    series.push({
      name: 'held out',
      x: Float64Array.from(held, ([k]) => model.lossSteps[k]),
      mean: Float64Array.from(held, ([, v]) => Math.log10(v))
    });
  }
  const notes = [`final training loss ${model.loss.at(-1)?.toPrecision(4)}`];
  const lastHeld = held.at(-1);
  if (lastHeld) notes.push(`final held-out loss ${lastHeld[1].toPrecision(4)}`);
  return { kind: 'lines', title, xLabel: 'Adam step', yLabel: 'log₁₀ loss', series, notes };
}
