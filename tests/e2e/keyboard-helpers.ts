import { expect, type Locator, type Page } from '@playwright/test';

/** Helpers for the keyboard specs: where things are on screen, and graphs opened as files. */

export async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('Not on screen.');
  return found;
}

/** Checks a screen distance against graph units times the zoom, to within a pixel. */
export function near(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThan(1.5);
}

/** Opens a graph file through the toolbar's file input, as picking a file does. */
export async function openGraph(page: Page, graph: object) {
  await page.getByTestId('open-input').setInputFiles({
    name: 'keys.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(graph))
  });
  const title = (graph as { title: string }).title;
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(title);
}

export const node = (id: string, type: string, x: number, y: number) => ({
  id,
  type,
  version: 1,
  params: {},
  position: { x, y }
});
