import { AreaExtensions } from 'rete-area-plugin';
import type { KumikiNode } from './kumiki-node.svelte';
import type { KumikiArea } from './schemes';
import { fitNodes, fittingZoom } from './view';

/**
 * The smallest zoom a graph is fitted at when it is opened. A graph that would need less (a
 * large one) opens at its saved view, the corner its author left it at, and F fits it.
 */
export const OPENING_MIN_ZOOM = 0.15;

/**
 * Sets the first view of a graph just opened, whose saved view (if any) is already applied.
 * The saved view stays when it shows every node; a file saved on a wider window, or without a
 * view, is fitted into the canvas instead, at no more than its saved zoom.
 */
export async function openingView(
  area: KumikiArea,
  nodes: KumikiNode[],
  saved: boolean
): Promise<void> {
  if (nodes.length === 0) return;
  if (!saved) return fitNodes(area, nodes);
  if (showsAll(area, nodes) || fittingZoom(area, nodes) < OPENING_MIN_ZOOM) return;
  await fitNodes(area, nodes, Math.min(1, area.area.transform.k));
}

/** Whether every one of `nodes` lies wholly inside the canvas at the current view. */
function showsAll(area: KumikiArea, nodes: KumikiNode[]): boolean {
  const box = AreaExtensions.getBoundingBox(area, nodes);
  const { x, y, k } = area.area.transform;
  const { clientWidth: width, clientHeight: height } = area.container;
  const inX = box.left * k + x >= 0 && box.right * k + x <= width;
  return inX && box.top * k + y >= 0 && box.bottom * k + y <= height;
}
