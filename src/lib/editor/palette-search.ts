import type { NodeType } from '../graph/node-type';

/** Node types grouped by category, each group sorted by title. */
export interface PaletteGroup {
  category: string;
  types: NodeType[];
}

/**
 * The node types whose title, category, type id or description contain every word of
 * `query` (case-insensitive), grouped by category.
 */
export function searchPalette(types: readonly NodeType[], query: string): PaletteGroup[] {
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
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => ({
      category,
      types: list.sort((a, b) => a.title.localeCompare(b.title))
    }));
}
