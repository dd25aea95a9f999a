import { NodeEditor } from 'rete';
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin';
import { AutoArrangePlugin, Presets as ArrangePresets } from 'rete-auto-arrange-plugin';
import { ClassicFlow, ConnectionPlugin, getSourceTarget } from 'rete-connection-plugin';
import { ContextMenuPlugin } from 'rete-context-menu-plugin';
import { HistoryPlugin, Presets as HistoryPresets } from 'rete-history-plugin';
import { MinimapPlugin } from 'rete-minimap-plugin';
import { Presets, SveltePlugin } from 'rete-svelte-plugin/5';
import type { NodeType } from '../graph/node-type';
import { boxSelect } from './box-select';
import { layersWhileDragging } from './drag-layers';
import { guardConnections, refusal } from './connection-guard';
import { fitMenu, menuItems, menuPreset, type MenuItem } from './context-menu';
import { openMenuByKeys } from './menu-keys';
import { coalesceMinimap, minimapPreset } from './minimap';
import { SocketPositions } from './socket-positions';
import { limitZoom } from './view';
import { virtualNodes, type VirtualNodes } from './virtual-nodes';
import type { KumikiNode } from './kumiki-node.svelte';
import NodeView from './NodeView.svelte';
import type { AreaExtra, KumikiArea, Schemes } from './schemes';
import SocketView from './SocketView.svelte';

/**
 * What changed on the canvas: the graph itself (a node or an edge, so results are out of
 * date), where a node sits, or only the pan and zoom.
 */
export type ChangeKind = 'graph' | 'position' | 'view';

/** What the canvas tells the page around it. */
export interface CanvasEvents {
  /** The graph, a node's position or the view changed. */
  changed(kind: ChangeKind): void;
  /** A connection was refused; `reason` is a full sentence to show. */
  refused(reason: string): void;
  /** The user asked to add a node from the context menu, at a point of the area. */
  addRequested(type: string, position: { x: number; y: number }): void;
  /** The selection changed. */
  selected(nodeId: string | null): void;
  /** Context menu entries for a node besides Delete (subgraph actions). */
  nodeMenu?(node: KumikiNode): MenuItem[];
  /** Node types the background menu offers besides the registry's (this graph's subgraphs). */
  extraTypes?(): readonly NodeType[];
}

/** The Rete editor, area and plugins of one canvas, built once per page. */
export interface Canvas {
  editor: NodeEditor<Schemes>;
  area: KumikiArea;
  history: HistoryPlugin<Schemes>;
  arrange: AutoArrangePlugin<Schemes>;
  /** The ids of the selected nodes, in the order they were picked. */
  selection(): string[];
  /** Selects the nodes `ids`, adding to the selection when `add` is set. */
  select(ids: string[], add: boolean): Promise<void>;
  unselectAll(): Promise<void>;
  /**
   * Forgets which node was picked last. Rete moves every selected node along with the picked
   * one, so code that places nodes one by one (arrange, undo of a move) releases it first.
   */
  releasePick(): void;
  /** Which node views are mounted; nodes far from the view are drawn as plain boxes. */
  views: VirtualNodes;
  /**
   * Runs `work` with change notifications and history recording paused, as for a load; node
   * views are mounted once it is done.
   */
  quietly<T>(work: () => Promise<T>): Promise<T>;
  destroy(): void;
}

/**
 * Builds the canvas inside `container`: zoom and pan, wiring that refuses wrong socket types,
 * selection, a context menu that adds nodes, a minimap, undo history and auto-arrange.
 */
