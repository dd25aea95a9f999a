import { definitionIdOf } from '../graph/subgraph';
import type { ExposedKind } from '../graph/subgraph-edit';
import type { MenuItem } from './context-menu';
import type { KumikiNode } from './kumiki-node.svelte';
import type { SubgraphEditor } from './subgraph-editor.svelte';

/**
 * The subgraph entries of a node's context menu: group the selection (or this node), open
 * and expand a subgraph node, and, inside a subgraph, show or hide each param of the node on
 * the subgraph node.
 */
export function subgraphMenu(
  subgraphs: SubgraphEditor,
  node: KumikiNode,
  selection: string[]
): MenuItem[] {
  const ids = selection.includes(node.id) ? selection : [node.id];
  const items: MenuItem[] = [
    {
      label: ids.length > 1 ? `Group ${ids.length} nodes into subgraph` : 'Group into subgraph',
      key: 'group',
      handler: () => void subgraphs.group(ids)
    }
  ];
  if (definitionIdOf(node.typeId) !== undefined && node.spec) {
    items.push(
      { label: 'Open subgraph', key: 'open', handler: () => void subgraphs.open(node.id) },
      { label: 'Expand subgraph', key: 'expand', handler: () => void subgraphs.expand(node.id) }
    );
  }
  if (subgraphs.inside) items.push(...exposeItems(subgraphs, node));
  return items;
}

/**
 * Inside a subgraph: show or hide each param, each output, and each input that no inner
 * edge feeds, on the subgraph node.
 */
function exposeItems(subgraphs: SubgraphEditor, node: KumikiNode): MenuItem[] {
  const items: MenuItem[] = [];
  const fed = new Set(subgraphs.wiredInputs(node.id));
  const entries: [ExposedKind, string, string][] = [
    ...Object.keys(node.spec?.params ?? {}).map(
      (k) => ['params', k, 'param'] as [ExposedKind, string, string]
    ),
    ...Object.keys(node.inputs)
      .filter((k) => !fed.has(k))
      .map((k) => ['inputs', k, 'input'] as [ExposedKind, string, string]),
    ...Object.keys(node.outputs).map(
      (k) => ['outputs', k, 'output'] as [ExposedKind, string, string]
    )
  ];
  for (const [kind, key, what] of entries) {
    const shown = subgraphs.isExposed(node.id, kind, key);
    items.push({
      label: shown ? `Hide ${what} "${key}" from subgraph node` : `Expose ${what} "${key}"`,
      key: `expose-${kind}-${key}`,
      handler: () => void subgraphs.toggleExposed(node.id, kind, key)
    });
  }
  return items;
}

/** Two presses this close in time (ms) and place (px) on one node make a double-click. */
const DOUBLE_MS = 400;
const DOUBLE_PX = 6;

/**
 * Opens a subgraph node on double-click. The canvas moves a pressed node to the front of the
 * others, which can keep the browser from seeing a double-click on it, so two presses on the
 * same node are counted here, before the canvas sees them. The browser's own double-click on
 * a subgraph node is stopped too, so it does not also zoom the view. Presses in a node's
 * fields, and on nodes that are not subgraphs, pass through untouched.
 */
export function openOnDoubleClick(
  container: HTMLElement,
  isSubgraph: (id: string) => boolean,
  open: (id: string) => void
): () => void {
  let last = { id: '', time: 0, x: 0, y: 0 };
  let openedAt = -Infinity;
  const subgraphAt = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('input, select, textarea, button')) return undefined;
    const id = target.closest<HTMLElement>('[data-node-id]')?.dataset.nodeId;
    return id && isSubgraph(id) ? id : undefined;
  };
  const press = (event: PointerEvent) => {
    const id = event.button === 0 ? subgraphAt(event) : undefined;
    if (!id) return;
    const near = Math.hypot(event.clientX - last.x, event.clientY - last.y) <= DOUBLE_PX;
    if (id === last.id && near && event.timeStamp - last.time <= DOUBLE_MS) {
      last = { id: '', time: 0, x: 0, y: 0 };
      openedAt = event.timeStamp;
      event.stopPropagation();
      open(id);
      return;
    }
    last = { id, time: event.timeStamp, x: event.clientX, y: event.clientY };
  };
  const swallow = (event: MouseEvent) => {
    // The node that was double-clicked is gone once it opened; its double-click still arrives.
    if (!subgraphAt(event) && event.timeStamp - openedAt > DOUBLE_MS) return;
    event.stopPropagation();
    event.preventDefault();
  };
  container.addEventListener('pointerdown', press, { capture: true });
  container.addEventListener('dblclick', swallow, { capture: true });
  return () => {
    container.removeEventListener('pointerdown', press, { capture: true });
    container.removeEventListener('dblclick', swallow, { capture: true });
  };
}
