import { NodeInputError } from '../src/lib/graph/node-type';

/**
 * The value on input `name`, or a NodeInputError naming it when nothing is there. The executor
 * already refuses to run a node with an unconnected required input; this keeps a node's own
 * message when it is run directly (tests, benches) or fed an upstream value of nothing.
 */
export function requireInput<T>(inputs: Record<string, unknown>, name: string): T {
  const value = inputs[name];
  if (value === undefined || value === null) {
    throw new NodeInputError(`Input "${name}" is not connected.`, name);
  }
  return value as T;
}