export function createCanvas(
  container: HTMLElement,
  nodeTypes: readonly NodeType[],
  events: CanvasEvents
): Canvas {
  const editor = new NodeEditor<Schemes>();
  const area = new AreaPlugin<Schemes, AreaExtra>(container);
  const connection = new ConnectionPlugin<Schemes, AreaExtra>();
  const render = new SveltePlugin<Schemes, AreaExtra>();
  const history = new HistoryPlugin<Schemes>();
  const minimap = coalesceMinimap(new MinimapPlugin<Schemes>({ boundViewport: true }));
  const arrange = new AutoArrangePlugin<Schemes>();
  const contextMenu = new ContextMenuPlugin<Schemes>({
    items: menuItems(nodeTypes, {
      add: (type, at) => events.addRequested(type, at),
      where: () => ({ ...area.area.pointer }),
      remove: (node) => void removeNode(editor, node),
      nodeItems: (node) => events.nodeMenu?.(node) ?? [],
      extraTypes: () => events.extraTypes?.() ?? []
    })
  });

  const selector = AreaExtensions.selector();
  const selectable = AreaExtensions.selectableNodes(area, selector, {
    accumulating: modifierHeld()
  });
  const select = async (ids: string[], add: boolean) => {
    for (const [index, id] of ids.entries()) await selectable.select(id, add || index > 0);
    if (ids.length > 0) events.selected(ids[ids.length - 1]);
  };
  const stopBoxSelect = boxSelect(area, select);
  layersWhileDragging(editor, area);
  const stopTextSelect = keepTextUnselected(container);
  const stopMenuKeys = openMenuByKeys(area);
  AreaExtensions.simpleNodesOrder(area);
  limitZoom(area);
  // Before the renderer joins the area, so that it holds back the views of distant nodes.
  const views = virtualNodes(editor, area);

  const shape = (id: string) => {
    const node = views.node(id);
    if (!node) return undefined;
    const rows = [
      ...Object.keys(node.outputs).map((key) => ({ side: 'output' as const, key })),
      ...Object.keys(node.inputs).map((key) => ({ side: 'input' as const, key }))
    ];
    return { typeId: node.typeId, width: node.width, rows };
  };
  render.addPreset(
    Presets.classic.setup({
      customize: { node: () => NodeView, socket: () => SocketView },
      socketPositionWatcher: new SocketPositions(shape)
    })
  );
  render.addPreset(menuPreset(300));
  render.addPreset(minimapPreset(90));
  // Checking before the flow commits keeps an input's existing edge when a new one is refused.
  connection.addPreset(
    () =>
      new ClassicFlow({
        canMakeConnection(from, to) {
          const pair = getSourceTarget(from, to);
          if (!pair) return false;
          const [source, target] = pair;
          const sourceNode = editor.getNode(source.nodeId);
          const targetNode = editor.getNode(target.nodeId);
          if (!sourceNode || !targetNode) return false;
          const reason = refusal(editor, sourceNode, source.key, targetNode, target.key);
          if (reason === null) return true;
          events.refused(reason);
          // Let go of the dragged edge instead of leaving it on the pointer.
          setTimeout(() => connection.drop());
          return false;
        }
      })
  );
  history.addPreset(HistoryPresets.classic.setup());
  arrange.addPreset(ArrangePresets.classic.setup());

  editor.use(area);
  area.use(connection);
  area.use(render);
  area.use(contextMenu);
  area.use(minimap);
  area.use(history);
  area.use(arrange);

  let quiet = 0;
  guardConnections(editor, (reason) => {
    if (quiet === 0) events.refused(reason);
  });
  watchChanges(editor, area, (kind) => {
    if (quiet === 0) events.changed(kind);
  });
  area.addPipe((context) => {
    // The menu is drawn during this signal; fit it on the next frame, once it has its size.
    if (context.type === 'render' && context.data.type === 'contextmenu') {
      const holder = context.data.element;
      requestAnimationFrame(() => fitMenu(holder));
    }
    if (context.type === 'nodepicked') events.selected(context.data.id);
    if (context.type === 'pointerdown' && context.data.event.target === container) {
      events.selected(null);
    }
    return context;
  });

  return {
    editor,
    area,
    history,
    arrange,
    selection: () =>
      [...selector.entities.values()].filter((e) => e.label === 'node').map((e) => e.id),
    select,
    unselectAll: () => selector.unselectAll(),
    releasePick: () => selector.release(),
    views,
    async quietly(work) {
      quiet += 1;
      try {
        return await views.during(work);
      } finally {
        quiet -= 1;
      }
    },
    destroy: () => {
      stopBoxSelect();
      stopTextSelect();
      stopMenuKeys();
      views.destroy();
      area.destroy();
    }
  };
}

/** Removes a node and the edges that touch it. */
export async function removeNode(editor: NodeEditor<Schemes>, node: KumikiNode): Promise<void> {
  const touching = editor
    .getConnections()
    .filter((c) => c.source === node.id || c.target === node.id);
  for (const connection of touching) await editor.removeConnection(connection.id);
  await editor.removeNode(node.id);
}

function watchChanges(
  editor: NodeEditor<Schemes>,
  area: KumikiArea,
  changed: (kind: ChangeKind) => void
) {
  const editorSignals = new Set([
    'nodecreated',
    'noderemoved',
    'connectioncreated',
    'connectionremoved'
  ]);
  editor.addPipe((context) => {
    if (editorSignals.has(context.type)) changed('graph');
    return context;
  });

  area.addPipe((context) => {
    if (context.type === 'nodetranslated') changed('position');
    if (context.type === 'zoomed' || context.type === 'translated') changed('view');
    return context;
  });
}

/**
 * Whether a click adds to the selection: while Ctrl, Cmd or Shift is held, as in most editors.
 * Reads the modifier keys from the last pointer or key event, so a held key is never missed.
 */
function modifierHeld(): { active(): boolean } {
  let held = false;
  const note = (event: KeyboardEvent | PointerEvent) => {
    held = event.ctrlKey || event.metaKey || event.shiftKey;
  };
  window.addEventListener('keydown', note, { capture: true });
  window.addEventListener('keyup', note, { capture: true });
  window.addEventListener('pointerdown', note, { capture: true });
  return { active: () => held };
}

/**
 * A drag on the canvas pans, moves nodes or wires them; it must not also select the text of
 * the page (the browser would start a selection at the press and stretch it over the panels
 * the pointer crosses). Typing fields on nodes keep their own text selection.
 */
function keepTextUnselected(container: HTMLElement): () => void {
  const refuse = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
  };
  container.addEventListener('selectstart', refuse);
  return () => container.removeEventListener('selectstart', refuse);
}
