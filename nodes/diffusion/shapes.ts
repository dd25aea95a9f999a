import type { NodeType, NumberParam } from '../../src/lib/graph/node-type';
import type { Samples } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import { COUNT } from './mixture-nodes';
import { normalSource } from './normal';

const NOISE: NumberParam = {
  kind: 'number',
  default: 0.05,
  min: 0,
  max: 10,
  help: 'Standard deviation of the Gaussian noise added to each coordinate.'
};

/** A point on a shape's curve from two uniforms in [0, 1): (u picks the place, v the branch). */
type Curve = (u: number, v: number) => [number, number];

/**
 * Two interleaved half circles of radius 1: the upper one centred at (0, 0), the lower one
 * centred at (1, 0.5) and turned over, each point on either with probability 1/2.
 */
export const twoMoons: Curve = (u, v) => {
  const t = Math.PI * u;
  return v < 0.5 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
};

/**
 * A 2-D Swiss roll: the spiral (t cos t, t sin t) / 5 for t uniform in [1.5π, 4.5π], so its
 * points lie within about 2.8 of the origin.
 */
export const swissRoll: Curve = (u) => {
  const t = 1.5 * Math.PI * (1 + 2 * u);
  return [(t * Math.cos(t)) / 5, (t * Math.sin(t)) / 5];
};

/**
 * Two concentric circles of radius 1 and 2 about the origin, each point on either with
 * probability 1/2.
 */
export const rings: Curve = (u, v) => {
  const radius = v < 0.5 ? 1 : 2;
  const t = 2 * Math.PI * u;
  return [radius * Math.cos(t), radius * Math.sin(t)];
};

/**
 * Draws `count` seeded points on `curve`, with isotropic Gaussian noise of standard deviation
 * `noise` added to each coordinate.
 */
export function sampleCurve(
  curve: Curve,
  count: number,
  noise: number,
  random: () => number
): Samples {
  const normal = normalSource(random);
  const points = new Float64Array(2 * count);

  for (let p = 0; p < count; p++) {
    const [x, y] = curve(random(), random());
    points[2 * p] = x + noise * normal();
    points[2 * p + 1] = y + noise * normal();
  }

  return { dim: 2, count, points };
}

function shapeNode(name: string, title: string, curve: Curve, description: string): NodeType {
  return {
    type: `diffusion/${name}`,
    version: 1,
    title,
    category: 'diffusion',
    description,
    inputs: {},
    outputs: { samples: { type: 'samples', label: 'samples' } },
    params: { count: COUNT, noise: NOISE },

    async run(_inputs, params, context) {
      const count = readNumberParam(params, 'count', COUNT);
      const noise = readNumberParam(params, 'noise', NOISE);
      return { samples: sampleCurve(curve, count, noise, context.random) };
    }
  };
}

/** Node `diffusion/two-moons`: seeded points on two interleaved half circles (`twoMoons`). */
export const twoMoonsNode = shapeNode(
  'two-moons',
  'Two moons',
  twoMoons,
  'Draws seeded points on two interleaved half circles in the plane, with Gaussian noise.'
);

/** Node `diffusion/swiss-roll`: seeded points on a 2-D spiral (`swissRoll`). */
export const swissRollNode = shapeNode(
  'swiss-roll',
  'Swiss roll (2-D)',
  swissRoll,
  'Draws seeded points on a planar spiral (t cos t, t sin t) / 5, with Gaussian noise.'
);

/** Node `diffusion/rings`: seeded points on two concentric circles (`rings`). */
export const ringsNode = shapeNode(
  'rings',
  'Rings',
  rings,
  'Draws seeded points on two concentric circles of radius 1 and 2, with Gaussian noise.'
);
