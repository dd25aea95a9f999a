import { replaceState } from '$app/navigation';
import type { GraphDocument, SweepSpec } from '../graph/document';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/document';
import { parseGraph, serializeGraph } from '../graph/load';
import type { GraphProblem } from '../graph/problems';
import { decodeShareFragment, encodeShareFragment } from '../graph/share';
import { checkSweep } from '../graph/sweep-check';
import type { Canvas, ChangeKind } from './canvas';
import { createCanvas } from './canvas';
import { Confirmer } from './confirm.svelte';
import type { BridgeContext, DocumentMeta } from './document-bridge';
import { loadDocument, metaOf, nodeFromGraph, readDocument } from './document-bridge';
import { debounce, DRAFT_NOT_KEPT, loadDraft, saveDraft } from './drafts';
import { EditActions } from './edit-actions';
import { firstExample, type Example } from './examples';
import { downloadText, graphFileName } from './files';
import { graphTextOf } from './picture-export';
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
import { fitNodes, freeSpot, zoomStep } from './view';

export type { Notice } from './notices.svelte';

/** Problems found while opening a file, listed until the user dismisses them. */
export interface ProblemReport {
  source: string;
  opened: boolean;
  problems: GraphProblem[];
}

/**
 * What an edit touched: the canvas's kinds, a param (results go out of date), a label or the
 * title (`meta`), or the sweep.
 */
type EditKind = ChangeKind | 'params' | 'label' | 'meta' | 'sweep';

/** What the page says when Run is pressed while a run or sweep is going (runs are not queued). */
export const RUN_REFUSED =
  'A run is already going. Wait for it or press Stop; runs are not queued.';

