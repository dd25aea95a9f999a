import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

interface SavedGraph {
  nodes: {
    id: string;
    type: string;
    params: Record<string, unknown>;
    position: { x: number; y: number };
  }[];
  edges: { from: { node: string; output: string }; to: { node: string; input: string } }[];
}

/** Saves the graph with Ctrl+S and reads the downloaded file, as a person would open it. */
async function savedGraph(page: Page): Promise<SavedGraph> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+s')
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as SavedGraph;
}

/** Clicks a spot of the canvas that no node or notice covers. */
async function clickEmpty(page: Page) {
  await page.getByTestId('canvas').click({ position: { x: 300, y: 650 } });
}

const edgeText = (g: SavedGraph) =>
  g.edges.map((e) => `${e.from.node}.${e.from.output}>${e.to.node}.${e.to.input}`).sort();

async function openPoints(page: Page): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('Persistence of a point cloud');
  await editor.dismissProblems();
  return editor;
}

test('modifier-click selects several nodes; copy and paste keep their edge', async ({ page }) => {
  const editor = await openPoints(page);
  await editor.node('points').locator('.title').click();
  await editor
    .node('persistence')
    .locator('.title')
    .click({ modifiers: ['Control'] });
  await expect(editor.node('points')).toHaveClass(/selected/);
  await expect(editor.node('persistence')).toHaveClass(/selected/);

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.node('points2')).toHaveClass(/selected/);
  await expect(editor.node('points')).not.toHaveClass(/selected/);
  const graph = await savedGraph(page);
  expect(edgeText(graph)).toContain('points2.clouds>persistence2.clouds');
  expect(graph.edges).toHaveLength(4);
  const original = graph.nodes.find((n) => n.id === 'points')!;
  const copy = graph.nodes.find((n) => n.id === 'points2')!;
  expect(copy.params).toEqual(original.params);
  expect(copy.position.x - original.position.x).toBe(40);

  // The whole paste is one undo step, and redo brings it back.
  await page.keyboard.press('Control+z');
  await expect(editor.nodes()).toHaveCount(4);
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.nodes()).toHaveCount(6);
  expect((await savedGraph(page)).edges).toHaveLength(4);
});

test('nodes copied in one tab paste into another with their edges', async ({ page, context }) => {
  test.setTimeout(60_000);
  const editor = await openPoints(page);
  await clickEmpty(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');

  const other = await context.newPage();
  const second = new EditorPage(other);
  await second.open();
  await other.getByRole('button', { name: 'New' }).click();
  const discard = other.getByRole('button', { name: /Discard/ });
  if (await discard.isVisible()) await discard.click();
  await expect(second.nodes()).toHaveCount(0);
  await clickEmpty(other);
  await other.keyboard.press('Control+v');
  await expect(second.nodes()).toHaveCount(4);
  const graph = await savedGraph(other);
  expect(edgeText(graph)).toEqual(edgeText(await savedGraph(page)));
  void editor;
});

test('cut, duplicate and delete of a box selection, each undone in one step', async ({ page }) => {
  const editor = await openPoints(page);
  const a = (await editor.node('points').boundingBox())!;
  const b = (await editor.node('persistence').boundingBox())!;

  // Shift-drag a box from above-left of points to inside persistence.
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, a.y - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + 40, b.y + 40, { steps: 8 });
  await expect(page.getByTestId('selection-box')).toBeVisible();
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(editor.node('points')).toHaveClass(/selected/);
  await expect(editor.node('persistence')).toHaveClass(/selected/);
  await expect(editor.node('diagram')).not.toHaveClass(/selected/);

  // The box selects nodes, not their text, so Ctrl+C copies the nodes.
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  await page.keyboard.press('Control+d');
  await expect(editor.nodes()).toHaveCount(6);
  expect(edgeText(await savedGraph(page))).toContain('points2.clouds>persistence2.clouds');

  await page.keyboard.press('Delete');
  await expect(editor.nodes()).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect(editor.nodes()).toHaveCount(6);
  expect((await savedGraph(page)).edges).toHaveLength(4);

  // Undo brings the nodes back unselected; pick one to cut it and paste it back.
  await editor.node('persistence2').locator('.title').click();
  await page.keyboard.press('Control+x');
  await expect(editor.nodes()).toHaveCount(5);
  await page.keyboard.press('Control+v');
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.node('persistence2')).toBeVisible();
});

