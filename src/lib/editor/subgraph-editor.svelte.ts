import type { GraphDocument } from '../graph/document';
import type { NodeType } from '../graph/node-type';
import type { SubgraphDefinition, SubgraphMap } from '../graph/subgraph';
import {
  definitionIdOf,
  definitionOf,
  recursiveDefinitions,
  SUBGRAPH_CATEGORY,
  subgraphType,
  withSubgraphs
} from '../graph/subgraph';
import {
  isExposed,
  mergeDefinitions,
  pruneDefinition,
  toggleExposed,
  type ExposedKind
} from '../graph/subgraph-edit';
import { expandNode, groupNodes } from '../graph/subgraph-group';
import type { Canvas } from './canvas';
import type { BridgeContext } from './document-bridge';
import { loadDocument, setView } from './document-bridge';
import { recordStep } from './history-actions';
import { counted } from './preview';
import { getNodeType } from './registry';
import { DocumentSwap, keepHistory, stashHistory, type HistoryStash } from './subgraph-history';

/** What the subgraph editor needs from the session. */
export interface SubgraphHost {
  need(): { canvas: Canvas; bridge: BridgeContext };
  /** The graph the canvas shows now (the root graph, or the open definition's inner graph). */
  canvasDocument(): GraphDocument;
  /** Tells the session the graph changed (results and drafts go out of date). */
  changed(): void;
  /** Tells the session the canvas shows another level; nothing in the graph changed. */
  shown(): void;
  /** Shows a notice: information or an error. */
  notify(tone: 'info' | 'error', text: string): void;
  /** Tells the session which node the inspector shows. */
  selected(id: string | null): void;
  /** Clears the notice about an earlier action: the user opened, left or expanded a subgraph. */
  movedOn(): void;
}

/** One level of the breadcrumb: the open definition and the node it was opened from. */
export interface TrailStep {
  definitionId: string;
  instanceId: string;
  title: string;
}

/** What the canvas showed before a definition was opened, to go back to. */
interface Parent {
  doc: GraphDocument;
  history: HistoryStash;
}

/**
 * Subgraphs in the editor: grouping the selection into a subgraph node, opening a subgraph
 * node to edit its inner graph (with a breadcrumb back), expanding it back into its nodes,
 * and exposing inner params. Definitions live here, once for the whole graph; the canvas shows
 * one level at a time. Group, expand and each visit inside a subgraph are one undo step each.
 */
export class SubgraphEditor {
  /** Every definition of the graph, by id. */
  definitions: SubgraphMap = $state({});
  /** The open definitions, outermost first; empty while the root graph is shown. */
  trail: TrailStep[] = $state([]);

  private parents: Parent[] = [];
  private cached: { map: SubgraphMap; lookup: (type: string) => NodeType | undefined } | null =
    null;

  constructor(private readonly host: SubgraphHost) {}

  /** Whether the canvas shows a subgraph's inner graph. */
  get inside(): boolean {
    return this.trail.length > 0;
  }

  /** Whether the canvas node `id` is a subgraph node this graph defines. */
  isSubgraphNode(id: string | null): boolean {
    const node = id === null ? undefined : this.host.need().canvas.editor.getNode(id);
    const definition = node ? definitionIdOf(node.typeId) : undefined;
    return definition !== undefined && definitionOf(this.definitions, definition) !== undefined;
  }

  /** Node types: the registry's and one per definition (`subgraph/<id>`). */
  lookup(type: string): NodeType | undefined {
    if (this.cached?.map !== this.definitions) {
      this.cached = { map: this.definitions, lookup: withSubgraphs(getNodeType, this.definitions) };
    }
    return this.cached.lookup(type);
  }

  /** The node types of this graph's definitions, for the palette's "Subgraphs" category. */
  get types(): NodeType[] {
    return Object.keys(this.definitions)
      .map((id) => this.lookup(subgraphType(id)))
      .filter((t): t is NodeType => t !== undefined);
  }

  /** Forgets the open levels and takes the definitions of a newly opened graph. */
  reset(definitions: SubgraphMap | undefined): void {
    this.definitions = structuredClone(definitions ?? {});
    this.trail = [];
    this.parents = [];
  }

  /** Why a node of `type` cannot be placed here (it would contain itself), or null. */
  refusal(type: string): string | null {
    const id = definitionIdOf(type);
    if (id === undefined || !this.inside) return null;
    const open = this.trail.at(-1)!.definitionId;
    const probe = structuredClone($state.snapshot(this.definitions)) as SubgraphMap;
    const def = definitionOf(probe, open);
    if (!def) return null;
    def.nodes.push({ id: '__probe', type, version: 1, params: {}, position: { x: 0, y: 0 } });
    if (!recursiveDefinitions(probe).has(open)) return null;
    return `The subgraph "${def.title}" cannot contain a node of "${id}": it would contain itself.`;
  }

