import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { CloudPairs, Diagram, DiagramPairs, PointCloud } from '../../src/lib/graph/values';
import { forEachPair, listLengths } from './pair-loop';
import { readEnumParam, readNumberParam } from './params';
import { METRICS, ripsEdgesSteps, type Metric } from './rips';
import { ripsH0 } from './rips-h0';
import { ripsH1Steps } from './rips-h1';
import { ripsH2Steps } from './rips-h2';
import { finish, finishPaced, type Steps } from './steps';

const MAX_DIMENSION: NumberParam = {
  kind: 'integer',
  default: 1,
  min: 0,
  max: 2,
  help: 'Highest homology dimension to compute: 0 (components), 1 (loops) or 2 (voids).'
};
const THRESHOLD: NumberParam = {
  kind: 'number',
  default: 0,
  min: 0,
  max: 1e12,
  unit: 'point units',
  help: 'Longest edge in the complex; 0 means no threshold (the full filtration).'
};

/** Options of `ripsPersistence`. */
export interface RipsOptions {
  /** Highest homology dimension: 0, 1 or 2. */
  maxDimension: number;
  /** Longest edge length admitted; Infinity (or 0, as in the node param) means none. */
  threshold: number;
  /** The distance between points; Euclidean when absent. */
  metric?: Metric;
}

/**
 * Persistence diagram of the Vietoris–Rips filtration of a point cloud in dimensions 0 up to
 * `maxDimension` (at most 2), exact, over Z/2, with edge lengths under the chosen metric
 * (Euclidean, Chebyshev or Manhattan). Dimension 0 comes from Kruskal's algorithm (`ripsH0`),
 * dimensions 1 and 2 from Ripser-style cohomology reductions (`ripsH1`, `ripsH2`).
 *
 * It gives the pairs of GUDHI's `RipsComplex(points=…, max_edge_length=…)
 * .create_simplex_tree(max_dimension=maxDimension + 1).persistence()`, or for the other metrics
 * of `RipsComplex(distance_matrix=…)` on SciPy's distances: births and deaths are edge lengths;
 * pairs of length zero are left out (GUDHI keeps only death − birth > min_persistence = 0);
 * each connected component gives one class (0, Infinity), so a non-empty cloud without
 * threshold has exactly one; an empty cloud gives an empty diagram. Two differences, both in
 * cases the pipeline never meets: GUDHI skips the complex's top dimension, so with a threshold
 * that leaves no simplex of dimension maxDimension + 1 it omits the classes of dimension
 * maxDimension, where we report them (essential ones included); and GUDHI works
 * over Z/11, which differs from Z/2 only when the complex has 2-torsion (a projective plane).
 * Points come sorted by dimension, then birth, then death.
 */
export function ripsPersistence(cloud: PointCloud, options: RipsOptions): Diagram {
  return finish(ripsPersistenceSteps(cloud, options));
}

/**
 * `ripsPersistence` that awaits `pause` every few thousand units of work while it builds the
 * edges and reduces in dimensions 1 and 2, the long parts of one cloud, so that a run can be
 * cancelled within a cloud. The diagram is identical to `ripsPersistence`'s.
 */
export function ripsPersistencePaced(
  cloud: PointCloud,
  options: RipsOptions,
  pause: () => Promise<void>
): Promise<Diagram> {
  return finishPaced(ripsPersistenceSteps(cloud, options), pause);
}

/** `ripsPersistence` as a stepwise computation (see `steps.ts`). */
function* ripsPersistenceSteps(cloud: PointCloud, options: RipsOptions): Steps<Diagram> {
  const threshold = options.threshold > 0 ? options.threshold : Infinity;
  const edges = yield* ripsEdgesSteps(cloud, threshold, options.metric ?? 'euclidean');
  const h0 = ripsH0(edges);

  const dimension: number[] = [];
  const birth: number[] = [];
  const death: number[] = [];
  const add = (dim: number, b: number, d: number) => {
    dimension.push(dim);
    birth.push(b);
    death.push(d);
  };

  for (const d of h0.death) add(0, 0, d);
  for (let k = 0; k < h0.essential; k++) add(0, 0, Infinity);
  const addSorted = (dim: number, pairs: { birth: number[]; death: number[] }) => {
    const order = Array.from(pairs.birth.keys()).sort(
      (a, b) => pairs.birth[a] - pairs.birth[b] || pairs.death[a] - pairs.death[b]
    );
    for (const k of order) add(dim, pairs.birth[k], pairs.death[k]);
  };

  if (options.maxDimension >= 1) {
    const h1 = yield* ripsH1Steps(edges, h0.killer);
    addSorted(1, h1);
    if (options.maxDimension >= 2) addSorted(2, yield* ripsH2Steps(edges, h1));
  }

  return {
    dimension: Int32Array.from(dimension),
    birth: Float64Array.from(birth),
    death: Float64Array.from(death)
  };
}

