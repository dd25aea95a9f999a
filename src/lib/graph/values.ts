/**
 * The values that travel along edges. Every value is structured-clone friendly (plain objects,
 * arrays and typed arrays, never live tensors), so it crosses the worker boundary unchanged.
 */

/** Sentence pairs: `first[i]` and `second[i]` are the two sentences of pair i. */
export interface SentencePairs {
  first: string[];
  second: string[];
}

/** One vector per sentence of each pair; every vector has `dim` components. */
export interface VectorPairs {
  dim: number;
  first: Float32Array[];
  second: Float32Array[];
}

/** A point cloud of `count` points in R^dim, stored row-major in `points`. */
export interface PointCloud {
  dim: number;
  count: number;
  points: Float64Array;
}

/** One point cloud per sentence of each pair. */
export interface CloudPairs {
  first: PointCloud[];
  second: PointCloud[];
}

/**
 * A persistence diagram: point k is born at `birth[k]` and dies at `death[k]` in homology
 * dimension `dimension[k]`. A class that never dies has death `Infinity`.
 */
export interface Diagram {
  dimension: Int32Array;
  birth: Float64Array;
  death: Float64Array;
}

/** One persistence diagram per sentence of each pair. */
export interface DiagramPairs {
  first: Diagram[];
  second: Diagram[];
}

/** Pearson and Spearman correlation of two equally long series of `count` numbers. */
export interface Correlation {
  pearson: number;
  spearman: number;
  count: number;
  /** Bootstrap confidence interval [low, high] of `pearson`, when one was computed. */
  pearsonInterval?: [number, number];
  /** Bootstrap confidence interval [low, high] of `spearman`, when one was computed. */
  spearmanInterval?: [number, number];
}

/** A chart description; `src/lib/plot` turns it into SVG in the browser and in Node. */
export interface ScatterPlot {
  kind: 'scatter';
  title: string;
  xLabel: string;
  yLabel: string;
  x: Float64Array;
  y: Float64Array;
  /** Optional lines printed under the title, such as correlation values. */
  notes?: string[];
}

/**
 * A heatmap of `z` over a grid: row r (value `yValues[r]`) and column c (value `xValues[c]`)
 * hold `z[r * xValues.length + c]`; NaN marks a cell with no value.
 */
export interface HeatmapPlot {
  kind: 'heatmap';
  title: string;
  xLabel: string;
  yLabel: string;
  xValues: number[];
  yValues: number[];
  z: Float64Array;
}

export type Plot = ScatterPlot | HeatmapPlot;

/** The closed set of socket types and the value each carries. */
export interface SocketValues {
  'sentence-pairs': SentencePairs;
  'vector-pairs': VectorPairs;
  'cloud-pairs': CloudPairs;
  'diagram-pairs': DiagramPairs;
  numbers: Float64Array;
  correlation: Correlation;
  plot: Plot;
}

export type SocketType = keyof SocketValues;

export const SOCKET_TYPES: readonly SocketType[] = [
  'sentence-pairs',
  'vector-pairs',
  'cloud-pairs',
  'diagram-pairs',
  'numbers',
  'correlation',
  'plot'
];
