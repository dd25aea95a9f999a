import type { NodeType } from '../graph/node-type';

/** Node types grouped by category, each group sorted by title. */
export interface PaletteGroup {
  category: string;
  types: NodeType[];
}

/**
 * The node types whose title, category, type id or description contain every word of
 * `query` (case-insensitive), grouped by category. The categories of `first` (this graph's
 * own types, such as its subgraphs) come before the others.
 */
export function searchPalette(
  types: readonly NodeType[],
  query: string,
  first: readonly NodeType[] = []
): PaletteGroup[] {
  const own = new Set(first.map((t) => t.category));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = types.filter((type) => {
    const haystack =
      `${type.title} ${type.category} ${type.type} ${type.description}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });

  const groups = new Map<string, NodeType[]>();
  for (const type of matches) {
    const group = groups.get(type.category) ?? [];
    group.push(type);
    groups.set(type.category, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => Number(own.has(b)) - Number(own.has(a)) || a.localeCompare(b))
    .map(([category, list]) => ({
      category,
      types: list.sort((a, b) => a.title.localeCompare(b.title))
    }));
}
