import type { NodeEditor } from 'rete';
import { categoryColor } from './format';
import { frameSlice } from './frame-budget';
import type { KumikiConnection, KumikiNode } from './kumiki-node.svelte';
import type { KumikiArea, Schemes } from './schemes';

/**
 * Below this zoom nodes are drawn as plain boxes (title and category colour) instead of full
 * node views: their text is unreadable anyway, and a fitted large graph shows every node.
 */
export const SIMPLE_ZOOM = 0.3;

/**
 * Graphs up to this many nodes keep every node mounted, whatever the view: they open quickly
 * anyway, and every node stays reachable with Tab and by tests that read the whole graph.
 */
export const MOUNT_ALL_UP_TO = 100;

/** How far beyond the canvas edges nodes are mounted ahead of a pan, in screen pixels. */
const MOUNT_MARGIN = 200;

/** How far beyond the canvas edges a mounted node stays mounted, in screen pixels. */
const KEEP_MARGIN = 600;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the canvas needs from the virtual node layer. */
export interface VirtualNodes {
  /** Whether the full view of node `id` is on the page now. */
  isMounted(id: string): boolean;
  /** The node `id`, found without a scan of the editor's list. */
  node(id: string): KumikiNode | undefined;
  /** Gives the nodes never mounted their type's measured size now (before Fit and Arrange). */
  sizeUnmeasured(): void;
  /**
   * Mounts nothing while `work` runs (a graph being loaded), then what the view shows: a graph
   * that grows past MOUNT_ALL_UP_TO nodes while it loads is never mounted whole on the way.
   */
  during<T>(work: () => Promise<T>): Promise<T>;
  destroy(): void;
}

/**
 * Mounts the Svelte views of only the nodes (and edges) near the visible part of the canvas,
 * so a graph of a thousand nodes opens and pans like a small one (graphs of up to
 * MOUNT_ALL_UP_TO nodes are mounted whole). Every node keeps its Rete holder element, moved and
 * sized as usual, so selection, dragging, box select, frames, the minimap and fitting all work
 * on unmounted nodes; an unmounted node's holder shows a plain box with its title. Mounting
 * happens in slices of the frame's budget (`frameSlice`), nearest the centre first. The canvas element carries the
 * counts `data-nodes`, `data-edges`, `data-mounted` and `data-pending` (nodes and edges still
 * to mount or unmount), which the bench and the tests wait on.
 *
 * Install it before the Svelte renderer is added to the area: it holds back the renderer's
 * `render` signals for nodes and edges that are not to be mounted.
 */
