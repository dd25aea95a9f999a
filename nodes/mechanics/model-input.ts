import { NodeInputError } from '../../src/lib/graph/node-type';
import type { MechanicsModel } from '../../src/lib/graph/values';
import { requireInput } from '../inputs';

const EXPECTED = {
  lagrangian: 'a Lagrangian network (8 inputs, 1 output)',
  acceleration: 'an acceleration network (8 inputs, 4 outputs)'
};

/** The model on an input socket, checked to be of the expected kind and to take (q, v). */
export function readModel(
  inputs: Record<string, unknown>,
  name: string,
  kind: MechanicsModel['kind']
): MechanicsModel {
  const model = requireInput<MechanicsModel>(inputs, name);
  const outputs = kind === 'lagrangian' ? 1 : 4;
  const layers = model.layers ?? [];
  if (model.kind !== kind || layers[0]?.inputs !== 8 || layers.at(-1)?.outputs !== outputs) {
    const article = model.kind === 'acceleration' ? 'an' : 'a';
    const found =
      `${article} ${model.kind ?? 'unknown'} network with ${layers[0]?.inputs} inputs ` +
      `and ${layers.at(-1)?.outputs} outputs`;
    throw new NodeInputError(`Input "${name}" must be ${EXPECTED[kind]}; it is ${found}.`, name);
  }
  return model;
}
