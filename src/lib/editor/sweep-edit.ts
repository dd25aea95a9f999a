import type { SweepAxis, SweepSpec } from '../graph/document';
import type { NumberParam } from '../graph/node-type';
import { parseParamText } from '../graph/params';
import { SWEEPABLE_TARGETS } from '../graph/sweep-check';
import type { KumikiNode } from './kumiki-node.svelte';

/** A number or integer param a sweep axis may vary. */
export interface ParamChoice {
  node: string;
  param: string;
  spec: NumberParam;
}

/** An output a sweep may collect. */
export interface TargetChoice {
  node: string;
  output: string;
  type: string;
}

/** The most values one axis may take, so a sweep stays a grid a person can read. */
export const MAX_AXIS_VALUES = 50;

/** Every number or integer param of the nodes, in node order. */
export function paramChoices(nodes: KumikiNode[]): ParamChoice[] {
  return nodes.flatMap((node) =>
    Object.entries(node.spec?.params ?? {}).flatMap(([param, spec]) =>
      spec.kind === 'number' || spec.kind === 'integer' ? [{ node: node.id, param, spec }] : []
    )
  );
}

/** Every output of a type a sweep can collect (a correlation or numbers), in node order. */
export function targetChoices(nodes: KumikiNode[]): TargetChoice[] {
  const collectable = SWEEPABLE_TARGETS as readonly string[];
  return nodes.flatMap((node) =>
    Object.entries(node.spec?.outputs ?? {}).flatMap(([output, socket]) =>
      collectable.includes(socket.type) ? [{ node: node.id, output, type: socket.type }] : []
    )
  );
}

/** The key a select uses for a node's param or output: `node.name`. */
export function choiceKey(node: string, name: string): string {
  return `${node}.${name}`;
}

/** An axis's values as a person types them: `1, 2, 4`. */
export function formatValues(values: readonly number[]): string {
  return values.join(', ');
}

/**
 * Reads a comma-separated list of values for `param`, each checked against its spec. Returns
 * the values, or a sentence saying which value is wrong and why.
 */
export function parseValues(
  param: string,
  spec: NumberParam,
  text: string
): { values: number[] } | { error: string } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0)
    return { error: `Give at least one value for "${param}", such as 1, 2, 4.` };
  if (parts.length > MAX_AXIS_VALUES) {
    return { error: `An axis takes at most ${MAX_AXIS_VALUES} values; found ${parts.length}.` };
  }

  const values: number[] = [];
  for (const part of parts) {
    const parsed = parseParamText(param, spec, part);
    if ('error' in parsed) return { error: parsed.error };
    const value = parsed.value as number;
    if (values.includes(value)) return { error: `The value ${value} is listed twice.` };
    values.push(value);
  }
  return { values };
}

/**
 * An axis over `choice`: keeps `previous` values when they all suit the new param, else starts
 * from the node's current value.
 */
export function axisFor(choice: ParamChoice, current: number, previous: number[] = []): SweepAxis {
  const text = formatValues(previous);
  const kept = previous.length > 0 ? parseValues(choice.param, choice.spec, text) : null;
  const values = kept && 'values' in kept ? kept.values : [current];
  return { node: choice.node, param: choice.param, values };
}

/** An edge as the default sweep needs it: which node feeds which. */
export interface Feed {
  source: string;
  target: string;
}

/**
 * A first sweep for a graph that has none: over a param of the selected node if it has one,
 * else of the node nearest upstream of the target, collecting the first correlation (else
 * numbers) output. Null when the graph has nothing to vary or nothing to collect.
 */
export function defaultSweep(
  nodes: KumikiNode[],
  feeds: Feed[],
  selectedId: string | null
): SweepSpec | null {
  const params = paramChoices(nodes);
  const targets = targetChoices(nodes);
  const target = targets.find((t) => t.type === 'correlation') ?? targets[0];
  if (!target || params.length === 0) return null;

  const upstream = ancestors(target.node, feeds);
  const nearest = (p: ParamChoice) => upstream.indexOf(p.node);
  const choice =
    params.find((p) => p.node === selectedId) ??
    params.filter((p) => nearest(p) >= 0).sort((a, b) => nearest(a) - nearest(b))[0] ??
    params[0];
  const current = nodes.find((n) => n.id === choice.node)?.params[choice.param];
  const value = typeof current === 'number' ? current : choice.spec.default;
  return {
    axes: [axisFor(choice, value)],
    target: { node: target.node, output: target.output }
  };
}

/** The nodes `id` depends on, nearest first (breadth first against the edges). */
function ancestors(id: string, feeds: Feed[]): string[] {
  const order: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const feed of feeds) {
      if (feed.target !== current || order.includes(feed.source) || feed.source === id) continue;
      order.push(feed.source);
      queue.push(feed.source);
    }
  }
  return order;
}