test('a node move and a new edge are undone and redone', async ({ page }) => {
  const editor = await openPoints(page);
  const title = editor.node('diagram').locator('.title');
  const start = (await editor.node('diagram').boundingBox())!;
  const grip = (await title.boundingBox())!;
  await page.mouse.move(grip.x + 5, grip.y + 5);
  await page.mouse.down();
  await page.mouse.move(grip.x + 125, grip.y + 85, { steps: 6 });
  await page.mouse.up();
  const moved = (await editor.node('diagram').boundingBox())!;
  expect(moved.x - start.x).toBeGreaterThan(60);

  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await editor.node('diagram').boundingBox())!.x - start.x))
    .toBe(0);
  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(async () => Math.round((await editor.node('diagram').boundingBox())!.x - moved.x))
    .toBe(0);

  // Duplicate the persistence node, wire the cloud into it, then undo the wiring alone.
  await editor.node('persistence').locator('.title').click();
  await page.keyboard.press('Control+d');
  await expect(editor.node('persistence2')).toBeVisible();
  await page.waitForTimeout(300);
  await editor.wire(
    editor.socket('points', 'output', 'clouds'),
    editor.socket('persistence2', 'input', 'clouds')
  );
  expect(edgeText(await savedGraph(page))).toContain('points.clouds>persistence2.clouds');
  await page.keyboard.press('Control+z');
  const after = await savedGraph(page);
  expect(edgeText(after)).not.toContain('points.clouds>persistence2.clouds');
  expect(after.nodes.map((n) => n.id)).toContain('persistence2');
});

test('arrange moves only the selection and is undone in one step', async ({ page }) => {
  const editor = await openPoints(page);
  const graph = await savedGraph(page);
  const at = (id: string) => graph.nodes.find((n) => n.id === id)!.position;

  await editor.node('diagram').locator('.title').click();
  await editor
    .node('barcode')
    .locator('.title')
    .click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+Shift+a');
  await expect
    .poll(async () => {
      const now = await savedGraph(page);
      return JSON.stringify(now.nodes.find((n) => n.id === 'barcode')!.position);
    })
    .not.toBe(JSON.stringify(at('barcode')));
  const arranged = await savedGraph(page);
  const pos = (g: SavedGraph, id: string) => g.nodes.find((n) => n.id === id)!.position;
  expect(pos(arranged, 'points')).toEqual(at('points'));
  expect(pos(arranged, 'persistence')).toEqual(at('persistence'));
  // The arranged pair keeps its top-left corner.
  const corner = (g: SavedGraph | null, p = g!) =>
    ['diagram', 'barcode']
      .map((id) => pos(p, id))
      .reduce((c, v) => ({
        x: Math.min(c.x, v.x),
        y: Math.min(c.y, v.y)
      }));
  expect(corner(arranged)).toEqual(corner(graph));

  await page.keyboard.press('Control+z');
  const undone = await savedGraph(page);
  expect(pos(undone, 'barcode')).toEqual(at('barcode'));
  expect(pos(undone, 'diagram')).toEqual(at('diagram'));
});

test('the minimap shows every node', async ({ page }) => {
  const editor = await openPoints(page);
  const minimap = page.getByTestId('minimap');
  await expect(minimap).toBeVisible();
  await expect(minimap).toHaveAttribute('data-nodes', String(await editor.nodes().count()));

  // Clicking the minimap's far corner moves the view there.
  const before = await editor.node('points').boundingBox();
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + box.width - 8, box.y + box.height - 8);
  await expect
    .poll(async () => (await editor.node('points').boundingBox())?.x ?? -1e9)
    .not.toBe(before!.x);
});
