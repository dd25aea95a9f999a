import type { NodeEditor } from 'rete';
import type {
  GraphDocument,
  GraphEdge,
  GraphFrame,
  GraphNode,
  GraphView,
  SweepSpec
} from '../graph/document';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/document';
import type { NodeType } from '../graph/node-type';
import type { SocketType } from '../graph/values';
import type { NodeHost } from './kumiki-node.svelte';
import { KumikiConnection, KumikiNode } from './kumiki-node.svelte';
import type { KumikiArea, Schemes } from './schemes';

/** What the bridge needs to turn a graph file into canvas state and back. */
export interface BridgeContext {
  editor: NodeEditor<Schemes>;
  area: KumikiArea;
  host: NodeHost;
  lookup: (type: string) => NodeType | undefined;
}

/**
 * The parts of a graph file that live outside Rete's nodes and edges: title, description,
 * seed, sweep and the comment frames (drawn by `FrameLayer` behind the nodes).
 */
export interface DocumentMeta {
  title: string;
  description?: string;
  seed: number;
  sweep?: SweepSpec;
  frames?: GraphFrame[];
}

/** The meta parts of a graph file, so Open, Save and Share keep every one of them. */
export function metaOf(doc: GraphDocument): DocumentMeta {
  const meta: DocumentMeta = { title: doc.title, seed: doc.seed };
  if (doc.description !== undefined) meta.description = doc.description;
  if (doc.sweep !== undefined) meta.sweep = JSON.parse(JSON.stringify(doc.sweep));
  if (doc.frames?.length) meta.frames = JSON.parse(JSON.stringify(doc.frames));
  return meta;
}

/** Makes the canvas node for a node of a graph file, keeping its id, params and label. */
export function nodeFromGraph(ctx: BridgeContext, node: GraphNode): KumikiNode {
  const spec = ctx.lookup(node.type);
  const made = new KumikiNode({
    id: node.id,
    typeId: node.type,
    // A node saved by a newer Kumiki keeps its version, so saving never claims it was upgraded.
    version: spec && spec.version > node.version ? spec.version : node.version,
    spec,
    host: ctx.host
  });
  made.params = spec ? { ...made.params, ...node.params } : { ...node.params };
  made.userLabel = node.label ?? '';
  return made;
}

/**
 * Replaces what the canvas shows with `doc`: nodes at their positions, edges and the view.
 * Returns the edges the canvas refused (the loader reports why), which is normally none.
 */
export async function loadDocument(ctx: BridgeContext, doc: GraphDocument): Promise<GraphEdge[]> {
  await ctx.editor.clear();

  const nodes = new Map<string, KumikiNode>();
  for (const node of doc.nodes) nodes.set(node.id, nodeFromGraph(ctx, node));
  for (const edge of doc.edges) addUnknownSockets(nodes, edge);

  // The view first, so that only the nodes it shows get full views (virtual-nodes.ts).
  if (doc.view) await setView(ctx.area, doc.view);
  const pause = pauser();
  for (const node of doc.nodes) {
    const made = nodes.get(node.id)!;
    await ctx.editor.addNode(made);
    await ctx.area.translate(made.id, node.position);
    await pause();
  }

  const refused: GraphEdge[] = [];
  for (const edge of doc.edges) {
    const source = nodes.get(edge.from.node);
    const target = nodes.get(edge.to.node);
    const ok =
      source &&
      target &&
      source.hasOutput(edge.from.output) &&
      target.hasInput(edge.to.input) &&
      (await ctx.editor.addConnection(
        new KumikiConnection(source, edge.from.output, target, edge.to.input)
      ));
    if (!ok) refused.push(edge);
    await pause();
  }
  return refused;
}

/** Reads the canvas back into a graph file; what Save writes is exactly what Open reads. */
export function readDocument(ctx: BridgeContext, meta: DocumentMeta): GraphDocument {
  const nodes: GraphNode[] = ctx.editor.getNodes().map((node) => {
    const view = ctx.area.nodeViews.get(node.id);
    const position = view ? view.position : { x: 0, y: 0 };
    const entry: GraphNode = {
      id: node.id,
      type: node.typeId,
      version: node.version,
      params: { ...node.params },
      position: { x: round(position.x), y: round(position.y) }
    };
    if (node.userLabel.trim() !== '') entry.label = node.userLabel;
    return entry;
  });

  const edges: GraphEdge[] = ctx.editor.getConnections().map((connection) => ({
    from: { node: connection.source, output: String(connection.sourceOutput) },
    to: { node: connection.target, input: String(connection.targetInput) }
  }));

  const doc: GraphDocument = {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    title: meta.title,
    seed: meta.seed,
    nodes,
    edges,
    view: getView(ctx.area)
  };
  if (meta.description !== undefined) doc.description = meta.description;
  if (meta.sweep !== undefined) doc.sweep = JSON.parse(JSON.stringify(meta.sweep));
  if (meta.frames?.length) doc.frames = JSON.parse(JSON.stringify(meta.frames));
  return doc;
}

/** The area's pan and zoom as a graph file stores them. */
export function getView(area: KumikiArea): GraphView {
  const { x, y, k } = area.area.transform;
  return { x: round(x), y: round(y), zoom: Math.round(k * 10_000) / 10_000 };
}

/** Pans and zooms the area to a stored view. */
export async function setView(area: KumikiArea, view: GraphView): Promise<void> {
  await area.area.zoom(view.zoom, 0, 0);
  await area.area.translate(view.x, view.y);
}

/** How long a load works before it lets the page paint and take input, in milliseconds. */
const SLICE_MS = 40;

/**
 * A function to await between the steps of a long load: it hands the main thread back once
 * every SLICE_MS, so opening a large graph never freezes the page in one long task.
 */
function pauser(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}

function addUnknownSockets(nodes: Map<string, KumikiNode>, edge: GraphEdge): void {
  const source = nodes.get(edge.from.node);
  const target = nodes.get(edge.to.node);
  if (!source || !target) return;

  const fromType = source.spec?.outputs[edge.from.output]?.type;
  const toType = target.spec?.inputs[edge.to.input]?.type;
  const type: SocketType = fromType ?? toType ?? 'numbers';
  source.ensureSocket('output', edge.from.output, type);
  target.ensureSocket('input', edge.to.input, type);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