export function virtualNodes(editor: NodeEditor<Schemes>, area: KumikiArea): VirtualNodes {
  const nodes = new Map<string, KumikiNode>();
  const connections = new Map<string, KumikiConnection>();
  const mountedNodes = new Set<string>();
  const mountedEdges = new Set<string>();
  /** Nodes whose view was mounted once, so their size is measured, not assumed. */
  const measured = new Set<string>();
  /** The size last measured on a node of each type, for the boxes of nodes never mounted. */
  const typical = new Map<string, { width: number; height: number }>();
  let scheduled = false;
  let working = false;
  /** Set when something moved during a slice, so the plan is made again. */
  let again = false;
  let paused = 0;
  let destroyed = false;
  /**
   * The canvas's size, kept by a resize observer: reading it from the element in the middle of
   * a frame forced the page's pending style and layout to be worked out then and there.
   */
  const canvasSize = { width: area.container.clientWidth, height: area.container.clientHeight };
  const sizeWatch = new ResizeObserver(([entry]) => {
    canvasSize.width = entry.contentRect.width;
    canvasSize.height = entry.contentRect.height;
    schedule();
  });
  sizeWatch.observe(area.container);

  area.addPipe((context) => {
    if (!context || typeof context !== 'object' || !('type' in context)) return context;
    if (context.type === 'nodecreated') nodes.set(context.data.id, context.data);
    if (context.type === 'connectioncreated') connections.set(context.data.id, context.data);
    if (context.type === 'noderemoved') {
      nodes.delete(context.data.id);
      mountedNodes.delete(context.data.id);
      measured.delete(context.data.id);
    }
    if (context.type === 'connectionremoved') {
      connections.delete(context.data.id);
      mountedEdges.delete(context.data.id);
    }
    if (context.type === 'render' && context.data.type === 'node') {
      // The area renders a node as it is created, before this pipe hears of the creation.
      const node = context.data.payload as KumikiNode;
      if (!mountedNodes.has(node.id)) {
        nodes.set(node.id, node);
        drawBox(context.data.element, node);
        schedule();
        return undefined;
      }
    }
    if (context.type === 'render' && context.data.type === 'connection') {
      // Edges being drawn by the pointer carry their own ends and are never held back.
      const data = context.data as { payload: KumikiConnection; start?: unknown; end?: unknown };
      if (!data.start && !data.end && !mountedEdges.has(data.payload.id)) {
        connections.set(data.payload.id, data.payload);
        schedule();
        return undefined;
      }
    }
    // A mounted node that grows or shrinks (a run's status line, a preview) changes nothing
    // about which nodes are near the view: it stays mounted, so its resize plans nothing.
    const moved = ['translated', 'zoomed', 'resized', 'nodetranslated', 'noderemoved'];
    if (moved.includes(context.type)) schedule();
    return context;
  });

  function schedule(): void {
    if (destroyed) return;
    if (working) {
      again = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    // Until the plan has run, the canvas does not claim to be settled.
    if (area.container.dataset.pending === '0') area.container.dataset.pending = 'planned';
    // A frame when the page is shown; the timer covers a page that paints no frames.
    const go = (stamp?: number) => {
      if (!scheduled) return;
      scheduled = false;
      void work(stamp);
    };
    requestAnimationFrame(go);
    setTimeout(go, 100);
  }

  /** One slice: unmount what went out of range, then mount what came in, nearest first. */
  async function work(stamp?: number): Promise<void> {
    if (paused > 0) return;
    working = true;
    again = false;
    let left = 0;
    const slice = frameSlice(stamp);
    try {
      const plan = planMounts();
      const steps = [
        ...plan.unmountEdges.map((id) => () => unmountEdge(id)),
        ...plan.unmountNodes.map((id) => () => unmountNode(id)),
        ...plan.mountNodes.map((id) => () => mountNode(id)),
        ...plan.mountEdges.map((id) => () => mountEdge(id))
      ];
      left = steps.length;
      for (const step of steps) {
        if (!slice.more()) break;
        await step();
        left--;
      }
    } finally {
      slice.end();
      working = false;
    }

    const { dataset, style } = area.container;
    // Set only when it changed: the property is inherited, so setting it even to the same
    // value restyled every node holder under the canvas, in each frame of a running graph.
    const zoom = String(area.area.transform.k);
    if (style.getPropertyValue('--zoom') !== zoom) style.setProperty('--zoom', zoom);
    area.container.classList.toggle('simple-nodes', area.area.transform.k < SIMPLE_ZOOM);
    if (dataset.pending !== String(left)) dataset.pending = String(left);
    if (dataset.mounted !== String(mountedNodes.size)) dataset.mounted = String(mountedNodes.size);
    if (dataset.nodes !== String(nodes.size)) dataset.nodes = String(nodes.size);
    if (dataset.edges !== String(connections.size)) dataset.edges = String(connections.size);
    if (left > 0 || again) schedule();
  }

  function planMounts() {
    const { x, y, k } = area.area.transform;
    const { width, height } = canvasSize;
    const seen: Rect = {
      left: -x / k,
      top: -y / k,
      right: (width - x) / k,
      bottom: (height - y) / k
    };
    const all = nodes.size <= MOUNT_ALL_UP_TO;
    const simple = !all && k < SIMPLE_ZOOM;
    const near = grow(seen, MOUNT_MARGIN / k);
    const kept = grow(seen, KEEP_MARGIN / k);
    const centre = { x: (seen.left + seen.right) / 2, y: (seen.top + seen.bottom) / 2 };

    sizeUnmeasured();

    const mountNodes: { id: string; distance: number }[] = [];
    const unmountNodes: string[] = [];
    for (const [id, node] of nodes) {
      const rect = rectOf(id, node);
      if (!rect) {
        nodes.delete(id); // removed while its render signal was on the way
        continue;
      }
      const mounted = mountedNodes.has(id);
      if (!mounted) hideFar(id, !meets(rect, simple ? near : kept));
      const wanted = all
        ? true
        : mounted
          ? (!simple && meets(rect, kept)) || holdsFocus(id)
          : !simple && meets(rect, near);
      if (wanted && !mounted) mountNodes.push({ id, distance: distanceTo(rect, centre) });
      if (!wanted && mounted) unmountNodes.push(id);
    }
    mountNodes.sort((a, b) => a.distance - b.distance);

    const mountEdges: string[] = [];
    const unmountEdges: string[] = [];
    for (const [id, connection] of connections) {
      if (!area.connectionViews.has(id)) {
        connections.delete(id);
        continue;
      }
      const a = rectOf(connection.source, nodes.get(connection.source));
      const b = rectOf(connection.target, nodes.get(connection.target));
      if (!a || !b) continue;
      const span = union(a, b);
      const mounted = mountedEdges.has(id);
      const wanted = all || meets(span, simple ? seen : mounted ? kept : near);
      if (wanted && !mounted) mountEdges.push(id);
      if (!wanted && mounted) unmountEdges.push(id);
    }
    return { mountNodes: mountNodes.map((n) => n.id), unmountNodes, mountEdges, unmountEdges };
  }

  /**
   * Takes the box of an unmounted node far from the view off the page (display: none). A
   * thousand positioned boxes cost every frame their style, layout and paint even off screen:
   * while a large graph ran, that alone made frames of 50-100 ms on a software-rendered page.
   */
  function hideFar(id: string, far: boolean): void {
    const element = area.nodeViews.get(id)?.element;
    if (element && element.classList.contains('far') !== far) element.classList.toggle('far', far);
  }

  /**
   * Gives each node never mounted the size last measured on a mounted node of its type, so
   * Fit, Arrange and the boxes see it. Done when mounts are planned (a pan, a zoom, a node
   * added) and before Fit and Arrange, not on every resize: the measured nodes grow and shrink
   * while a graph runs (status lines, previews), and following each change redrew the boxes
   * of every unmounted node of the type in the frames of the run.
   */
  function sizeUnmeasured(): void {
    for (const id of mountedNodes) {
      const node = nodes.get(id);
      if (node) typical.set(node.typeId, { width: node.width, height: node.height });
    }
    for (const [id, node] of nodes) {
      const size = typical.get(node.typeId);
      if (!size || measured.has(id) || mountedNodes.has(id)) continue;
      if (size.width === node.width && size.height === node.height) continue;
      node.width = size.width;
      node.height = size.height;
      const element = area.nodeViews.get(id)?.element;
      if (element) drawBox(element, node);
    }
  }

  function rectOf(id: string, node: KumikiNode | undefined): Rect | null {
    const view = area.nodeViews.get(id);
    if (!view || !node) return null;
    const { x, y } = view.position;
    return { left: x, top: y, right: x + node.width, bottom: y + node.height };
  }

  /** A node whose control has the keyboard focus stays mounted, wherever the view goes. */
  function holdsFocus(id: string): boolean {
    const element = area.nodeViews.get(id)?.element;
    return Boolean(element && document.activeElement && element.contains(document.activeElement));
  }

  async function mountNode(id: string): Promise<void> {
    const view = area.nodeViews.get(id);
    const node = nodes.get(id);
    if (!view || !node) return;
    mountedNodes.add(id);
    measured.add(id);
    clearBox(view.element);
    await area.emit({
      type: 'render',
      data: { type: 'node', element: view.element, payload: node }
    });
  }

  async function unmountNode(id: string): Promise<void> {
    const view = area.nodeViews.get(id);
    const node = nodes.get(id);
    mountedNodes.delete(id);
    if (!view || !node) return;
    await area.emit({ type: 'unmount', data: { element: view.element } });
    // The area forgets an unmounted element; keeping it lets selection changes reach the box.
    const elements = (area as unknown as { elements: { set(view: object): void } }).elements;
    elements.set({ type: 'node', element: view.element, payload: node });
    drawBox(view.element, node);
  }

  async function mountEdge(id: string): Promise<void> {
    const view = area.connectionViews.get(id);
    const connection = connections.get(id);
    if (!view || !connection) return;
    mountedEdges.add(id);
    const data = { type: 'connection' as const, element: view.element, payload: connection };
    await area.emit({ type: 'render', data });
  }

  async function unmountEdge(id: string): Promise<void> {
    const view = area.connectionViews.get(id);
    mountedEdges.delete(id);
    if (view) await area.emit({ type: 'unmount', data: { element: view.element } });
  }

  schedule();
  return {
    isMounted: (id) => mountedNodes.has(id),
    node: (id) => nodes.get(id),
    sizeUnmeasured,
    async during(work) {
      paused++;
      try {
        return await work();
      } finally {
        paused--;
        schedule();
      }
    },
    destroy: () => {
      destroyed = true;
      sizeWatch.disconnect();
    }
  };
}

/** Shows an unmounted node as a box of its size with its title, marked when selected. */
function drawBox(element: HTMLElement, node: KumikiNode): void {
  element.classList.add('node-box');
  element.classList.toggle('selected', Boolean(node.selected));
  element.dataset.nodeBox = node.id;
  element.style.width = `${node.width}px`;
  element.style.height = `${node.height}px`;
  element.style.setProperty('--accent', categoryColor(node.spec?.category ?? 'unknown'));
  if (element.textContent !== node.label) element.textContent = node.label;
}

function clearBox(element: HTMLElement): void {
  if (!element.classList.contains('node-box')) return;
  element.classList.remove('node-box', 'selected', 'far');
  delete element.dataset.nodeBox;
  element.style.width = '';
  element.style.height = '';
  element.textContent = '';
}

function grow(rect: Rect, by: number): Rect {
  return {
    left: rect.left - by,
    top: rect.top - by,
    right: rect.right + by,
    bottom: rect.bottom + by
  };
}

function union(a: Rect, b: Rect): Rect {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom)
  };
}

function meets(a: Rect, b: Rect): boolean {
  return a.left <= b.right && a.right >= b.left && a.top <= b.bottom && a.bottom >= b.top;
}

function distanceTo(rect: Rect, point: { x: number; y: number }): number {
  const dx = Math.max(rect.left - point.x, 0, point.x - rect.right);
  const dy = Math.max(rect.top - point.y, 0, point.y - rect.bottom);
  return Math.hypot(dx, dy);
}
