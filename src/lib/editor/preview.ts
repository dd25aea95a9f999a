import type { NodeType } from '../graph/node-type';
import type {
  CloudPairs,
  Correlation,
  DiagramPairs,
  Environment,
  Matrix,
  Plot,
  RlRuns,
  SentencePairs,
  VectorPairs
} from '../graph/values';
import { plotToSvg } from '../plot/svg';
import { formatNumber } from './format';
import type { NodePreview } from './kumiki-node.svelte';

/** An SVG string as an image address, so generated SVG is shown as an image, not as markup. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The image address of a plot drawn at the given size. */
export function plotImage(plot: Plot, width = 560, height = 400): string {
  return svgDataUrl(plotToSvg(plot, { width, height }));
}

/**
 * A small summary of a node's main output (its first output socket): numbers get their
 * count, mean and range, a correlation its values, a plot a thumbnail, pairs their sizes.
 */
export function previewOf(
  spec: NodeType,
  outputs: Record<string, unknown> | undefined
): NodePreview | null {
  const main = Object.entries(spec.outputs)[0];
  if (!main || !outputs || !(main[0] in outputs)) return null;
  const value = outputs[main[0]];

  switch (main[1].type) {
    case 'correlation': {
      const c = value as Correlation;
      return { kind: 'correlation', pearson: c.pearson, spearman: c.spearman, count: c.count };
    }
    case 'plot': {
      // Drawn when a node view first shows it: most nodes of a large graph are not mounted.
      const plot = value as Plot;
      let src: string | undefined;
      return {
        kind: 'image',
        get src() {
          return (src ??= plotImage(plot, 480, 300));
        },
        alt: plot.title
      };
    }
    case 'numbers':
      return { kind: 'text', lines: numberSummary(value as Float64Array) };
    case 'sentence-pairs':
      return {
        kind: 'text',
        lines: [counted((value as SentencePairs).first.length, 'sentence pair')]
      };
    case 'vector-pairs': {
      const v = value as VectorPairs;
      return {
        kind: 'text',
        lines: [`${counted(v.first.length, 'pair')} of ${v.dim}-dimensional vectors`]
      };
    }
    case 'cloud-pairs':
      return { kind: 'text', lines: cloudSummary(value as CloudPairs) };
    case 'diagram-pairs':
      return { kind: 'text', lines: diagramSummary(value as DiagramPairs) };
    case 'environment': {
      const env = value as Environment;
      const picture: Plot = {
        kind: 'environment',
        title: env.name,
        environment: env,
        path: new Int32Array(0)
      };
      return { kind: 'image', src: plotImage(picture, 480, 300), alt: env.name };
    }
    case 'rl-runs':
      return { kind: 'text', lines: runsSummary(value as RlRuns) };
    case 'matrix': {
      const m = value as Matrix;
      return {
        kind: 'text',
        lines: [`${m.size} × ${m.size} distance matrix`, ...numberSummary(m.values).slice(1)]
      };
    }
    default:
      return { kind: 'text', lines: [`${main[0]}: ready`] };
  }
}

function numberSummary(values: ArrayLike<number>): string[] {
  const n = values.length;
  if (n === 0) return ['no numbers'];
  let sum = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    low = Math.min(low, values[i]);
    high = Math.max(high, values[i]);
  }
  return [
    `n = ${n}, mean ${formatNumber(sum / n)}`,
    `range ${formatNumber(low)} … ${formatNumber(high)}`
  ];
}

function cloudSummary(clouds: CloudPairs): string[] {
  const all = [...clouds.first, ...clouds.second];
  if (all.length === 0) return ['no point clouds'];
  const mean = all.reduce((s, c) => s + c.count, 0) / all.length;
  return [
    `${counted(clouds.first.length, 'pair')} of point clouds`,
    `${counted(mean, 'point')} in R^${all[0].dim} on average`
  ];
}

function diagramSummary(diagrams: DiagramPairs): string[] {
  const all = [...diagrams.first, ...diagrams.second];
  if (all.length === 0) return ['no diagrams'];
  const mean = all.reduce((s, d) => s + d.birth.length, 0) / all.length;
  return [
    `${counted(diagrams.first.length, 'pair')} of diagrams`,
    `${counted(mean, 'point')} per diagram on average`
  ];
}

/** The agent's name and size, and its mean return over the last 100 episodes of every seed. */
function runsSummary(runs: RlRuns): string[] {
  const last = Math.min(100, runs.episodes);
  let sum = 0;
  for (let s = 0; s < runs.seeds; s++) {
    for (let e = runs.episodes - last; e < runs.episodes; e++)
      sum += runs.returns[s * runs.episodes + e];
  }
  return [
    `${runs.name}: ${counted(runs.seeds, 'seed')} × ${counted(runs.episodes, 'episode')}`,
    `mean return, last ${counted(last, 'episode')}: ${formatNumber(sum / (runs.seeds * last))}`
  ];
}

/**
 * A count and its noun, singular when it reads "1" ("1 pair", "2 pairs", "1.5 points"). A
 * whole count is shown in full; an average with three digits.
 */
export function counted(count: number, noun: string): string {
  const shown = Number.isInteger(count) ? String(count) : formatNumber(count, 3);
  return `${shown} ${noun}${shown === '1' ? '' : 's'}`;
}
