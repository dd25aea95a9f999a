import type { Item, ItemsCollection } from 'rete-context-menu-plugin/_types/types';
import type { NodeType } from '../graph/node-type';
import CanvasMenu from './CanvasMenu.svelte';
import type { KumikiNode } from './kumiki-node.svelte';

/** An entry of the context menu: its text and what it does. */
export type MenuItem = Item;

/** A point of the area, in graph units. */
export interface Point {
  x: number;
  y: number;
}

/** What the context menu can do to the graph. */
export interface MenuActions {
  /** Adds a node of `type` at `at`, where the menu was opened. */
  add(type: string, at: Point): void;
  /** Where the menu is being opened: the pointer, or the middle of the view from the keyboard. */
  where(): Point;
  remove(node: KumikiNode): void;
  /** More entries for a node (group, open, expand, expose), listed before Delete. */
  nodeItems?(node: KumikiNode): Item[];
  /** Node types besides the registry's, such as this graph's subgraphs. */
  extraTypes?(): readonly NodeType[];
}

/**
 * The context menu: on the background, every node type (searchable by title and category)
 * to add where the menu was opened; on a node, the subgraph actions that apply and Delete.
 */
export function menuItems(nodeTypes: readonly NodeType[], actions: MenuActions) {
  return (context: 'root' | KumikiNode): ItemsCollection => {
    if (context === 'root') {
      const at = actions.where();
      const list: Item[] = [...nodeTypes, ...(actions.extraTypes?.() ?? [])]
        .sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title))
        .map((type) => ({
          label: `${type.title} · ${type.category}`,
          key: type.type,
          handler: () => actions.add(type.type, at)
        }));
      return { searchBar: true, list };
    }
    return {
      searchBar: false,
      list: [
        ...(actions.nodeItems?.(context) ?? []),
        { label: 'Delete', key: 'delete', handler: () => actions.remove(context) }
      ]
    };
  };
}

/** What the context menu plugin asks the renderer to draw. */
interface MenuSignal {
  type: 'contextmenu';
  items: Item[];
  searchBar?: boolean;
  onHide(): void;
}

/**
 * The renderer preset that draws the context menu with CanvasMenu, which the keyboard can
 * use; `delay` is how long the menu stays after the mouse leaves it, in milliseconds.
 */
export function menuPreset(delay: number) {
  const isMenu = (data: { type: string }): data is MenuSignal => data.type === 'contextmenu';
  const props = (data: MenuSignal) => ({
    items: data.items,
    searchBar: data.searchBar ?? false,
    onHide: data.onHide,
    delay
  });
  return {
    update(context: { data: { type: string } }) {
      if (isMenu(context.data)) return props(context.data);
    },
    render(context: { data: { type: string } }) {
      if (isMenu(context.data)) return { component: CanvasMenu, props: props(context.data) };
    }
    // The renderer's preset type cannot name a component of our own; minimap.ts does the same.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  } as any;
}

/** Space kept between the menu and the window edge, in pixels. */
const EDGE = 8;

/**
 * Moves the menu the plugin has just placed inside `holder` (its fixed-position box at the
 * pointer) back inside the window when it was opened near the right or bottom edge.
 */
export function fitMenu(holder: HTMLElement): void {
  const menu = holder.querySelector<HTMLElement>('.rete-context-menu');
  if (!menu) return;
  const box = menu.getBoundingClientRect();
  const left = parseFloat(holder.style.left) || 0;
  const top = parseFloat(holder.style.top) || 0;
  const dx = box.left < EDGE ? EDGE - box.left : Math.min(0, window.innerWidth - EDGE - box.right);
  const dy = box.top < EDGE ? EDGE - box.top : Math.min(0, window.innerHeight - EDGE - box.bottom);
  holder.style.left = `${left + dx}px`;
  holder.style.top = `${top + dy}px`;
}
