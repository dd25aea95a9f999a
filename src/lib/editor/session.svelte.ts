import { replaceState } from '$app/navigation';
import { AreaExtensions } from 'rete-area-plugin';
import type { GraphDocument } from '../graph/document';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/document';
import { parseGraph, serializeGraph } from '../graph/load';
import type { GraphProblem } from '../graph/problems';
import { decodeShareFragment, encodeShareFragment } from '../graph/share';
import type { Canvas } from './canvas';
import { createCanvas, removeNode } from './canvas';
import type { BridgeContext, DocumentMeta } from './document-bridge';
import { loadDocument, metaOf, nodeFromGraph, readDocument } from './document-bridge';
import { debounce, loadDraft, saveDraft } from './drafts';
import { firstExample, type Example } from './examples';
import { downloadText, graphFileName } from './files';
import type { KumikiNode } from './kumiki-node.svelte';
import { createNodeHost } from './node-edits';
import { newNodeId } from './node-ids';
import { getNodeType, nodeTypes } from './registry';
import { RunController } from './run-controller.svelte';

/** A short message for the user, shown above the canvas until dismissed or replaced. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
  /** A link the user may copy by hand when the clipboard is not available. */
  link?: string;
}

/** Problems found while opening a file, listed until the user dismisses them. */
export interface ProblemReport {
  source: string;
  opened: boolean;
  problems: GraphProblem[];
}

const EMPTY_META: DocumentMeta = { title: 'Untitled graph', seed: 0 };

/**
 * The editor page's state and actions: the canvas, the graph's title and seed, opening,
 * saving, sharing, drafts, problems and runs. Components call these methods and read the
 * `$state` fields; nothing here touches the page outside the canvas container.
 */
export class EditorSession {
  meta: DocumentMeta = $state({ ...EMPTY_META });
  problems: ProblemReport | null = $state(null);
  notice: Notice | null = $state(null);
  selectedId: string | null = $state(null);
  ready = $state(false);
  readonly run = new RunController(() => this.nodes());

  private canvas: Canvas | undefined;
  private bridge: BridgeContext | undefined;
  private draft = debounce(() => this.writeDraft(), 250);
  private fromShareLink = false;

  /** Builds the canvas and opens a share link, else the draft, else the first example. */
  async mount(container: HTMLElement): Promise<void> {
    const host = createNodeHost({
      canvas: () => this.need().canvas,
      putFile: (name, bytes) => this.run.engine.putFile(name, bytes),
      changed: () => this.changed()
    });
    this.canvas = createCanvas(container, nodeTypes, {
      changed: () => this.changed(),
      refused: (reason) => (this.notice = { tone: 'error', text: reason }),
      addRequested: (type, position) => void this.addNode(type, position),
      selected: (id) => (this.selectedId = id)
    });
    this.bridge = { editor: this.canvas.editor, area: this.canvas.area, host, lookup: getNodeType };

    await this.openFirst();
    this.ready = true;
  }

  /** Flushes the draft and stops the engine worker. */
  destroy(): void {
    this.draft.flush();
    this.run.dispose();
    this.canvas?.destroy();
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
  async openText(text: string, fileName: string, fit = false): Promise<boolean> {
    const opened = await this.openResult(parseGraph(text, fileName, getNodeType), fileName);
    if (opened && fit) await this.fit();
    return opened;
  }

  /** Opens a bundled example, fitted to the screen whatever view it was saved with. */
  async openExample(example: Example): Promise<boolean> {
    return this.openText(example.text, example.file, true);
  }

  /** Opens a graph file the user picked or dropped. */
  async openFile(file: File): Promise<boolean> {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.notice = {
        tone: 'error',
        text: `Could not read "${file.name}": ${(error as Error).message}`
      };
      return false;
    }
    return this.openText(text, file.name);
  }

  /** Starts an empty graph. */
  async newGraph(): Promise<void> {
    const doc: GraphDocument = {
      format: GRAPH_FORMAT,
      version: GRAPH_VERSION,
      ...EMPTY_META,
      nodes: [],
      edges: []
    };
    await this.show(doc);
    this.notice = {
      tone: 'info',
      text: 'New graph. Right-click the canvas or use the palette to add nodes.'
    };
  }

  /** Downloads the graph as `<title>.kumiki.json`. */
  save(): void {
    const doc = this.document();
    downloadText(serializeGraph(doc), graphFileName(doc.title));
  }