  /**
   * The graph as a file holds it: when a definition is open, the root graph with the inner
   * graph on the canvas written back into that definition (and its parents' open levels).
   */
  rootDocument(): GraphDocument {
    const shown = this.host.canvasDocument();
    if (!this.inside) return { ...shown, ...this.definitionsField(this.definitions) };
    const definitions = this.foldInto(structuredClone($state.snapshot(this.definitions)), shown);
    const { nodes, edges, view } = this.parents[0].doc;
    const { subgraphs: _shown, ...meta } = shown;
    return { ...meta, nodes, edges, view, ...this.definitionsField(definitions) };
  }

  /**
   * Takes in definitions that come with pasted nodes. One identical to a definition here is
   * shared; one whose id is taken by a different definition gets a new id. Returns the type
   * each pasted `subgraph/<id>` node must get.
   */
  adopt(incoming: SubgraphMap | undefined): Map<string, string> {
    if (!incoming) return new Map();
    const here = structuredClone($state.snapshot(this.definitions)) as SubgraphMap;
    const { merged, types } = mergeDefinitions(here, incoming);
    this.definitions = merged;
    return types;
  }

  /** Groups the selected nodes into a new subgraph node, as one undo step. */
  async group(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      this.host.notify('info', 'Select the nodes to group first (Shift-drag or Ctrl-click).');
      return;
    }
    const before = this.levelDocument();
    const result = groupNodes(before, ids);
    await this.swap(before, result.doc);
    const { canvas } = this.host.need();
    await canvas.select([result.instanceId], false);
    const title = result.doc.subgraphs![result.definitionId].title;
    this.host.notify(
      'info',
      `Grouped ${counted(ids.length, 'node')} into "${title}". Double-click it to open.`
    );
  }

  /** Puts a subgraph node's nodes back in its place, as one undo step. */
  async expand(id: string): Promise<void> {
    const before = this.levelDocument();
    if (!isInstance(before, id)) {
      this.host.notify('info', 'Select a subgraph node to expand it.');
      return;
    }
    this.host.movedOn();
    await this.swap(before, expandNode(before, id));
    this.host.selected(null);
  }

  /** Opens a subgraph node: the canvas shows its definition's inner graph. */
  async open(id: string): Promise<void> {
    const { canvas, bridge } = this.host.need();
    const doc = this.levelDocument();
    const node = doc.nodes.find((n) => n.id === id);
    const definitionId = node ? definitionIdOf(node.type) : undefined;
    const def = definitionId === undefined ? undefined : definitionOf(doc.subgraphs, definitionId);
    if (!def || definitionId === undefined) {
      this.host.notify('info', 'Select a subgraph node to open it.');
      return;
    }
    this.host.movedOn();
    if (this.inside) this.definitions = this.foldInto(this.definitions, doc);
    this.parents.push({ doc, history: stashHistory(canvas.history) });
    this.trail = [...this.trail, { definitionId, instanceId: id, title: def.title }];
    await this.show(bridge, canvas, { ...doc, nodes: def.nodes, edges: def.edges });
    this.host.selected(null);
  }

  /** Goes back `levels` steps of the breadcrumb (all of them with `Infinity`). */
  async back(levels = 1): Promise<void> {
    const { canvas, bridge } = this.host.need();
    if (this.inside && levels > 0) this.host.movedOn();
    for (let step = 0; step < levels && this.inside; step++) {
      this.definitions = this.foldInto(this.definitions, this.host.canvasDocument());
      const parent = this.parents.pop()!;
      const left = this.trail.at(-1)!;
      this.trail = this.trail.slice(0, -1);
      const after = { ...parent.doc, ...this.definitionsField(this.definitions) };
      await this.show(bridge, canvas, after);
      parent.history.restore();
      if (JSON.stringify(parent.doc.subgraphs ?? {}) !== JSON.stringify(after.subgraphs ?? {})) {
        recordStep(canvas.history, new DocumentSwap(parent.doc, after, (d) => this.apply(d)));
      }
      await canvas.select([left.instanceId], false);
    }
  }

  /**
   * Shows (or hides, when shown) an inner input, output or param on the open subgraph's node,
   * as one undo step.
   */
  async toggleExposed(nodeId: string, kind: ExposedKind, key: string): Promise<void> {
    if (!this.inside) return;
    const before = this.levelDocument();
    const after = structuredClone(before);
    const shown = toggleExposed(after.subgraphs![this.current!.definitionId], nodeId, kind, key);
    await this.swap(before, after);
    const what = { inputs: 'input', outputs: 'output', params: 'param' }[kind];
    const now = shown ? 'is shown' : 'is no longer shown';
    this.host.notify('info', `The ${what} "${key}" of "${nodeId}" ${now} on the subgraph node.`);
  }

  /** Whether an inner socket or param is shown on the open subgraph's node. */
  isExposed(nodeId: string, kind: ExposedKind, key: string): boolean {
    const def = this.current && definitionOf(this.definitions, this.current.definitionId);
    return !!def && isExposed(def, nodeId, kind, key);
  }

  /** Renames the open subgraph (every node of it shows the new title), as one undo step. */
  async rename(title: string): Promise<void> {
    const clean = title.trim().slice(0, 500);
    const open = this.current;
    if (!open || clean === '' || clean === open.title) return;
    const before = this.levelDocument();
    const after = structuredClone(before);
    after.subgraphs![open.definitionId].title = clean;
    await this.swap(before, after);
    this.trail = this.trail.map((step) =>
      step.definitionId === open.definitionId ? { ...step, title: clean } : step
    );
  }

  /** The inputs of a node on the canvas that an edge feeds. */
  wiredInputs(nodeId: string): string[] {
    const { canvas } = this.host.need();
    return canvas.editor
      .getConnections()
      .filter((c) => c.target === nodeId)
      .map((c) => String(c.targetInput));
  }

  /** The open subgraph's definition: what its node shows outside, for the breadcrumb. */
  get openDefinition(): SubgraphDefinition | undefined {
    return this.current && definitionOf(this.definitions, this.current.definitionId);
  }

  private get current(): TrailStep | undefined {
    return this.trail.at(-1);
  }

  /** The canvas's graph with every definition, as group and expand work on it. */
  private levelDocument(): GraphDocument {
    const shown = this.host.canvasDocument();
    const definitions = this.inside ? this.foldInto(this.definitions, shown) : this.definitions;
    return { ...shown, subgraphs: structuredClone($state.snapshot(definitions)) as SubgraphMap };
  }

  /** Replaces the canvas's graph with `after`, recording one step that can go back to `before`. */
  private async swap(before: GraphDocument, after: GraphDocument): Promise<void> {
    const { canvas } = this.host.need();
    await this.apply(after);
    recordStep(canvas.history, new DocumentSwap(before, after, (d) => this.apply(d)));
  }

  /** Shows `doc` on the canvas and takes its definitions, keeping the undo history. */
  private async apply(doc: GraphDocument): Promise<void> {
    const { canvas, bridge } = this.host.need();
    this.definitions = structuredClone(doc.subgraphs ?? {});
    if (this.inside) this.definitions = this.foldInto(this.definitions, doc);
    await keepHistory(canvas.history, () =>
      canvas.quietly(() => loadDocument(bridge, { ...doc, view: undefined }))
    );
    this.host.changed();
  }

  private async show(bridge: BridgeContext, canvas: Canvas, doc: GraphDocument): Promise<void> {
    await canvas.quietly(() => loadDocument(bridge, { ...doc, view: undefined }));
    canvas.history.clear();
    if (doc.view) await setView(canvas.area, doc.view);
    this.host.shown();
  }

  /**
   * The definitions with the open one's inner graph replaced by `shown`'s nodes and edges,
   * dropping exposed sockets and params whose inner node, socket or param is gone.
   */
  private foldInto(definitions: SubgraphMap, shown: GraphDocument): SubgraphMap {
    const open = this.trail.at(-1);
    const current = open && definitionOf(definitions, open.definitionId);
    if (!open || !current) return definitions;
    const lookup = withSubgraphs(getNodeType, definitions);
    const byId = new Map(shown.nodes.map((n) => [n.id, n]));
    const has = (node: string, side: 'inputs' | 'outputs' | 'params', key: string) => {
      const inner = byId.get(node);
      const type = inner && lookup(inner.type);
      return !!type && Object.hasOwn(type[side], key);
    };
    const next = { ...current, nodes: shown.nodes, edges: shown.edges };
    return { ...definitions, [open.definitionId]: pruneDefinition(next, has) };
  }

  private definitionsField(map: SubgraphMap): { subgraphs?: SubgraphMap } {
    const plain = structuredClone($state.snapshot(map)) as SubgraphMap;
    return Object.keys(plain).length > 0 ? { subgraphs: plain } : {};
  }
}

function isInstance(doc: GraphDocument, id: string): boolean {
  const node = doc.nodes.find((n) => n.id === id);
  return !!node && definitionIdOf(node.type) !== undefined;
}

/** The palette category of subgraph nodes. */
export { SUBGRAPH_CATEGORY };
