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

/**
 * Point clouds, usually one per sentence of each pair: `first[i]` and `second[i]` belong to
 * pair i. A collection that is not paired (the clouds of `data/points`, say) is carried in
 * `first` with `second` empty. Nodes that work cloud by cloud accept both; nodes that need
 * pairs refuse a value whose two lists differ in length.
 */
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

/**
 * Persistence diagrams, usually one per sentence of each pair, as in `CloudPairs`: a
 * collection that is not paired is carried in `first` with `second` empty. Pairwise distances
 * (`topology/wasserstein`, `topology/bottleneck`) need pairs and refuse lists of different
 * lengths; `topology/distance-matrix` and `plot/diagram` take any collection.
 */
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

/**
 * A symmetric matrix of `size` × `size` numbers, row-major in `values`, such as the pairwise
 * distances between diagrams. Row and column k are named `labels[k]` ("first 3", "second 3").
 */
export interface Matrix {
  size: number;
  values: Float64Array;
  labels: string[];
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
  /** Optional group of each point (an index into `groupNames`), drawn in its own colour. */
  groups?: Uint8Array;
  /** The legend's name of each group. */
  groupNames?: string[];
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

/**
 * A persistence diagram drawn as birth against death, one colour per homology dimension, with
 * the diagonal; points that never die sit on a line at the top marked ∞.
 */
export interface DiagramPlot {
  kind: 'diagram';
  title: string;
  diagram: Diagram;
  /** Optional lines printed under the title. */
  notes?: string[];
}

/**
 * A persistence diagram drawn as a barcode: one horizontal bar from birth to death per point,
 * grouped and coloured by homology dimension; bars that never end run to the right edge (∞).
 */
export interface BarcodePlot {
  kind: 'barcode';
  title: string;
  diagram: Diagram;
  /** Optional lines printed under the title. */
  notes?: string[];
}

/**
 * How an environment is drawn. A grid has `rows` × `cols` cells, row-major from the top left:
 * `cells[k]` is 0 for open ground, 1 for a wall and 2 for a cliff, `state[k]` the state of
 * cell k (-1 for a wall) and `wind[c]` the upward push in column c, when there is wind. A graph
 * places state s at (`x[s]`, `y[s]`) in unit-free coordinates.
 */
export type EnvironmentLayout =
  | {
      kind: 'grid';
      rows: number;
      cols: number;
      cells: Uint8Array;
      state: Int32Array;
      wind?: Int32Array;
    }
  | { kind: 'graph'; x: Float64Array; y: Float64Array };

/**
 * A tabular Markov decision process (`environment` socket). State s offers actions
 * 0..`actionsIn[s]`-1 (at most `actionCount`); taking action a leads to
 * `next[s * actionCount + a]` with mean reward `reward[s * actionCount + a]`, to which Gaussian
 * noise of variance `rewardVariances[s * actionCount + a]` is added, or of `rewardVariance` on
 * every action when that table is absent. With probability `slip` the agent takes an action
 * drawn uniformly from those of s instead of the one it chose. An episode starts in `start` and
 * ends on reaching a state with `terminal[s]` = 1, or after `maxSteps` steps. `definition` is the
 * JSON definition the environment was built from, so it can be saved and loaded again.
 */
export interface Environment {
  name: string;
  stateCount: number;
  actionCount: number;
  stateNames: string[];
  actionsIn: Int32Array;
  next: Int32Array;
  reward: Float64Array;
  rewardVariance: number;
  rewardVariances?: Float64Array;
  slip: number;
  start: number;
  terminal: Uint8Array;
  maxSteps: number;
  layout: EnvironmentLayout;
  definition: Record<string, unknown>;
}

/**
 * The runs of one agent (`rl-runs` socket) over `seeds` independent seeds of `episodes` each,
 * row-major by seed: `returns[seed * episodes + e]` is the undiscounted sum of rewards of
 * episode e, `steps` its length, and `startMaxQ` the largest Q-value of the start state at the
 * end of that episode. `meanQ` is the final Q-table averaged over seeds (state-major, as
 * `Environment.next`) and `greedyPath` the states visited following it greedily from the start.
 */
export interface RlRuns {
  name: string;
  method: string;
  seeds: number;
  episodes: number;
  returns: Float64Array;
  steps: Int32Array;
  startMaxQ: Float64Array;
  meanQ: Float64Array;
  greedyPath: Int32Array;
  environment: Environment;
}

/** One named curve of a line plot: `mean[i]` at `x[i]`, with an optional band lower..upper. */
export interface LineSeries {
  name: string;
  x: Float64Array;
  mean: Float64Array;
  lower?: Float64Array;
  upper?: Float64Array;
}

/** Curves on shared axes, each with its confidence band, such as learning curves of agents. */
export interface LinesPlot {
  kind: 'lines';
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  /** The y range to show, [min, max]; what lies outside is clipped. Absent: fit the data. */
  yRange?: [number, number];
  /** Optional lines printed under the title. */
  notes?: string[];
}

/** A picture of an environment (grid or graph) with an optional path of states drawn on it. */
export interface EnvironmentPlot {
  kind: 'environment';
  title: string;
  environment: Environment;
  path: Int32Array;
  /** Optional lines printed under the title. */
  notes?: string[];
}

/**
 * Samples (`samples` socket): `count` points in R^dim, row-major in `points`, such as data drawn
 * from a law or the output of a diffusion sampler.
 */
export interface Samples {
  dim: number;
  count: number;
  points: Float64Array;
}

/**
 * A diffusion noise schedule (`schedule` socket) of n = `alphas.length` steps: 0 < α_i < 1 at
 * `alphas[i - 1]` and the cumulative products ᾱ_i = α_1⋯α_i at `alphaBars[i - 1]`. `name`
 * says how it was made ("linear β", "cosine", ...).
 */
export interface Schedule {
  name: string;
  alphas: Float64Array;
  alphaBars: Float64Array;
}

/**
 * A Gaussian mixture on R^dim with diagonal covariances: component k has weight `weights[k]`
 * (summing to 1), mean `means[k * dim + j]` and variance `variances[k * dim + j]` in coordinate j.
 */
export interface GaussianMixture {
  dim: number;
  weights: Float64Array;
  means: Float64Array;
  variances: Float64Array;
}

/**
 * A noise predictor z_i(x) for a DDPM (`noise-predictor` socket). `exact-mixture` is the exact
 * predictor of Gaussian-mixture data, z_i(x) = −√(1−ᾱ_i) ∇log p_i(x), evaluated with the
 * schedule the sampler is given; `mlp` a trained network (`MlpNoisePredictor`).
 */
export type NoisePredictor =
  { kind: 'exact-mixture'; mixture: GaussianMixture } | MlpNoisePredictor;

/**
 * One dense layer of an MLP: y = x W + b with `weights` row-major (`inputs` × `outputs`) and
 * `bias` of length `outputs`, in float32 as trained.
 */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * A noise predictor learned by `diffusion/train-mlp`: an MLP with SiLU between its `layers`
 * whose input is x (`dim` numbers) followed by the time features sin(2^k π i/n), cos(2^k π i/n)
 * for k < `frequencies`. It was trained with the schedule whose ᾱ_i are `alphaBars`, and is
 * valid only with that schedule.
 */
export interface MlpNoisePredictor {
  kind: 'mlp';
  dim: number;
  frequencies: number;
  layers: DenseLayer[];
  alphaBars: Float64Array;
}

/**
 * Trajectories of a planar double pendulum in Cartesian coordinates (`trajectories` socket):
 * `count` trajectories of `steps` + 1 samples, `dt` seconds apart, starting at t = 0. Sample k
 * of trajectory n is at index i = n·(steps + 1) + k; `q`, `v`, `p` and `pdot` hold 4 numbers
 * per sample at 4i..4i+3, in the order (x₁, y₁, x₂, y₂) (metres, y up, pivot at the
 * origin), and `lambda` 2 per sample at 2i, 2i+1. The Lagrangian is
 * L = ½ vᵀMv − g(m₁y₁ + m₂y₂) with M = diag(m₁, m₁, m₂, m₂); the constraints
 * are φ₁ = x₁² + y₁² − l₁² and φ₂ = (x₂−x₁)² + (y₂−y₁)² − l₂².
 * So p = Mv, and the multipliers λ follow the one sign convention of issue 6, ṗ = ∂L/∂q +
 * Σ_r λ_r ∂φ_r/∂q (λ_r < 0 when rod r pulls, in N/m). `drift[i]` is the largest |φ_r|
 * (m²) the integrator left before projection at sample i.
 */
export interface Trajectories {
  steps: number;
  dt: number;
  count: number;
  q: Float64Array;
  v: Float64Array;
  p: Float64Array;
  pdot: Float64Array;
  lambda: Float64Array;
  drift: Float64Array;
  m1: number;
  m2: number;
  l1: number;
  l2: number;
  g: number;
}

/**
 * One dense layer of a mechanics network: y = x W + b with `weights` row-major (`inputs` ×
 * `outputs`) and `bias` of length `outputs`. Plain arrays, so a model written to JSON by
 * `kumiki run` reads back unchanged.
 */
export interface PlainLayer {
  inputs: number;
  outputs: number;
  weights: number[];
  bias: number[];
}

/**
 * A network trained on double-pendulum trajectories (`mechanics-model` socket): dense
 * `layers` with tanh between them and a linear last layer, input x = (q, v) ∈ R⁸. `kind`
 * 'lagrangian' outputs the scalar Lagrangian L(q, v) (Lagrange–Dirac network); 'acceleration'
 * outputs q̈ ∈ R⁴ (the unconstrained baseline). `loss[k]` is the training loss after step
 * `lossSteps[k]`, `heldOutLoss[k]` the loss on held-out trajectories there (NaN when none
 * were given). `system` is the pendulum the training data came from.
 */
export interface MechanicsModel {
  kind: 'lagrangian' | 'acceleration';
  layers: PlainLayer[];
  lossSteps: number[];
  loss: number[];
  heldOutLoss: number[];
  system: { m1: number; m2: number; l1: number; l2: number; g: number };
}

export type Plot =
  ScatterPlot | HeatmapPlot | DiagramPlot | BarcodePlot | LinesPlot | EnvironmentPlot;

/** The closed set of socket types and the value each carries. */
export interface SocketValues {
  'sentence-pairs': SentencePairs;
  'vector-pairs': VectorPairs;
  'cloud-pairs': CloudPairs;
  'diagram-pairs': DiagramPairs;
  numbers: Float64Array;
  correlation: Correlation;
  matrix: Matrix;
  plot: Plot;
  environment: Environment;
  'rl-runs': RlRuns;
  samples: Samples;
  schedule: Schedule;
  'noise-predictor': NoisePredictor;
  trajectories: Trajectories;
  'mechanics-model': MechanicsModel;
}

export type SocketType = keyof SocketValues;

export const SOCKET_TYPES: readonly SocketType[] = [
  'sentence-pairs',
  'vector-pairs',
  'cloud-pairs',
  'diagram-pairs',
  'numbers',
  'correlation',
  'matrix',
  'plot',
  'environment',
  'rl-runs',
  'samples',
  'schedule',
  'noise-predictor',
  'trajectories',
  'mechanics-model'
];
