import type { MinimapPlugin } from 'rete-minimap-plugin';
import MinimapView from './MinimapView.svelte';
import type { Schemes } from './schemes';

/** What the minimap plugin hands to its renderer. */
interface MinimapSignal {
  type: 'minimap';
  ratio: number;
  nodes: { left: number; top: number; width: number; height: number }[];
  viewport: { left: number; top: number; width: number; height: number };
  point(x: number, y: number): void;
}

/** The least time between two redraws of the minimap, in milliseconds. */
const REDRAW_MS = 100;

/**
 * Makes the minimap redraw at most once per REDRAW_MS, after the change that asked for it.
 * Rete's minimap redraws on every node added, moved or removed, and each redraw measures the
 * canvas and goes over every node: opening a large graph cost a layout per node, and dragging
 * a node of a 1000-node graph a full redraw per frame. An overview that follows ten times a
 * second is still live to the eye.
 */
export function coalesceMinimap(minimap: MinimapPlugin<Schemes>): MinimapPlugin<Schemes> {
  const plugin = minimap as unknown as { render(): void };
  const draw = plugin.render.bind(minimap);
  let queued = false;
  let last = -Infinity;
  plugin.render = () => {
    if (queued) return;
    queued = true;
    const wait = Math.max(0, last + REDRAW_MS - performance.now());
    // When the page is idle, in a task of its own: the redraw measures the canvas, which in a
    // frame's callbacks would work out that frame's pending layout inside the same long task.
    const redraw = () => {
      queued = false;
      last = performance.now();
      draw();
    };
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(redraw, { timeout: 250 });
      else requestAnimationFrame(redraw);
    }, wait);
  };
  return minimap;
}

/**
 * The minimap's node rectangles, held in a class instance: the renderer makes plain objects
 * and arrays deeply reactive, which for a thousand nodes cost more per frame of a drag than
 * drawing them.
 */
export class MiniNodes {
  constructor(readonly rects: readonly MinimapSignal['nodes'][number][]) {}
}

/** A Svelte renderer preset that draws the minimap with MinimapView, `size` pixels high. */
export function minimapPreset(size: number) {
  const props = (data: MinimapSignal) => ({
    size,
    ratio: data.ratio,
    nodes: new MiniNodes(data.nodes),
    viewport: data.viewport,
    point: data.point
  });
  const isMinimap = (data: { type: string }): data is MinimapSignal => data.type === 'minimap';
  return {
    update(context: { data: { type: string } }) {
      if (isMinimap(context.data)) return props(context.data);
    },
    render(context: { data: { type: string } }) {
      if (isMinimap(context.data)) return { component: MinimapView, props: props(context.data) };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  } as any;
}
