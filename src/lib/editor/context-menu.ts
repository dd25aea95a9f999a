import type { Item, ItemsCollection } from 'rete-context-menu-plugin/_types/types';
import type { NodeType } from '../graph/node-type';
import type { KumikiNode } from './kumiki-node.svelte';

/** An entry of the context menu: its text and what it does. */
export type MenuItem = Item;

/** What the context menu can do to the graph. */
export interface MenuActions {
  add(type: string): void;
  remove(node: KumikiNode): void;
  /** More entries for a node (group, open, expand, expose), listed before Delete. */
  nodeItems?(node: KumikiNode): Item[];
  /** Node types besides the registry's, such as this graph's subgraphs. */
  extraTypes?(): readonly NodeType[];
}

/**
 * The context menu: on the background, every node type (searchable by title and category)
 * to add at the pointer; on a node, the subgraph actions that apply and Delete.
 */
export function menuItems(nodeTypes: readonly NodeType[], actions: MenuActions) {
  return (context: 'root' | KumikiNode): ItemsCollection => {
    if (context === 'root') {
      const list: Item[] = [...nodeTypes, ...(actions.extraTypes?.() ?? [])]
        .sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title))
        .map((type) => ({
          label: `${type.title} · ${type.category}`,
          key: type.type,
          handler: () => actions.add(type.type)
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

/** Space kept between the menu and the window edge, in pixels. */
const EDGE = 8;

/**
 * Finishes the menu the plugin has just drawn inside `holder` (its fixed-position box at the
 * pointer): moves it back inside the window when it was opened near the right or bottom edge,
 * and gives the search box a placeholder and a name, which the plugin's own box lacks.
 */
export function fitMenu(holder: HTMLElement): void {
  const menu = holder.querySelector<HTMLElement>('.rete-context-menu');
  if (!menu) return;
  const search = menu.querySelector<HTMLInputElement>('input.search');
  if (search) {
    search.placeholder = 'Search nodes';
    search.setAttribute('aria-label', 'Search nodes');
  }
  const box = menu.getBoundingClientRect();
  const left = parseFloat(holder.style.left) || 0;
  const top = parseFloat(holder.style.top) || 0;
  const dx = box.left < EDGE ? EDGE - box.left : Math.min(0, window.innerWidth - EDGE - box.right);
  const dy = box.top < EDGE ? EDGE - box.top : Math.min(0, window.innerHeight - EDGE - box.bottom);
  holder.style.left = `${left + dx}px`;
  holder.style.top = `${top + dy}px`;
}
