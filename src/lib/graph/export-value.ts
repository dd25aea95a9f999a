import type { Diagram } from './values';

/**
 * Turns an output value into plain JSON: typed arrays become arrays, a persistence diagram
 * becomes `[[dimension, birth, death], ...]` with `null` for a death that never comes, and any
 * other non-finite number becomes `null` (JSON has no Infinity or NaN).
 */
export function toJsonValue(value: unknown): unknown {
  if (isDiagram(value)) return diagramRows(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, finiteOrNull);
  }
  if (typeof value === 'number') return finiteOrNull(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

/** A diagram as rows of `[dimension, birth, death]`, `null` for an infinite death. */
export function diagramRows(diagram: Diagram): Array<[number, number, number | null]> {
  const rows: Array<[number, number, number | null]> = [];
  for (let k = 0; k < diagram.birth.length; k++) {
    rows.push([diagram.dimension[k], diagram.birth[k], finiteOrNull(diagram.death[k])]);
  }
  return rows;
}

function isDiagram(value: unknown): value is Diagram {
  const v = value as Partial<Diagram> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.dimension instanceof Int32Array &&
    v.birth instanceof Float64Array &&
    v.death instanceof Float64Array
  );
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
