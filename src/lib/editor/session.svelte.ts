import { replaceState } from '$app/navigation';
import type { GraphDocument, SweepSpec } from '../graph/document';
import { definitionIdOf } from '../graph/subgraph';
import { checkSweep } from '../graph/sweep-check';
import type { Canvas, ChangeKind } from './canvas';
import { createCanvas } from './canvas';
import { Confirmer } from './confirm.svelte';
import type { BridgeContext, DocumentMeta } from './document-bridge';
import { loadDocument, metaOf, nodeFromGraph, readDocument } from './document-bridge';
import { debounce, DRAFT_NOT_KEPT, saveDraft } from './drafts';
import { EditActions } from './edit-actions';
import type { Example } from './examples';
import { recordStep, SweepAction } from './history-actions';
import type { KumikiNode } from './kumiki-node.svelte';
import { createNodeHost } from './node-edits';
import { newNodeId } from './node-ids';
import { Notices } from './notices.svelte';
import { getNodeType, nodeTypes } from './registry';
import { InspectedRun } from './inspected-run.svelte';
import { SweepController } from './sweep-controller.svelte';
import { FrameEditor } from './frames.svelte';
import { defaultSweep } from './sweep-edit';
import * as files from './session-files';
import { EMPTY_META, type ProblemReport } from './session-files';
import { SubgraphEditor } from './subgraph-editor.svelte';
import { openOnDoubleClick, subgraphMenu } from './subgraph-gestures';
import { fitNodes, freeSpot, zoomStep } from './view';
import { openingView } from './opening-view';

export type { Notice } from './notices.svelte';

export type { ProblemReport } from './session-files';

/**
 * What an edit touched: the canvas's kinds, a param (results go out of date), a label or the
 * title (`meta`), or the sweep.
 */
type EditKind = ChangeKind | 'params' | 'label' | 'meta' | 'sweep';

/** What the page says when Run is pressed while a run or sweep is going (runs are not queued). */
export const RUN_REFUSED =
  'A run is already going. Wait for it or press Stop; runs are not queued.';

/**
 * The editor page's state and actions: the canvas, the graph's title, seed and sweep, opening,
 * saving, sharing, drafts, problems, runs and sweeps. Components call these methods and read
 * the `$state` fields; nothing here touches the page outside the canvas container.
 */
export class EditorSession {
  meta: DocumentMeta = $state({ ...EMPTY_META });
  problems: ProblemReport | null = $state(null);
  selectedId: string | null = $state(null);
  ready = $state(false);
  /** Changes since the graph was opened or saved to a file. */
  dirty = $state(false);
  /** The canvas zoom, for the zoom control. */
  zoom = $state(1);
  /** Counts edits of nodes, edges, params and the sweep, so views reading the canvas refresh. */
  revision = $state(0);
  readonly notices = new Notices();
  readonly confirmer = new Confirmer();
  readonly run = new InspectedRun(
    () => this.nodes(),
    (id) => this.canvas?.views.node(id)
  );
  readonly sweep = new SweepController(this.run);
  /** Copy, paste, delete and arrange of the selection. */
  readonly edit = new EditActions({
    need: () => this.need(),
    document: () => this.canvasDocument(),
    adopt: (definitions) => this.subgraphs.adopt(definitions),
    refusal: (type) => this.subgraphs.refusal(type),
    notices: this.notices,
    selected: (id) => (this.selectedId = id)
  });

  /** Subgraphs: group, open, expand, exposed params; holds the graph's definitions. */
  readonly subgraphs: SubgraphEditor = new SubgraphEditor({
    need: () => this.need(),
    canvasDocument: () => this.canvasDocument(),
    // Group, expand, their undo and redo reload the canvas: show the run's states again.
    changed: () => {
      this.changed('graph');
      this.run.showEnded();
    },
    shown: () => {
      this.revision++;
      this.run.level = this.subgraphs.trail.map((step) => step.instanceId).join('/');
      this.run.showEnded();
    },
    notify: (tone, text) => (tone === 'error' ? this.notices.error(text) : this.notices.info(text)),
    selected: (id) => (this.selectedId = id),
    movedOn: () => this.notices.moveOn()
  });

  /** Comment frames drawn behind the nodes; stored in `meta.frames` (root graph only). */
  readonly frames = new FrameEditor({
    need: () => this.need(),
    frames: () => (this.subgraphs.inside ? [] : (this.meta.frames ?? [])),
    setFrames: (frames) => {
      if (this.subgraphs.inside) return;
      const { frames: _previous, ...rest } = this.meta;
      this.meta = frames.length > 0 ? { ...rest, frames } : rest;
      this.changed('meta');
    }
  });

  private canvas: Canvas | undefined;
  private bridge: BridgeContext | undefined;
  private detachFrames: (() => void) | undefined;
  private detachSubgraphs: (() => void) | undefined;
  private draft = debounce(() => this.writeDraft(), 250);
  /** The graph came from the share link in the address (cleared on the first edit). */
  fromShareLink = false;
  /** The last draft could not be written; the user has been told once. */
  private draftFailed = false;

