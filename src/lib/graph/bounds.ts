/**
 * The bounds a graph file must keep, so that a file from a stranger cannot freeze the tab or
 * exhaust memory before Kumiki can say what is wrong with it. docs/security.md lists them.
 */

/** The largest graph file Kumiki reads, in characters. */
export const MAX_GRAPH_CHARS = 20_000_000;

/**
 * How deeply values may nest. A graph file needs six levels (file, nodes, node, params, a
 * sweep's axes and values); the bound leaves room and keeps every recursive walk (JSON,
 * structured clone) far from the stack's limit.
 */
export const MAX_DEPTH = 64;

/**
 * The most nodes a graph may have: ten times the largest graph the editor is measured with
 * (bench/editor), so real work fits while a million-node file is refused before it is drawn.
 */
export const MAX_NODES = 10_000;

/** The longest text a text or file param may hold, in characters. */
export const MAX_TEXT_PARAM = 100_000;

/** The most edges a graph may have: five per node on average. */
export const MAX_EDGES = 50_000;

/**
 * The deepest nesting of `[` and `{` in JSON text, counted without recursion; stops counting
 * once `limit` is passed and returns the depth reached.
 */
export function textDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * The deepest nesting of arrays and objects in a value, walked without recursion; returns
 * Infinity for a value that contains itself, and stops once `limit` is passed.
 */
export function valueDepth(value: unknown, limit = MAX_DEPTH): number {
  let deepest = 0;
  const onPath = new Set<object>();
  const stack: { value: unknown; depth: number; leave?: object }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (item.leave) {
      onPath.delete(item.leave);
      continue;
    }
    const v = item.value;
    if (typeof v !== 'object' || v === null) continue;
    if (onPath.has(v)) return Infinity;
    const depth = item.depth + 1;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    onPath.add(v);
    stack.push({ value: undefined, depth, leave: v });
    for (const child of Object.values(v)) stack.push({ value: child, depth });
  }
  return deepest;
}

/** A short description of any value for a message, safe for huge or deeply nested values. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, 40));
    return value.length > 40 ? `${shown.slice(0, -1)}…"` : shown;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}
