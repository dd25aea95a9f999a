import { NodeInputError } from '../../src/lib/graph/node-type';
import type { MechanicsModel } from '../../src/lib/graph/values';

type System = MechanicsModel['system'];

const NAMES: Array<[keyof System, string]> = [
  ['m1', 'm₁'],
  ['m2', 'm₂'],
  ['l1', 'l₁'],
  ['l2', 'l₂'],
  ['g', 'g']
];

/**
 * Refuses data from another pendulum than the reference one: a network learns the Lagrangian
 * of one set of masses, lengths and g, and held-out data of another would be judged against
 * physics it never saw. Names the socket `name` and every value that differs (relative
 * difference above 1e-9, so that numbers that went through JSON still match).
 */
export function requireSameSystem(
  reference: System | undefined,
  what: string,
  other: System,
  name: string
): void {
  if (!reference) return;
  const differ = NAMES.filter(([key]) => {
    const a = reference[key];
    const b = other[key];
    return !(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  });
  if (differ.length === 0) return;
  const list = differ.map(([key, label]) => `${label} ${other[key]} vs ${reference[key]}`);
  throw new NodeInputError(
    `Input "${name}" comes from a different pendulum than ${what}: ${list.join(', ')}. ` +
      'Generate both with the same masses, lengths and g.',
    name
  );
}
