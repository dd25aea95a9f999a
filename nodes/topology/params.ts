import { NodeInputError, type NumberParam, type Params } from '../../src/lib/graph/node-type';

/**
 * Reads a number or integer param, falling back to its spec's default when it is absent, and
 * checks it against the spec's bounds. Throws a NodeInputError naming the param otherwise.
 */
export function readNumberParam(params: Params, name: string, spec: NumberParam): number {
  const value = params[name] ?? spec.default;
  const bounds = `between ${spec.min ?? '-Infinity'} and ${spec.max ?? 'Infinity'}`;

  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new NodeInputError(`Param "${name}" must be a number; found ${String(value)}.`, name);
  }
  if (spec.kind === 'integer' && !Number.isInteger(value)) {
    throw new NodeInputError(`Param "${name}" must be a whole number; found ${value}.`, name);
  }
  if (
    (spec.min !== undefined && value < spec.min) ||
    (spec.max !== undefined && value > spec.max)
  ) {
    throw new NodeInputError(`Param "${name}" must be ${bounds}; found ${value}.`, name);
  }
  return value;
}

/** Reads an enum param, falling back to `fallback` when absent; throws when not in `options`. */
export function readEnumParam<T extends string>(
  params: Params,
  name: string,
  options: readonly T[],
  fallback: T
): T {
  const value = params[name] ?? fallback;

  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    const expected = options.map((option) => `"${option}"`).join(', ');
    throw new NodeInputError(
      `Param "${name}" must be one of ${expected}; found ${JSON.stringify(value)}.`,
      name
    );
  }
  return value as T;
}