const EMPTY_META: DocumentMeta = { title: 'Untitled graph', seed: 0 };

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
  readonly run = new InspectedRun(() => this.nodes());
  readonly sweep = new SweepController(this.run);
  /** Copy, paste, delete and arrange of the selection. */
  readonly edit = new EditActions({
    need: () => this.need(),
    document: () => this.document(),
    notices: this.notices,
    selected: (id) => (this.selectedId = id)
  });

  /** Comment frames drawn behind the nodes; stored in `meta.frames`. */
  readonly frames = new FrameEditor({
    need: () => this.need(),
    frames: () => this.meta.frames ?? [],
    setFrames: (frames) => {
      const { frames: _previous, ...rest } = this.meta;
      this.meta = frames.length > 0 ? { ...rest, frames } : rest;
      this.changed('meta');
    }
  });

  private canvas: Canvas | undefined;
  private bridge: BridgeContext | undefined;
  private detachFrames: (() => void) | undefined;
  private draft = debounce(() => this.writeDraft(), 250);
  private fromShareLink = false;
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
      selected: (id) => (this.selectedId = id)
    });
    this.bridge = { editor: this.canvas.editor, area: this.canvas.area, host, lookup: getNodeType };
    this.detachFrames = this.frames.attach(this.canvas);

    await this.openFirst();
    this.ready = true;
  }

  /** Flushes the draft and stops the engine worker. */
  destroy(): void {
    this.draft.flush();
    this.run.dispose();
    this.detachFrames?.();
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

  /** The graph as a file would hold it now. */
  document(): GraphDocument {
    return readDocument(this.need().bridge, this.meta);
  }

  /** Opens graph file text: as far as it can when it has problems, not at all when broken. */
  async openText(text: string, source: string, notice?: string): Promise<boolean> {
    return this.openResult(parseGraph(text, source, getNodeType), source, notice);
  }

  /** Opens a bundled example in the view it was saved with, after asking about unsaved work. */
  async openExample(example: Example): Promise<boolean> {
    if (!(await this.confirmDiscard(`open the example "${example.title}"`, 'Discard and open')))
      return false;
    return this.openText(example.text, example.file, `Opened the example "${example.title}".`);
  }

  /** Opens a graph file the user picked or dropped. */
  async openFile(file: File): Promise<boolean> {
    let text: string;
    try {
      text = await graphTextOf(file);
    } catch (error) {
      this.notices.error(`Could not read "${file.name}": ${(error as Error).message}`);
      return false;
    }
    const result = parseGraph(text, file.name, getNodeType);
    if (result.doc && !(await this.confirmDiscard(`open "${file.name}"`, 'Discard and open')))
      return false;
    return this.openResult(result, file.name, `Opened "${file.name}".`);
  }

  /** Starts an empty graph, after asking when the current one has unsaved changes. */
  async newGraph(): Promise<boolean> {
    if (!(await this.confirmDiscard('start a new graph', 'Discard and start new'))) return false;
    const doc: GraphDocument = {
      format: GRAPH_FORMAT,
      version: GRAPH_VERSION,
      ...EMPTY_META,
      nodes: [],
      edges: [],
      view: { x: 0, y: 0, zoom: 1 }
    };
    await this.show(doc);
    this.notices.info('New graph. Right-click the canvas or use the palette to add nodes.');
    return true;
  }

  /** Downloads the graph as `<title slug>.kumiki.json`. */
  save(): void {
    const doc = this.document();
    try {
      downloadText(serializeGraph(doc), graphFileName(doc.title));
    } catch (error) {
      this.notices.error(`The graph could not be saved: ${(error as Error).message}`);
      return;
    }
    this.dirty = false;
    this.writeDraft();
  }

  /** Puts the graph into the address as `#g=…` and copies the link. */
  async share(): Promise<void> {
    const fragment = encodeShareFragment(this.document());
    replaceState(`#${fragment}`, {});
    this.fromShareLink = true;
    const link = location.href;
    try {
      await navigator.clipboard.writeText(link);
      this.notices.info('Share link copied. The graph travels in the link itself.');
    } catch {
      this.notices.show({ tone: 'info', text: 'Copy this share link:', link });
    }
  }

  /** Opens a share link's fragment, as when a visitor arrives with `#g=…`. */
  async openShareFragment(fragment: string): Promise<boolean> {
    const result = decodeShareFragment(fragment, getNodeType);
    const opened = await this.openResult(result, 'share link', 'Opened the graph in the link.');
    this.fromShareLink = opened;
    return opened;
  }

  /** Adds a node of `type` at `position`, or beside the selection, or mid-view. */
  async addNode(type: string, position?: { x: number; y: number }): Promise<void> {
    const { canvas, bridge } = this.need();
    const spec = getNodeType(type);
    if (!spec) return;
    const taken = new Set(this.nodes().map((n) => n.id));
    const id = newNodeId(type, taken);
    const params = Object.fromEntries(Object.entries(spec.params).map(([k, p]) => [k, p.default]));
    const at = position ?? freeSpot(canvas.area, this.selectedId, this.nodes().length);
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

  /** Fits the graph into view, at no less than the readable zoom. */
  async fit(): Promise<void> {
    const { canvas } = this.need();
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
    await this.run.run(this.document(), ids);
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

  private async confirmDiscard(action: string, confirmLabel: string): Promise<boolean> {
    if (!this.dirty) return true;
    return this.confirmer.ask({
      title: 'Discard unsaved changes?',
      text:
        `"${this.meta.title}" has changes that are not saved in a file. ` +
        `If you ${action} now, they are lost; choose Cancel and Save (Ctrl+S) to keep them.`,
      confirmLabel
    });
  }

  private async openFirst(): Promise<void> {
    let linkProblems: ProblemReport | null = null;
    if (location.hash.startsWith('#g=')) {
      if (await this.openShareFragment(location.hash)) return;
      linkProblems = this.problems;
    }

    const draft = loadDraft();
    if (draft && (await this.openText(draft.text, 'draft'))) {
      this.dirty = draft.dirty;
      this.writeDraft();
      const when = new Date(draft.savedAt).toLocaleString();
      this.notices.info(`Restored your draft from ${when}.`);
    } else if (firstExample) {
      await this.openText(firstExample.text, firstExample.file);
    } else {
      await this.newGraph();
    }
    if (linkProblems) this.problems = linkProblems;
  }

  private async openResult(
    result: ReturnType<typeof parseGraph>,
    source: string,
    notice?: string
  ): Promise<boolean> {
    const { doc, problems } = result;
    this.problems = problems.length > 0 ? { source, opened: doc !== null, problems } : null;
    if (!doc) return false;
    await this.show(doc);
    if (problems.length === 0 && notice) this.notices.info(notice);
    return true;
  }

  private async show(doc: GraphDocument): Promise<void> {
    const { canvas, bridge } = this.need();
    await this.run.reset();
    await this.sweep.reset();
    this.meta = metaOf(doc);
    this.selectedId = null;
    await canvas.quietly(() => loadDocument(bridge, doc));
    canvas.history.clear();
    if (!doc.view) await this.fit();
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

  private writeDraft(): void {
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
