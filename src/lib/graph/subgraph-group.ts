import type { GraphDocument, GraphEdge, GraphNode, SweepSpec } from './document';
import type { SubgraphDefinition, SubgraphInput, SubgraphOutput } from './subgraph';
import { definitionIdOf, definitionOf, subgraphType } from './subgraph';

/** Where inner nodes start inside a definition, so its canvas opens with a margin. */
const INNER_ORIGIN = { x: 40, y: 40 };

/** A name not in `taken`: `base`, then `base2`, `base3`, ... (ids and socket names alike). */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  let clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 56);
  if (!/^[A-Za-z]/.test(clean)) clean = `n${clean}`;
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}${i}`)) return `${clean}${i}`;
}

/** What grouping made: the new graph, the definition's id and the new node's id. */
export interface Grouped {
  doc: GraphDocument;
  definitionId: string;
  instanceId: string;
}

/**
 * Collapses the nodes `ids` of `doc` into one subgraph node. Edges between them move inside;
 * an edge from outside becomes an input (one per outside output, however many inner inputs it
 * feeds), an edge to outside becomes an output (one per inner output). A sweep axis on a
 * grouped node's param is kept by exposing that param; a sweep target inside is exposed too.
 */
export function groupNodes(doc: GraphDocument, ids: readonly string[], title?: string): Grouped {
  const chosen = new Set(ids.filter((id) => doc.nodes.some((n) => n.id === id)));
  if (chosen.size === 0) throw new Error('Select at least one node to group.');
  const inner = doc.nodes.filter((n) => chosen.has(n.id));
  const corner = {
    x: Math.min(...inner.map((n) => n.position.x)),
    y: Math.min(...inner.map((n) => n.position.y))
  };

  const subgraphs = { ...(doc.subgraphs ?? {}) };
  const definitionId = freeName('group', new Set(Object.keys(subgraphs)));
  const instanceId = freeName(definitionId, new Set(doc.nodes.map((n) => n.id)));
  const def: SubgraphDefinition = {
    title: title ?? `Group ${definitionId.replace(/^group/, '') || '1'}`,
    nodes: inner.map((n) => ({
      ...structuredClone(n),
      position: {
        x: n.position.x - corner.x + INNER_ORIGIN.x,
        y: n.position.y - corner.y + INNER_ORIGIN.y
      }
    })),
    edges: structuredClone(
      doc.edges.filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node))
    ),
    inputs: [],
    outputs: [],
    params: []
  };

  const outside: GraphEdge[] = [];
  const inputBySource = new Map<string, SubgraphInput>();
  const outputBySource = new Map<string, SubgraphOutput>();
  const names = { inputs: new Set<string>(), outputs: new Set<string>() };
  for (const edge of doc.edges) {
    const fromIn = chosen.has(edge.from.node);
    const toIn = chosen.has(edge.to.node);
    if (fromIn === toIn) {
      if (!fromIn) outside.push(edge);
      continue;
    }
    if (toIn) {
      const key = `${edge.from.node}\u0000${edge.from.output}`;
      let port = inputBySource.get(key);
      if (!port) {
        port = { name: freeName(edge.to.input, names.inputs), targets: [] };
        names.inputs.add(port.name);
        inputBySource.set(key, port);
        def.inputs.push(port);
        outside.push({ from: edge.from, to: { node: instanceId, input: port.name } });
      }
      port.targets.push({ ...edge.to });
    } else {
      const port = exposeOutput(def, outputBySource, names.outputs, edge.from);
      outside.push({ from: { node: instanceId, output: port.name }, to: edge.to });
    }
  }

  const instance: GraphNode = {
    id: instanceId,
    type: subgraphType(definitionId),
    version: 1,
    params: {},
    position: corner
  };
  const sweep = doc.sweep && regroupSweep(doc.sweep, chosen, def, instance, outputBySource, names);
  subgraphs[definitionId] = def;

  const nodes: GraphNode[] = [];
  for (const node of doc.nodes) {
    if (!chosen.has(node.id)) nodes.push(node);
    else if (!nodes.includes(instance)) nodes.push(instance);
  }
  const next: GraphDocument = { ...doc, nodes, edges: outside, subgraphs };
  if (sweep) next.sweep = sweep;
  return { doc: next, definitionId, instanceId };
}

function exposeOutput(
  def: SubgraphDefinition,
  bySource: Map<string, SubgraphOutput>,
  names: Set<string>,
  from: { node: string; output: string }
): SubgraphOutput {
  const key = `${from.node}\u0000${from.output}`;
  let port = bySource.get(key);
  if (!port) {
    port = { name: freeName(from.output, names), from: { ...from } };
    names.add(port.name);
    bySource.set(key, port);
    def.outputs.push(port);
  }
  return port;
}

function regroupSweep(
  sweep: SweepSpec,
  chosen: Set<string>,
  def: SubgraphDefinition,
  instance: GraphNode,
  outputs: Map<string, SubgraphOutput>,
  names: { outputs: Set<string> }
): SweepSpec {
  const next = structuredClone(sweep);
  for (const axis of next.axes) {
    if (!chosen.has(axis.node)) continue;
    const port = exposeParam(def, axis.node, axis.param);
    axis.node = instance.id;
    axis.param = port;
  }
  if (chosen.has(next.target.node)) {
    const port = exposeOutput(def, outputs, names.outputs, {
      node: next.target.node,
      output: next.target.output
    });
    next.target = { node: instance.id, output: port.name };
  }
  return next;
}

/** Shows the inner param `param` of `node` on the subgraph node; returns the name it gets. */
export function exposeParam(def: SubgraphDefinition, node: string, param: string): string {
  const known = def.params.find((p) => p.node === node && p.param === param);
  if (known) return known.name;
  const name = freeName(param, new Set(def.params.map((p) => p.name)));
  def.params.push({ name, node, param });
  return name;
}

/**
 * Puts the nodes of the subgraph node `instanceId` back in its place: inner ids are kept where
 * free, exposed param values are written into the inner nodes, and the edges through the
 * node's sockets are rewired to the inner sockets. A definition no other node uses is dropped.
 */
export function expandNode(doc: GraphDocument, instanceId: string): GraphDocument {
  const instance = doc.nodes.find((n) => n.id === instanceId);
  const definitionId = instance ? definitionIdOf(instance.type) : undefined;
  const def = definitionId === undefined ? undefined : definitionOf(doc.subgraphs, definitionId);
  if (!instance || !def) throw new Error(`The node "${instanceId}" is not a subgraph node.`);

  const taken = new Set(doc.nodes.filter((n) => n.id !== instanceId).map((n) => n.id));
  const rename = new Map<string, string>();
  for (const node of def.nodes) {
    const id = freeName(node.id, taken);
    taken.add(id);
    rename.set(node.id, id);
  }
  const placed = def.nodes.map((n) => ({
    ...structuredClone(n),
    id: rename.get(n.id)!,
    position: {
      x: instance.position.x + n.position.x - INNER_ORIGIN.x,
      y: instance.position.y + n.position.y - INNER_ORIGIN.y
    }
  }));
  for (const exposed of def.params) {
    const target = placed.find((n) => n.id === rename.get(exposed.node));
    if (target && Object.hasOwn(instance.params, exposed.name)) {
      target.params[exposed.param] = instance.params[exposed.name];
    }
  }

  const edges: GraphEdge[] = def.edges.map((e) => ({
    from: { node: rename.get(e.from.node)!, output: e.from.output },
    to: { node: rename.get(e.to.node)!, input: e.to.input }
  }));
  for (const edge of doc.edges) {
    if (edge.to.node === instanceId) {
      const port = def.inputs.find((p) => p.name === edge.to.input);
      for (const t of port?.targets ?? []) {
        edges.push({ from: edge.from, to: { node: rename.get(t.node)!, input: t.input } });
      }
    } else if (edge.from.node === instanceId) {
      const port = def.outputs.find((p) => p.name === edge.from.output);
      if (port) {
        const from = { node: rename.get(port.from.node)!, output: port.from.output };
        edges.push({ from, to: edge.to });
      }
    } else {
      edges.push(edge);
    }
  }

  const nodes = doc.nodes.flatMap((n) => (n.id === instanceId ? placed : [n]));
  const subgraphs = { ...(doc.subgraphs ?? {}) };
  const stillUsed = (types: GraphNode[]) => types.some((n) => n.type === instance.type);
  const usedInside = Object.values(subgraphs).some((d) => stillUsed(d.nodes));
  if (!stillUsed(nodes) && !usedInside) delete subgraphs[definitionId!];

  const next: GraphDocument = { ...doc, nodes, edges, subgraphs };
  if (Object.keys(subgraphs).length === 0) delete next.subgraphs;
  if (doc.sweep) next.sweep = expandSweep(doc.sweep, instanceId, def, rename);
  return next;
}

function expandSweep(
  sweep: SweepSpec,
  instanceId: string,
  def: SubgraphDefinition,
  rename: Map<string, string>
): SweepSpec {
  const next = structuredClone(sweep);
  for (const axis of next.axes) {
    const exposed = axis.node === instanceId && def.params.find((p) => p.name === axis.param);
    if (exposed) Object.assign(axis, { node: rename.get(exposed.node), param: exposed.param });
  }
  const out =
    next.target.node === instanceId && def.outputs.find((p) => p.name === next.target.output);
  if (out) next.target = { node: rename.get(out.from.node)!, output: out.from.output };
  return next;
}
