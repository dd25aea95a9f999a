import type { SubgraphDefinition, SubgraphMap } from './subgraph';
import { definitionIdOf, definitionOf, subgraphType, usedDefinitions } from './subgraph';
import { exposeParam, freeName } from './subgraph-group';

/**
 * The definition with every exposed socket and param that points at a node, socket or param
 * no longer inside dropped, as after the inner graph was edited.
 */
export function pruneDefinition(
  def: SubgraphDefinition,
  has: (node: string, side: 'inputs' | 'outputs' | 'params', key: string) => boolean
): SubgraphDefinition {
  const fed = new Set(def.edges.map((e) => `${e.to.node}\u0000${e.to.input}`));
  const inputs = def.inputs
    .map((p) => ({
      ...p,
      targets: p.targets.filter(
        (t) => has(t.node, 'inputs', t.input) && !fed.has(`${t.node}\u0000${t.input}`)
      )
    }))
    .filter((p) => p.targets.length > 0);
  const outputs = def.outputs.filter((p) => has(p.from.node, 'outputs', p.from.output));
  const params = def.params.filter((p) => has(p.node, 'params', p.param));
  return { ...def, inputs, outputs, params };
}

/** What of an inner node a definition can show outside. */
export type ExposedKind = 'inputs' | 'outputs' | 'params';

/**
 * Shows the inner input, output or param `key` of `node` on the subgraph node, or hides it
 * when it is shown. Returns whether it is shown now. An input fed by an inner edge cannot be
 * shown (it already has its value); the caller checks that first.
 */
export function toggleExposed(
  def: SubgraphDefinition,
  node: string,
  kind: ExposedKind,
  key: string
): boolean {
  if (kind === 'params') {
    const index = def.params.findIndex((p) => p.node === node && p.param === key);
    if (index < 0) exposeParam(def, node, key);
    else def.params.splice(index, 1);
    return index < 0;
  }
  if (kind === 'outputs') {
    const index = def.outputs.findIndex((p) => p.from.node === node && p.from.output === key);
    if (index >= 0) def.outputs.splice(index, 1);
    else {
      const name = freeName(key, new Set(def.outputs.map((p) => p.name)));
      def.outputs.push({ name, from: { node, output: key } });
    }
    return index < 0;
  }
  const port = def.inputs.find((p) => p.targets.some((t) => t.node === node && t.input === key));
  if (port) {
    port.targets = port.targets.filter((t) => !(t.node === node && t.input === key));
    if (port.targets.length === 0) def.inputs.splice(def.inputs.indexOf(port), 1);
    return false;
  }
  const name = freeName(key, new Set(def.inputs.map((p) => p.name)));
  def.inputs.push({ name, targets: [{ node, input: key }] });
  return true;
}

/** Whether the inner socket or param is shown on the subgraph node. */
export function isExposed(
  def: SubgraphDefinition,
  node: string,
  kind: ExposedKind,
  key: string
): boolean {
  if (kind === 'params') return def.params.some((p) => p.node === node && p.param === key);
  if (kind === 'outputs') {
    return def.outputs.some((p) => p.from.node === node && p.from.output === key);
  }
  return def.inputs.some((p) => p.targets.some((t) => t.node === node && t.input === key));
}

/**
 * Merges definitions that come with pasted nodes into `existing`. An incoming definition equal
 * to the one here under its id (and using only definitions that are shared too) is shared; any
 * other whose id is taken gets a fresh id, and the definitions using it follow. Returns the
 * merged map and the new type of each incoming `subgraph/<id>`.
 */
export function mergeDefinitions(
  existing: SubgraphMap,
  incoming: SubgraphMap
): { merged: SubgraphMap; types: Map<string, string> } {
  const ids = Object.keys(incoming);
  const taken = new Set([...Object.keys(existing), ...ids]);
  const rename = new Map<string, string>();
  const fresh = (id: string) => {
    const name = freeName(id, taken);
    taken.add(name);
    rename.set(id, name);
  };
  for (const id of ids) {
    const here = definitionOf(existing, id);
    if (!here || JSON.stringify(here) === JSON.stringify(incoming[id])) rename.set(id, id);
    else fresh(id);
  }
  // A shared definition that uses a renamed one is not the same any more: rename it too.
  for (let changed = true; changed;) {
    changed = false;
    for (const id of ids) {
      const uses = usedDefinitions(incoming[id]);
      if (
        rename.get(id) === id &&
        definitionOf(existing, id) &&
        uses.some((u) => rename.get(u) !== u && rename.has(u))
      ) {
        fresh(id);
        changed = true;
      }
    }
  }

  const merged = { ...existing };
  const types = new Map<string, string>();
  for (const id of ids) {
    const def = structuredClone(incoming[id]);
    for (const node of def.nodes) {
      const used = definitionIdOf(node.type);
      if (used !== undefined && rename.has(used)) node.type = subgraphType(rename.get(used)!);
    }
    merged[rename.get(id)!] = def;
    types.set(subgraphType(id), subgraphType(rename.get(id)!));
  }
  return { merged, types };
}