  /** Builds the canvas and opens a share link, else the draft, else the first example. */
  async mount(container: HTMLElement): Promise<void> {
    const host = createNodeHost({
      canvas: () => this.need().canvas,
      putFile: (name, bytes) => this.run.engine.putFile(name, bytes),
      changed: (kind) => this.changed(kind)
    });
    this.canvas = createCanvas(container, nodeTypes, {
      changed: (kind) => this.changed(kind),
      refused: (reason) => this.notices.error(reason),
      addRequested: (type, position) => void this.addNode(type, position),
      selected: (id) => (this.selectedId = id),
      nodeMenu: (node) => subgraphMenu(this.subgraphs, node, this.edit.selection()),
      extraTypes: () => this.subgraphs.types
    });
    this.detachSubgraphs = openOnDoubleClick(
      container,
      (id) => definitionIdOf(this.canvas?.editor.getNode(id)?.typeId ?? '') !== undefined,
      (id) => void this.subgraphs.open(id)
    );
    this.bridge = {
      editor: this.canvas.editor,
      area: this.canvas.area,
      host,
      lookup: (type) => this.subgraphs.lookup(type)
    };
    this.detachFrames = this.frames.attach(this.canvas);

    await files.openFirst(this);
    this.ready = true;
  }

  /** Flushes the draft and stops the engine worker. */
  destroy(): void {
    this.draft.flush();
    this.run.dispose();
    this.detachFrames?.();
    this.detachSubgraphs?.();
    this.canvas?.destroy();
  }

  /** Whether a run or a sweep is under way. */
  get busy(): boolean {
    return this.run.phase === 'running' || this.sweep.phase === 'running';
  }

  /** The nodes on the canvas, in the order they were added. */
  nodes(): KumikiNode[] {
    return this.canvas?.editor.getNodes() ?? [];
  }

  /** The graph as a file would hold it now, with an open subgraph's edits written back. */
  document(): GraphDocument {
    return this.subgraphs.rootDocument();
  }

  /** What the canvas shows: the root graph or an open subgraph's inner graph. */
  canvasDocument(): GraphDocument {
    const doc = readDocument(this.need().bridge, this.meta);
    const definitions = $state.snapshot(this.subgraphs.definitions);
    return Object.keys(definitions).length > 0 ? { ...doc, subgraphs: definitions } : doc;
  }

  /** Opens graph file text: as far as it can when it has problems, not at all when broken. */
  openText(text: string, source: string, notice?: string): Promise<boolean> {
    return files.openText(this, text, source, notice);
  }

  /** Opens a bundled example in the view it was saved with, after asking about unsaved work. */
  openExample(example: Example): Promise<boolean> {
    return files.openExample(this, example);
  }

  /** Opens a graph file the user picked or dropped. */
  openFile(file: File): Promise<boolean> {
    return files.openFile(this, file);
  }

  /** Starts an empty graph, after asking when the current one has unsaved changes. */
  newGraph(): Promise<boolean> {
    return files.newGraph(this);
  }

  /** Downloads the graph as `<title slug>.kumiki.json`. */
  save(): void {
    files.save(this);
  }

  /** Puts the graph into the address as `#g=…` and copies the link. */
  share(): Promise<void> {
    return files.share(this);
  }

  /** Opens a share link's fragment, as when a visitor arrives with `#g=…`. */
  openShareFragment(fragment: string): Promise<boolean> {
    return files.openShareFragment(this, fragment);
  }

  /** Adds a node of `type` at `position`, or beside the selection, or mid-view. */
  async addNode(type: string, position?: { x: number; y: number }): Promise<void> {
    const { canvas, bridge } = this.need();
    const spec = this.subgraphs.lookup(type);
    if (!spec) return;
    const refused = this.subgraphs.refusal(type);
    if (refused) {
      this.notices.error(refused);
      return;
    }
    const taken = new Set(this.nodes().map((n) => n.id));
    const id = newNodeId(type, taken);
    const params = Object.fromEntries(Object.entries(spec.params).map(([k, p]) => [k, p.default]));
    const at = position ?? freeSpot(canvas.area, this.selectedId, this.nodes());
    const node = nodeFromGraph(bridge, { id, type, version: spec.version, params, position: at });
    await canvas.editor.addNode(node);
    await canvas.area.translate(node.id, at);
  }

  /** Removes the selected nodes and their edges. */
  async removeSelected(): Promise<void> {
    await this.edit.remove();
  }

  /** Lays out the selection, or the whole graph left to right (then fits it into view). */
  async arrange(): Promise<void> {
    if (await this.edit.arrange()) await this.fit();
  }

  /** Fits the graph into view. */
  async fit(): Promise<void> {
    const { canvas } = this.need();
    canvas.views.sizeUnmeasured();
    await fitNodes(canvas.area, canvas.editor.getNodes());
  }

  /** Zooms in one step around the centre of the canvas. */
  async zoomIn(): Promise<void> {
    await zoomStep(this.need().canvas.area, 1);
  }

  /** Zooms out one step around the centre of the canvas. */
  async zoomOut(): Promise<void> {
    await zoomStep(this.need().canvas.area, -1);
  }

