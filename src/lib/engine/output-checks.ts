import type { NodeType } from '../graph/node-type';
import type { SocketType } from '../graph/values';

/**
 * The most bytes one node's outputs may hold, counted over their typed arrays, numbers and
 * text. Past this a node fails with a message instead of filling the memory of the tab or
 * the process with values no later node could use.
 */
export const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/**
 * Socket types that carry measured or computed numbers, where NaN means a computation went
 * wrong. Infinity stays allowed: a diagram's essential classes die at Infinity.
 */
const NUMERIC_SOCKETS = new Set<SocketType>([
  'numbers',
  'correlation',
  'vector-pairs',
  'cloud-pairs',
  'diagram-pairs',
  'matrix',
  'samples',
  'schedule',
  'trajectories'
]);

/** Checks a node's outputs after its run; returns a message for the first problem found. */
export function checkOutputs(
  type: NodeType,
  outputs: Record<string, unknown>,
  maxBytes = MAX_OUTPUT_BYTES
): string | undefined {
  if (typeof outputs !== 'object' || outputs === null) {
    return `The node type "${type.type}" returned no outputs. This is a bug in the node.`;
  }
  let bytes = 0;
  for (const [name, socket] of Object.entries(type.outputs)) {
    const value = outputs[name];
    if (value === undefined) {
      return (
        `The node type "${type.type}" returned no value for its output "${name}". ` +
        'This is a bug in the node.'
      );
    }
    bytes += sizeOf(value, maxBytes - bytes);
    if (bytes > maxBytes) {
      const mb = (n: number) => Math.round(n / 1024 / 1024);
      return (
        `The outputs of the node hold more than ${mb(maxBytes)} MB, its memory budget ` +
        `(reached at the output "${name}"). Choose params that give smaller results.`
      );
    }
    if (NUMERIC_SOCKETS.has(socket.type)) {
      const where = findNaN(value);
      if (where !== undefined) {
        const at = where ? ` at ${where}` : '';
        return (
          `The output "${name}" holds NaN (not a number)${at}: a computation went wrong, ` +
          'often from a param out of its useful range or an input with too few values.'
        );
      }
    }
  }
  return undefined;
}

/** The approximate bytes of a value, walked without recursion; stops counting past `limit`. */
export function sizeOf(value: unknown, limit = Infinity): number {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length && bytes <= limit) {
    const v = stack.pop();
    if (typeof v === 'number' || typeof v === 'boolean') bytes += 8;
    else if (typeof v === 'string') bytes += 2 * v.length;
    else if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (v instanceof ArrayBuffer) bytes += v.byteLength;
    else if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return bytes;
}

/**
 * Where the first NaN in a value is, as a path such as `first[3][7]` ('' for the value
 * itself), or undefined when there is none.
 */
export function findNaN(value: unknown): string | undefined {
  const seen = new Set<object>();
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return path;
    } else if (v instanceof Float64Array || v instanceof Float32Array) {
      const i = v.findIndex(Number.isNaN);
      if (i >= 0) return `${path}[${i}]`;
    } else if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && !seen.has(v)) {
      seen.add(v);
      const entries = Object.entries(v);
      for (let k = entries.length - 1; k >= 0; k--) {
        const [key, child] = entries[k];
        const step = Array.isArray(v) ? `[${key}]` : path ? `.${key}` : key;
        stack.push({ value: child, path: path + step });
      }
    }
  }
  return undefined;
}
