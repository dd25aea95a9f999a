import type { Locator } from '@playwright/test';

/**
 * The node views `nodes` finds, and the pairs of them that cover each other on screen, named
 * "a and b". Edges that meet within `tolerance` pixels do not count as covering.
 */
export async function coveredNodes(
  nodes: Locator,
  tolerance = 0
): Promise<{ count: number; covered: string[] }> {
  const rects = await nodes.evaluateAll((views) =>
    views.map((view) => {
      const { left, top, right, bottom } = view.getBoundingClientRect();
      return { id: view.getAttribute('data-node-id'), left, top, right, bottom };
    })
  );
  const meet = (a: (typeof rects)[number], b: (typeof rects)[number]) =>
    a.left < b.right - tolerance &&
    b.left < a.right - tolerance &&
    a.top < b.bottom - tolerance &&
    b.top < a.bottom - tolerance;
  const covered = rects.flatMap((a, i) =>
    rects
      .slice(i + 1)
      .filter((b) => meet(a, b))
      .map((b) => `${a.id} and ${b.id}`)
  );
  return { count: rects.length, covered };
}