/** Checks that a point cloud is well formed and holds finite coordinates only. */
export function checkCloud(cloud: PointCloud, field: string, where: string): void {
  const ok = cloud && Number.isInteger(cloud.count) && Number.isInteger(cloud.dim);
  if (!ok || cloud.points.length !== cloud.count * cloud.dim) {
    const found = ok ? `${cloud.points.length} numbers` : 'a malformed cloud';
    const expected = ok
      ? `${cloud.count} × ${cloud.dim} = ${cloud.count * cloud.dim}`
      : 'count × dim';
    throw new NodeInputError(
      `Input "${field}" must hold ${expected} coordinates for ${where}; found ${found}.`,
      field
    );
  }

  for (let k = 0; k < cloud.points.length; k++) {
    if (!Number.isFinite(cloud.points[k])) {
      const point = Math.floor(k / cloud.dim);
      throw new NodeInputError(
        `Input "${field}" must hold finite coordinates; ${where} has ${cloud.points[k]} ` +
          `at point ${point}.`,
        field
      );
    }
  }
}

/**
 * Node `topology/persistence`: the Vietoris–Rips persistence diagram (dimensions 0 up to
 * `maxDimension`) of each point cloud, computed by `ripsPersistence`. Pairs stay pairs; an
 * unpaired collection (second empty) gives diagrams in first and none in second.
 */
export const persistenceNode: NodeType = {
  type: 'topology/persistence',
  version: 1,
  title: 'Rips persistence',
  category: 'topology',
  description:
    'Computes the Vietoris–Rips persistence diagram of each point cloud in dimensions 0, 1 and ' +
    'on request 2, exactly, with the conventions of GUDHI.',
  inputs: { clouds: { type: 'cloud-pairs', label: 'point clouds' } },
  outputs: { diagrams: { type: 'diagram-pairs', label: 'diagrams' } },
  params: {
    maxDimension: MAX_DIMENSION,
    threshold: THRESHOLD,
    metric: {
      kind: 'enum',
      default: 'euclidean',
      options: METRICS,
      help: 'Distance between points: Euclidean, Chebyshev (largest coordinate gap) or Manhattan.'
    }
  },

  async run(inputs, params, context) {
    const options: RipsOptions = {
      maxDimension: readNumberParam(params, 'maxDimension', MAX_DIMENSION),
      threshold: readNumberParam(params, 'threshold', THRESHOLD),
      metric: readEnumParam(params, 'metric', METRICS, 'euclidean')
    };
    const clouds = inputs.clouds as CloudPairs;
    const lengths = listLengths(clouds, 'clouds');

    // Every cloud of both lists in one loop: first[0..], then second[0..], which may be empty.
    const diagrams: DiagramPairs = {
      first: new Array(lengths.first),
      second: new Array(lengths.second)
    };
    // One cloud can take seconds (dimension 2, many points): pause inside it too.
    const count = lengths.first + lengths.second;
    await forEachPair(count, context, async (k, pacer) => {
      const side = k < lengths.first ? 'first' : 'second';
      const i = side === 'first' ? k : k - lengths.first;
      const where = lengths.second === 0 ? `cloud ${i}` : `the ${side} cloud of pair ${i}`;
      checkCloud(clouds[side][i], 'clouds', where);
      diagrams[side][i] = await ripsPersistencePaced(clouds[side][i], options, () =>
        pacer.tick(k / count)
      );
    });

    return { diagrams };
  }
};
