import type { GraphDocument } from '../graph/document';
import type { Canvas } from './canvas';
import { removeNode } from './canvas';
import type { ClipboardGraph } from './clipboard';
import { copyNodes, parseClipboard, pasteNodes } from './clipboard';
import type { BridgeContext } from './document-bridge';
import { nodeFromGraph } from './document-bridge';
import { MoveAction, recordStep, type Positions } from './history-actions';
import { placeNodes, positionsOf } from './node-positions';
import { KumikiConnection } from './kumiki-node.svelte';
import type { Notices } from './notices.svelte';
import { counted } from './preview';
import type { SubgraphMap } from '../graph/subgraph';

const STORAGE_KEY = 'kumiki.clipboard';
const PASTE_STEP = 40;

/** What the edit actions need from the session. */
export interface EditHost {
  need(): { canvas: Canvas; bridge: BridgeContext };
  /** What the canvas shows, with the graph's subgraph definitions. */
  document(): GraphDocument;
  /** Takes in pasted subgraph definitions; returns the new type of each renamed one. */
  adopt(definitions: SubgraphMap | undefined): Map<string, string>;
  /** Why a node of `type` cannot be placed here (a subgraph inside itself), or null. */
  refusal(type: string): string | null;
  notices: Notices;
  /** Tells the session which node is now the one the inspector shows. */
  selected(id: string | null): void;
}

/**
 * Edits of the selection: copy, cut, paste (also into another tab, through this browser's
 * storage), duplicate, delete, select all, step through nodes and arrange. Each edit is one
 * undo step.
 */
export class EditActions {
  private pastes = 0;

  constructor(private readonly host: EditHost) {}

  /** The selected node ids. */
  selection(): string[] {
    return this.host.need().canvas.selection();
  }

  /** Copies the selected nodes and the edges between them; returns how many were copied. */
  async copy(): Promise<number> {
    const ids = this.selection();
    if (ids.length === 0) return 0;
    const clip = copyNodes(this.host.document(), ids);
    const text = JSON.stringify(clip);
    localStorage.setItem(STORAGE_KEY, text);
    this.pastes = 0;
    // Other programs get the nodes as text too; a browser that refuses is no loss here.
    navigator.clipboard?.writeText(text).catch(() => undefined);
    this.host.notices.info(`Copied ${counted(ids.length, 'node')}.`);
    return ids.length;
  }

  /** Copies the selected nodes, then deletes them. */
  async cut(): Promise<void> {
    if ((await this.copy()) > 0) await this.remove();
  }

  /** Pastes what was copied last (in this tab or another), a little apart from the original. */
  async paste(): Promise<void> {
    const clip = parseClipboard(localStorage.getItem(STORAGE_KEY));
    if (!clip || clip.nodes.length === 0) {
      this.host.notices.error('Nothing to paste: select nodes and copy them (Ctrl+C) first.');
      return;
    }
    this.pastes += 1;
    await this.insert(clip, this.pastes * PASTE_STEP);
  }

  /** Copies the selected nodes and their edges in place, a little apart. */
  async duplicate(): Promise<void> {
    const ids = this.selection();
    if (ids.length === 0) return;
    await this.insert(copyNodes(this.host.document(), ids), PASTE_STEP);
  }

  /** Deletes the selected nodes and their edges, as one undo step. */
  async remove(): Promise<void> {
    const { canvas } = this.host.need();
    const ids = new Set(this.selection());
    canvas.history.separate();
    for (const node of canvas.editor.getNodes()) {
      if (ids.has(node.id)) await removeNode(canvas.editor, node);
    }
    canvas.history.separate();
    await canvas.unselectAll();
    this.host.selected(null);
  }

  /** Selects every node. */
  async selectAll(): Promise<void> {
    const { canvas } = this.host.need();
    await canvas.select(
      canvas.editor.getNodes().map((n) => n.id),
      false
    );
  }

  /** Selects the next (1) or previous (-1) node in reading order and brings it into view. */
  async step(direction: 1 | -1): Promise<void> {
    const { canvas } = this.host.need();
    const views = canvas.area.nodeViews;
    const order = canvas.editor
      .getNodes()
      .map((n) => ({ id: n.id, at: views.get(n.id)?.position ?? { x: 0, y: 0 } }))
      .sort((a, b) => a.at.x - b.at.x || a.at.y - b.at.y);
    if (order.length === 0) return;
    const current = order.findIndex((n) => n.id === this.selection().at(-1));
    const next = order[(current + direction + order.length) % order.length];
    await canvas.select([next.id], false);
    await reveal(canvas, next.id, next.at);
  }