  /** Puts the graph into the address as `#g=…` and copies the link. */
  async share(): Promise<void> {
    const fragment = encodeShareFragment(this.document());
    replaceState(`#${fragment}`, {});
    this.fromShareLink = true;
    const link = location.href;
    try {
      await navigator.clipboard.writeText(link);
      this.notice = {
        tone: 'info',
        text: 'Share link copied. The graph travels in the link itself.'
      };
    } catch {
      this.notice = { tone: 'info', text: 'Copy this share link:', link };
    }
  }

  /** Opens a share link's fragment, as when a visitor arrives with `#g=…`. */
  async openShareFragment(fragment: string): Promise<boolean> {
    const opened = await this.openResult(decodeShareFragment(fragment, getNodeType), 'share link');
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
    const at = position ?? this.freeSpot();
    const node = nodeFromGraph(bridge, { id, type, version: spec.version, params, position: at });
    await canvas.editor.addNode(node);
    await canvas.area.translate(node.id, at);
  }

  /** Removes the selected node and its edges. */
  async removeSelected(): Promise<void> {
    const node = this.nodes().find((n) => n.id === this.selectedId);
    if (node) await removeNode(this.need().canvas.editor, node);
    this.selectedId = null;
  }

  /** Lays the graph out left to right with ELK, then fits it into view. */
  async arrange(): Promise<void> {
    const { canvas } = this.need();
    await canvas.arrange.layout({
      options: { 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '40' }
    });
    await this.fit();
  }

  /** Fits every node into view. */
  async fit(): Promise<void> {
    const { canvas } = this.need();
    const nodes = canvas.editor.getNodes();
    if (nodes.length > 0) await AreaExtensions.zoomAt(canvas.area, nodes, { scale: 0.9 });
  }

  async undo(): Promise<void> {
    await this.need().canvas.history.undo();
    this.changed();
  }

  async redo(): Promise<void> {
    await this.need().canvas.history.redo();
    this.changed();
  }

  /** Runs the graph in the engine worker. */
  async start(): Promise<void> {
    await this.run.run(this.document());
  }

  /** Renames the graph. */
  setTitle(title: string): void {
    this.meta = { ...this.meta, title };
    this.changed();
  }

  private async openFirst(): Promise<void> {
    let linkProblems: ProblemReport | null = null;
    if (location.hash.startsWith('#g=')) {
      if (await this.openShareFragment(location.hash)) return;
      linkProblems = this.problems;
    }

    const draft = loadDraft();
    if (draft && (await this.openText(draft.text, 'draft'))) {
      const when = new Date(draft.savedAt).toLocaleString();
      this.notice = { tone: 'info', text: `Restored your draft from ${when}.` };
    } else if (firstExample) {
      await this.openExample(firstExample);
    } else {
      await this.newGraph();
    }
    if (linkProblems) this.problems = linkProblems;
  }

  private async openResult(
    result: ReturnType<typeof parseGraph>,
    source: string
  ): Promise<boolean> {
    const { doc, problems } = result;
    this.problems = problems.length > 0 ? { source, opened: doc !== null, problems } : null;
    if (!doc) return false;
    await this.show(doc);
    if (problems.length === 0) this.notice = null;
    return true;
  }

  private async show(doc: GraphDocument): Promise<void> {
    const { canvas, bridge } = this.need();
    await this.run.reset();
    this.meta = metaOf(doc);
    this.selectedId = null;
    await canvas.quietly(() => loadDocument(bridge, doc));
    canvas.history.clear();
    if (!doc.view) await this.fit();
    this.writeDraft();
  }

  private changed(): void {
    if (this.fromShareLink && location.hash.startsWith('#g=')) {
      replaceState(location.pathname + location.search, {});
      this.fromShareLink = false;
    }
    this.draft.call();
  }

  private writeDraft(): void {
    if (this.bridge) saveDraft(this.document());
  }

  private freeSpot(): { x: number; y: number } {
    const { canvas } = this.need();
    const selected = canvas.area.nodeViews.get(this.selectedId ?? '');
    if (selected) return { x: selected.position.x + 320, y: selected.position.y };

    const { x, y, k } = canvas.area.area.transform;
    const rect = canvas.area.container.getBoundingClientRect();
    const jitter = (this.nodes().length % 5) * 24;
    return {
      x: (rect.width / 2 - x) / k - 140 + jitter,
      y: (rect.height / 2 - y) / k - 90 + jitter
    };
  }

  private need(): { canvas: Canvas; bridge: BridgeContext } {
    if (!this.canvas || !this.bridge) throw new Error('The canvas is not mounted yet.');
    return { canvas: this.canvas, bridge: this.bridge };
  }
}
