import { AreaExtensions } from 'rete-area-plugin';
import type { KumikiNode } from './kumiki-node.svelte';
import type { KumikiArea } from './schemes';
import { WheelZoom } from './wheel-zoom';

/**
 * The zoom range the wheel, the zoom buttons and Fit allow. At the smallest zoom a graph of a
 * thousand nodes on a 12-column grid still fits a laptop window; below SIMPLE_ZOOM
 * (virtual-nodes.ts) nodes are drawn as plain boxes, so a fitted large graph stays quick.
 */
export const ZOOM_RANGE = { min: 0.02, max: 2 } as const;

/** How much one press of zoom in or zoom out changes the zoom. */
const ZOOM_STEP = 1.2;

/** Space kept between the graph and the canvas edges when fitting, in screen pixels. */
const MARGIN = 40;

/**
 * Fits `nodes` into the canvas, at no more than `most` (100%) and no less than the smallest
 * zoom. When the graph does not fit even then, its left (and, if too tall, top) edge is shown
 * first, where a pipeline starts, and the rest is reached by panning.
 */
export async function fitNodes(area: KumikiArea, nodes: KumikiNode[], most = 1): Promise<void> {
  const { clientWidth: width, clientHeight: height } = area.container;
  if (nodes.length === 0 || width === 0 || height === 0) return;

  const box = AreaExtensions.getBoundingBox(area, nodes);
  const room = { width: width - 2 * MARGIN, height: height - 2 * MARGIN };
  const k = clamp(fittingZoom(area, nodes), ZOOM_RANGE.min, most);

  const x = box.width * k <= room.width ? width / 2 - box.center.x * k : MARGIN - box.left * k;
  const y = box.height * k <= room.height ? height / 2 - box.center.y * k : MARGIN - box.top * k;
  await area.area.zoom(k, 0, 0);
  await area.area.translate(x, y);
}

/** The zoom at which `nodes` just fill the canvas less its margins, unbounded. */
export function fittingZoom(area: KumikiArea, nodes: KumikiNode[]): number {
  const box = AreaExtensions.getBoundingBox(area, nodes);
  const room = {
    width: area.container.clientWidth - 2 * MARGIN,
    height: area.container.clientHeight - 2 * MARGIN
  };
  return Math.min(room.width / box.width, room.height / box.height);
}

/** Zooms in (`direction` 1) or out (-1) by one step around the centre of the canvas. */
export async function zoomStep(area: KumikiArea, direction: 1 | -1): Promise<void> {
  const { x, y, k } = area.area.transform;
  const next = clamp(k * ZOOM_STEP ** direction, ZOOM_RANGE.min, ZOOM_RANGE.max);
  const factor = next / k - 1;
  const centre = { x: area.container.clientWidth / 2, y: area.container.clientHeight / 2 };
  await area.area.zoom(next, (x - centre.x) * factor, (y - centre.y) * factor);
}

/**
 * Keeps wheel, pinch and double-click zoom within ZOOM_RANGE, and makes each wheel notch the
 * same factor at every zoom (wheel-zoom.ts).
 */
export function limitZoom(area: KumikiArea): void {
  area.area.setZoomHandler(new WheelZoom());
  area.addPipe((context) => {
    if (context.type !== 'zoom') return context;
    const zoom = clamp(context.data.zoom, ZOOM_RANGE.min, ZOOM_RANGE.max);
    return { ...context, data: { ...context.data, zoom } };
  });
}

/** The room a new node is given before its view is measured, in canvas units. */
const NEW_NODE = { width: 300, height: 220 };

/** Space kept around other nodes when a new one is placed, in canvas units. */
const GAP = 20;

/** The step between the places tried for a new node, in canvas units. */
const TRY_STEP = 40;

/**
 * Where a new node goes: right of the selected node, else mid-view, a little apart from the
 * last node added there; and if that place is taken, the nearest place in view where the node
 * covers no other (`nodes` with their sizes). A view with no free place gets the first one.
 */
export function freeSpot(
  area: KumikiArea,
  selectedId: string | null,
  nodes: readonly { id: string; width: number; height: number }[]
): { x: number; y: number } {
  const { x, y, k } = area.area.transform;
  const rect = area.container.getBoundingClientRect();
  const selected = area.nodeViews.get(selectedId ?? '');
  const jitter = (nodes.length % 5) * 24;
  const wanted = selected
    ? { x: selected.position.x + 340, y: selected.position.y }
    : {
        x: (rect.width / 2 - x) / k - NEW_NODE.width / 2 + jitter,
        y: (rect.height / 2 - y) / k - NEW_NODE.height / 2 + jitter
      };

  const taken = nodes.flatMap((node) => {
    const at = area.nodeViews.get(node.id)?.position;
    return at
      ? [
          {
            left: at.x - GAP,
            top: at.y - GAP,
            right: at.x + node.width + GAP,
            bottom: at.y + node.height + GAP
          }
        ]
      : [];
  });
  const free = (spot: { x: number; y: number }) =>
    taken.every(
      (box) =>
        spot.x >= box.right ||
        spot.x + NEW_NODE.width <= box.left ||
        spot.y >= box.bottom ||
        spot.y + NEW_NODE.height <= box.top
    );
  if (free(wanted)) return wanted;

  const view = {
    left: -x / k,
    top: -y / k,
    right: (rect.width - x) / k,
    bottom: (rect.height - y) / k
  };
  const spots: { x: number; y: number; distance: number }[] = [];
  for (let top = view.top; top + NEW_NODE.height <= view.bottom; top += TRY_STEP) {
    for (let left = view.left; left + NEW_NODE.width <= view.right; left += TRY_STEP) {
      spots.push({ x: left, y: top, distance: Math.hypot(left - wanted.x, top - wanted.y) });
    }
  }
  spots.sort((a, b) => a.distance - b.distance);
  const spot = spots.find(free);
  return spot ? { x: spot.x, y: spot.y } : wanted;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