  /** Arranges the selected nodes when two or more are selected, else the whole graph. */
  async arrange(): Promise<boolean> {
    const { canvas } = this.host.need();
    canvas.views.sizeUnmeasured();
    const ids = new Set(this.selection());
    const all = ids.size < 2;
    const nodes = canvas.editor.getNodes().filter((n) => all || ids.has(n.id));
    const connections = canvas.editor
      .getConnections()
      .filter((c) => all || (ids.has(c.source) && ids.has(c.target)));
    const before = positionsOf(
      canvas,
      nodes.map((n) => n.id)
    );
    canvas.releasePick();

    await canvas.arrange.layout({
      nodes,
      connections,
      options: { 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '40' }
    });
    // An arranged selection stays where it was: its top-left corner does not move.
    if (!all) await shiftBack(canvas, before, positionsOf(canvas, [...before.keys()]));

    const after = positionsOf(canvas, [...before.keys()]);
    const place = (p: Positions) => placeNodes(canvas, p);
    recordStep(canvas.history, new MoveAction(before, after, place));
    return all;
  }

  private async insert(clip: ClipboardGraph, step: number): Promise<void> {
    const { canvas, bridge } = this.host.need();
    const taken = new Set(canvas.editor.getNodes().map((n) => n.id));
    const pasted = pasteNodes(clip, taken, { x: step, y: step });
    const types = this.host.adopt(pasted.subgraphs);
    for (const node of pasted.nodes) node.type = types.get(node.type) ?? node.type;
    const refused = pasted.nodes.map((n) => this.host.refusal(n.type)).find((r) => r !== null);
    if (refused) {
      this.host.notices.error(refused);
      return;
    }

    canvas.history.separate();
    const made = new Map<string, ReturnType<typeof nodeFromGraph>>();
    for (const entry of pasted.nodes) {
      const node = nodeFromGraph(bridge, entry);
      made.set(entry.id, node);
      await canvas.editor.addNode(node);
      await canvas.area.translate(node.id, entry.position);
    }
    for (const edge of pasted.edges) {
      const source = made.get(edge.from.node);
      const target = made.get(edge.to.node);
      if (!source?.hasOutput(edge.from.output) || !target?.hasInput(edge.to.input)) continue;
      const wire = new KumikiConnection(source, edge.from.output, target, edge.to.input);
      await canvas.editor.addConnection(wire);
    }
    canvas.history.separate();

    await canvas.select([...made.keys()], false);
    this.host.notices.info(`Pasted ${counted(made.size, 'node')}.`);
  }
}

async function shiftBack(canvas: Canvas, before: Positions, after: Positions): Promise<void> {
  const corner = (p: Positions) => ({
    x: Math.min(...[...p.values()].map((v) => v.x)),
    y: Math.min(...[...p.values()].map((v) => v.y))
  });
  const was = corner(before);
  const now = corner(after);
  const moved: Positions = new Map();
  for (const [id, p] of after) moved.set(id, { x: p.x + was.x - now.x, y: p.y + was.y - now.y });
  await placeNodes(canvas, moved);
}

/** Room kept between a revealed node that does not fit the view and the canvas edge, in px. */
const REVEAL_MARGIN = 16;

/**
 * Pans the canvas so node `id` at `at` is in the middle of the view; a node larger than the
 * view shows its top-left corner, REVEAL_MARGIN from the edges, so its title stays in sight.
 */
async function reveal(canvas: Canvas, id: string, at: { x: number; y: number }): Promise<void> {
  const { k } = canvas.area.area.transform;
  const { clientWidth, clientHeight } = canvas.area.container;
  const node = canvas.views.node(id);
  const width = node?.width ?? 300;
  const height = node?.height ?? 180;
  const x = Math.max(clientWidth / 2 - (at.x + width / 2) * k, REVEAL_MARGIN - at.x * k);
  const y = Math.max(clientHeight / 2 - (at.y + height / 2) * k, REVEAL_MARGIN - at.y * k);
  await canvas.area.area.translate(x, y);
}