  async undo(): Promise<void> {
    await this.need().canvas.history.undo();
  }

  async redo(): Promise<void> {
    await this.need().canvas.history.redo();
  }

  /**
   * Runs the graph in the engine worker. Kumiki does not queue runs: while one is going, a
   * new one is refused with a notice, so what runs is always what the person sees running.
   */
  async start(): Promise<void> {
    if (this.refuseWhileBusy()) return;
    await this.run.run(this.document());
  }

  /** Runs only the selected nodes and what they depend on; nodes downstream stay as they are. */
  async startSelected(): Promise<void> {
    if (this.refuseWhileBusy()) return;
    const canvasIds = this.canvas ? this.edit.selection() : [];
    const ids = canvasIds.length > 0 ? canvasIds : this.selectedId ? [this.selectedId] : [];
    if (ids.length === 0) {
      this.notices.info('Select a node first: Run to selected runs it and what feeds it.');
      return;
    }
    // Inside a subgraph the inner ids are not nodes of the graph that runs: run its node.
    const outer = this.subgraphs.trail[0]?.instanceId;
    await this.run.run(this.document(), outer ? [outer] : ids);
  }

  /** Says why a run cannot start now, and returns whether it was refused. */
  private refuseWhileBusy(): boolean {
    if (!this.busy) return false;
    this.notices.info(RUN_REFUSED);
    return true;
  }

  /** Runs every cell of the graph's sweep, when the sweep is valid. */
  async startSweep(): Promise<void> {
    const doc = this.document();
    if (this.busy || !doc.sweep) return;
    const issues = checkSweep(doc, getNodeType);
    if (issues.length > 0) {
      this.notices.error(`The sweep cannot run: ${issues[0].message}`);
      return;
    }
    await this.sweep.start(doc);
  }

  /** Stops the run or the sweep under way. */
  async stop(): Promise<void> {
    if (this.sweep.phase === 'running') await this.sweep.stop();
    else await this.run.stop();
  }

  /** Renames the graph. */
  setTitle(title: string): void {
    this.meta = { ...this.meta, title };
    this.changed('meta');
  }

  /** Replaces the graph's sweep (undefined removes it); undo takes the change back. */
  setSweep(next: SweepSpec | undefined): void {
    const before = this.meta.sweep;
    if (JSON.stringify(before) === JSON.stringify(next)) return;
    const apply = (sweep: SweepSpec | undefined) => this.applySweep(sweep);
    recordStep(this.need().canvas.history, new SweepAction(copy(before), copy(next), apply));
    apply(next);
  }

  /** Gives a graph without a sweep a first one, over a param near the collected output. */
  addSweep(): void {
    const feeds = this.need().canvas.editor.getConnections();
    const sweep = defaultSweep(this.nodes(), feeds, this.selectedId);
    if (sweep) this.setSweep(sweep);
    else
      this.notices.error(
        'A sweep needs a node with a number param and an output of type correlation or numbers; ' +
          'add them first.'
      );
  }

  private applySweep(sweep: SweepSpec | undefined): void {
    const { sweep: _previous, ...rest } = this.meta;
    this.meta = sweep ? { ...rest, sweep: copy(sweep) } : rest;
    this.changed('sweep');
  }

  /** Shows a graph on the canvas as newly opened: no history, no selection, not dirty. */
  async show(doc: GraphDocument): Promise<void> {
    const { canvas, bridge } = this.need();
    this.notices.moveOn();
    await this.run.reset();
    await this.sweep.reset();
    this.meta = metaOf(doc);
    this.selectedId = null;
    this.subgraphs.reset(doc.subgraphs);
    await canvas.quietly(() => loadDocument(bridge, doc));
    canvas.history.clear();
    await openingView(canvas.area, canvas.editor.getNodes(), doc.view !== undefined);
    this.zoom = canvas.area.area.transform.k;
    this.dirty = false;
    this.revision++;
    this.writeDraft();
  }

  private changed(kind: EditKind): void {
    if (kind === 'graph' || kind === 'params') this.run.markStale();
    if (kind === 'graph' || kind === 'params' || kind === 'sweep') {
      this.sweep.markStale();
      this.revision++;
    }

    if (kind === 'view') {
      this.zoom = this.canvas?.area.area.transform.k ?? this.zoom;
    } else {
      this.dirty = true;
      if (this.fromShareLink && location.hash.startsWith('#g=')) {
        replaceState(location.pathname + location.search, {});
        this.fromShareLink = false;
      }
    }
    this.draft.call();
  }

  /** Keeps the graph as the draft offered back after a reload. */
  writeDraft(): void {
    if (!this.bridge) return;
    const kept = saveDraft(this.document(), this.dirty);
    if (!kept && !this.draftFailed) this.notices.error(DRAFT_NOT_KEPT);
    this.draftFailed = !kept;
  }

  private need(): { canvas: Canvas; bridge: BridgeContext } {
    if (!this.canvas || !this.bridge) throw new Error('The canvas is not mounted yet.');
    return { canvas: this.canvas, bridge: this.bridge };
  }
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
