import { NodeInputError } from '../../src/lib/graph/node-type';
import type { VectorPairs } from '../../src/lib/graph/values';
import { pairCount } from './pair-loop';

/**
 * Checks a vector-pairs value and returns its number of pairs: as many first as second vectors,
 * every vector with `dim` components, every component finite. Errors name the socket, the pair,
 * which vector of it and the component at fault.
 */
export function checkVectorPairs(value: unknown, socket: string): number {
  const count = pairCount(
    value,
    socket,
    'vectors',
    'There must be one vector per sentence of each pair; check the node that made them.'
  );
  const vectors = value as VectorPairs;
  const dim = vectors.dim;
  if (!Number.isInteger(dim) || dim < 1) {
    throw new NodeInputError(
      `Input "${socket}" must give its vector length "dim" as a whole number of at least 1; ` +
        `found ${String(dim)}.`,
      socket
    );
  }

  for (let i = 0; i < count; i++) {
    checkVector(vectors.first[i], dim, socket, `the first vector of pair ${i}`);
    checkVector(vectors.second[i], dim, socket, `the second vector of pair ${i}`);
  }
  return count;
}

function checkVector(vector: ArrayLike<number>, dim: number, socket: string, where: string) {
  const length = vector?.length;
  if (length !== dim) {
    throw new NodeInputError(
      `Input "${socket}" must hold vectors of ${dim} components (its "dim"); ${where} has ` +
        `${length ?? 'no'} components. Vectors of one run must all come from the same model.`,
      socket
    );
  }

  for (let k = 0; k < dim; k++) {
    if (!Number.isFinite(vector[k])) {
      throw new NodeInputError(
        `Input "${socket}" must hold finite numbers; ${where} has ${vector[k]} at component ` +
          `${k}. Check the embedding or the vectors file that made it.`,
        socket
      );
    }
  }
}
