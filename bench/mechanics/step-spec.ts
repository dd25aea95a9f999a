import { initLayers } from '../../nodes/mechanics/network';
import { seededRandom } from '../../src/lib/engine/random';

/**
 * The network and batch every mechanics step bench uses (in Node, in the browser and, through
 * a JSON file, in PyTorch): MLP 8-256-256-256-256-1 with seeded Glorot weights, inputs
 * (q, v) with |q| ≤ 1.5 and |v| ≤ 3, and targets in [−2, 2].
 */
export function stepSpec(batch: number) {
  const random = seededRandom(1, 'bench-mechanics');
  const layers = initLayers([8, 256, 256, 256, 256, 1], random);
  const x = Float32Array.from(
    { length: 8 * batch },
    (_, i) => (2 * random() - 1) * (i % 8 < 4 ? 1.5 : 3)
  );
  const target = Float32Array.from({ length: 8 * batch }, () => 4 * (random() - 0.5));
  return { layers, x, target };
}
