import type { Item, ItemsCollection } from 'rete-context-menu-plugin/_types/types';
import type { NodeType } from '../graph/node-type';
import type { KumikiNode } from './kumiki-node.svelte';

/** What the context menu can do to the graph. */
export interface MenuActions {
  add(type: string): void;
  remove(node: KumikiNode): void;
}

/**
 * The context menu: on the background, every node type (searchable by title and category)
 * to add at the pointer; on a node, Delete.
 */
export function menuItems(nodeTypes: readonly NodeType[], actions: MenuActions) {
  return (context: 'root' | KumikiNode): ItemsCollection => {
    if (context === 'root') {
      const list: Item[] = [...nodeTypes]
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
      list: [{ label: 'Delete', key: 'delete', handler: () => actions.remove(context) }]
    };
  };
}
