import { NodeInputError, type Params } from '../../src/lib/graph/node-type';

/**
 * Reads a text param holding numbers separated by commas (or spaces), such as "0.3, 0.7".
 * Throws a NodeInputError naming the param when an entry is not a finite number or the list is
 * empty.
 */
export function readNumberList(params: Params, name: string, fallback: string): number[] {
  const text = String(params[name] ?? fallback).trim();
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new NodeInputError(`Param "${name}" must list at least one number; it is empty.`, name);
  }

  return entries.map((entry, k) => {
    const value = Number(entry);
    if (!Number.isFinite(value)) {
      throw new NodeInputError(
        `Param "${name}" must hold finite numbers; entry ${k + 1} is "${entry}".`,
        name
      );
    }
    return value;
  });
}

/**
 * Reads a text param holding one group of numbers per item, groups separated by semicolons and
 * numbers by commas, such as "-2, 0; 2, 0" (two points in the plane). Every group must hold
 * `size` numbers; a group of one number is repeated when `size` > 1 and `allowScalar` is set.
 */
export function readGroups(
  params: Params,
  name: string,
  fallback: string,
  size: number,
  allowScalar = false
): number[][] {
  const groups = String(params[name] ?? fallback)
    .split(';')
    .map((group) => group.trim())
    .filter((group) => group !== '');

  return groups.map((group, k) => {
    const values = readNumberList({ [name]: group }, name, '');
    if (values.length === size) return values;
    if (allowScalar && values.length === 1) return new Array<number>(size).fill(values[0]);
    throw new NodeInputError(
      `Param "${name}" must give ${size} number${size === 1 ? '' : 's'} per item ` +
        `(items separated by ";"); item ${k + 1} has ${values.length}.`,
      name
    );
  });
}
