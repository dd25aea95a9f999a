import { MACHINE_EPSILON } from './tsne-affinities';

/** The schedule of the gradient descent, with scikit-learn's defaults for exact t-SNE. */
export interface TsneSchedule {
  iterations: number;
  /** Step size; scikit-learn's 'auto' is max(count / exaggeration / 4, 50). */
  learningRate: number;
  /** Factor on P during the first `exaggerationIterations` iterations (12). */
  exaggeration: number;
  exaggerationIterations: number;
}

/** Iterations of early exaggeration, with momentum 0.5; later ones use momentum 0.8. */
export const EXPLORATION_ITERATIONS = 250;
/** The early exaggeration factor of van der Maaten (2014) and scikit-learn. */
export const EARLY_EXAGGERATION = 12;

const MIN_GAIN = 0.01;

/**
 * The gradient of the Kullback–Leibler divergence KL(P‖Q) of t-SNE in two dimensions, exact,
 * written into `gradient`: ∂C/∂y_i = 4 Σ_j (α p_ij − q_ij) w_ij (y_i − y_j), with
 * Student-t weights w_ij = 1 / (1 + |y_i − y_j|²) and q_ij = w_ij / Σ_{k≠l} w_kl (van der
 * Maaten and Hinton 2008, eq. 5). One pass over the count²/2 pairs: the attractive and repulsive
 * sums are kept apart, and the repulsion is divided by the normaliser Σ w once it is known.
 */
export function klGradient(
  joint: Float64Array,
  y: Float64Array,
  exaggeration: number,
  gradient: Float64Array,
  repulsion: Float64Array
): void {
  const count = y.length / 2;
  gradient.fill(0);
  repulsion.fill(0);
  let normaliser = 0;

  let k = 0;
  for (let i = 0; i < count; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    for (let j = i + 1; j < count; j++) {
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const w = 1 / (1 + dx * dx + dy * dy);
      const attract = exaggeration * joint[k++] * w;
      const repel = w * w;
      normaliser += 2 * w;
      gradient[2 * i] += attract * dx;
      gradient[2 * i + 1] += attract * dy;
      gradient[2 * j] -= attract * dx;
      gradient[2 * j + 1] -= attract * dy;
      repulsion[2 * i] += repel * dx;
      repulsion[2 * i + 1] += repel * dy;
      repulsion[2 * j] -= repel * dx;
      repulsion[2 * j + 1] -= repel * dy;
    }
  }

  for (let c = 0; c < gradient.length; c++) {
    gradient[c] = 4 * (gradient[c] - repulsion[c] / normaliser);
  }
}

/**
 * KL(P‖Q) = Σ_{i≠j} p_ij log(p_ij / q_ij) of an embedding, with q_ij floored at
 * MACHINE_EPSILON as scikit-learn does (its `kl_divergence_`). `joint` is condensed.
 */
export function klDivergence(joint: Float64Array, y: Float64Array): number {
  const count = y.length / 2;
  const weights = new Float64Array(joint.length);
  let normaliser = 0;
  let k = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      weights[k] = 1 / (1 + dx * dx + dy * dy);
      normaliser += 2 * weights[k++];
    }
  }

  let divergence = 0;
  for (let m = 0; m < joint.length; m++) {
    const q = Math.max(weights[m] / normaliser, MACHINE_EPSILON);
    divergence += 2 * joint[m] * Math.log(Math.max(joint[m], MACHINE_EPSILON) / q);
  }
  return divergence;
}

/**
 * The state of the gradient descent with momentum and per-coordinate gains (Jacobs 1988, as
 * in van der Maaten's t-SNE and scikit-learn): a gain grows by 0.2 while the gradient keeps its
 * sign against the last update and shrinks by a factor 0.8 otherwise, never below 0.01.
 */
export class TsneDescent {
  private readonly gradient: Float64Array;
  private readonly repulsion: Float64Array;
  private update: Float64Array;
  private gains: Float64Array;

  constructor(
    private readonly joint: Float64Array,
    readonly y: Float64Array,
    private readonly schedule: TsneSchedule
  ) {
    this.gradient = new Float64Array(y.length);
    this.repulsion = new Float64Array(y.length);
    this.update = new Float64Array(y.length);
    this.gains = new Float64Array(y.length).fill(1);
  }

  /**
   * Iteration `t` (0-based). At the end of early exaggeration the update and the gains start
   * afresh, as scikit-learn runs its two phases as two separate descents.
   */
  step(t: number): void {
    const { exaggeration, exaggerationIterations, learningRate } = this.schedule;
    const exploring = t < exaggerationIterations;
    if (t === exaggerationIterations) {
      this.update = new Float64Array(this.y.length);
      this.gains = new Float64Array(this.y.length).fill(1);
    }

    klGradient(this.joint, this.y, exploring ? exaggeration : 1, this.gradient, this.repulsion);

    const momentum = exploring ? 0.5 : 0.8;
    const { gradient, update, gains, y } = this;
    for (let c = 0; c < y.length; c++) {
      gains[c] = update[c] * gradient[c] < 0 ? gains[c] + 0.2 : gains[c] * 0.8;
      if (gains[c] < MIN_GAIN) gains[c] = MIN_GAIN;
      update[c] = momentum * update[c] - learningRate * gains[c] * gradient[c];
      y[c] += update[c];
    }
  }
}
