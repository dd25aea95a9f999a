import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

test('a long param name is readable on the node: it wraps and its label names it in full', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByTestId('palette-search').fill('DDPM sampler');
  await page.getByTestId('palette-item').first().click();

  const input = page.getByLabel('trajectorySteps', { exact: true });
  await expect(input).toBeVisible();
  const id = await input.getAttribute('id');
  const label = page.locator(`label[for="${id}"]`);
  await expect(label).toHaveAttribute('title', /^trajectorySteps: \S/);
  // Nothing of the name is cut off: the label shows all of its text.
  const clipped = await label.evaluate(
    (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
  );
  expect(clipped).toBe(false);
  await expect(label).toHaveText('trajectorySteps');
});

test('the canvas menu opened near the bottom edge stays in the window and its search says what it does', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const canvas = page.getByTestId('canvas');
  const area = await canvas.boundingBox();
  if (!area) throw new Error('the canvas has no box');

  await canvas.click({ button: 'right', position: { x: area.width / 2, y: area.height - 12 } });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  const search = menu.getByRole('textbox', { name: 'Search nodes' });
  await expect(search).toHaveAttribute('placeholder', 'Search nodes');

  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  await expect
    .poll(async () => {
      const box = await menu.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    })
    .toBe(true);
  const box = await menu.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);

  // It still works: a search narrows the list and a click adds the node.
  await search.fill('DDPM');
  await menu.getByText(/DDPM sampler/).click();
  await expect(page.getByLabel('trajectorySteps', { exact: true })).toBeVisible();
});

/** GUDHI's diagram of the bundled circle, kept as a fixture with the script that made it. */
const circle: { count: number; diagram: Record<string, unknown[]> } = JSON.parse(
  readFileSync('tests/fixtures/graphs/persistence-of-points.json', 'utf-8')
);

/** Opens the persistence example, fitted so every node can be reached. */
async function openPersistence(page: Page): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.openFitted('Persistence of a point cloud');
  return editor;
}

/** Shift-drags a box around two nodes, groups them with Ctrl+G and gives the new node's id. */
async function groupTwo(page: Page, editor: EditorPage, first: string, last: string) {
  const before = await editor.nodeIds();
  const a = (await editor.node(first).boundingBox())!;
  const b = (await editor.node(last).boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, a.y - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + 40, b.y + 40, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+g');
  await expect.poll(async () => (await editor.nodeIds()).length).toBe(before.length - 1);
  const made = (await editor.nodeIds()).filter((id) => !before.includes(id));
  expect(made).toHaveLength(1);
  return made[0];
}

// An information notice goes by itself after 4 s; these checks look well before that, so a
// notice still there is one the action left behind.
const SOON = { timeout: 1000 };

test('a notice about a subgraph action goes away on open, back and expand', async ({ page }) => {
  test.setTimeout(90_000);
  const editor = await openPersistence(page);
  const notice = page.getByTestId('notice');
  const trail = page.getByTestId('subgraph-trail');

  const group = await groupTwo(page, editor, 'points', 'persistence');
  await expect(notice).toContainText('Grouped 2 nodes into "Group 1"');
  // Opening the subgraph: the notice about grouping is gone.
  await editor.node(group).locator('.title').dblclick();
  await expect(trail).toBeVisible();
  await expect(notice).toBeHidden(SOON);

  // Inside, expose a param: the notice says so; going back, it is gone.
  await editor.node('persistence').locator('.title').click({ button: 'right' });
  await page
    .getByTestId('context-menu')
    .getByText(/Expose param "maxDimension"/)
    .click();
  await expect(notice).toContainText('The param "maxDimension" of "persistence" is shown');
  await trail.getByRole('button', { name: 'Persistence of a point cloud' }).click();
  await expect(trail).toBeHidden();
  await expect(notice).toBeHidden(SOON);

  // Expand it; then group again and expand at once: the grouping notice goes with the node.
  const all = ['barcode', 'diagram', 'persistence', 'points'];
  await expandNode(page, editor, group);
  await expect.poll(() => editor.nodeIds()).toEqual(all);
  const again = await groupTwo(page, editor, 'points', 'persistence');
  await expect(notice).toContainText('Grouped 2 nodes');
  await expandNode(page, editor, again);
  await expect.poll(() => editor.nodeIds()).toEqual(all);
  await expect(notice).toBeHidden(SOON);
});

async function expandNode(page: Page, editor: EditorPage, id: string) {
  await editor.node(id).locator('.title').click({ button: 'right' });
  await page.getByTestId('context-menu').getByText('Expand subgraph').click();
}

test('a run of one point cloud says "1 pair", not "1 pairs"', async ({ page }) => {
  test.setTimeout(90_000);
  const editor = await openPersistence(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(editor.node('persistence')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000
  });

  const cloud = editor.node('points').getByTestId('node-preview');
  await expect(cloud).toContainText('1 pair of point clouds');
  await expect(cloud).toContainText(`${circle.count} points in R^2 on average`);
  const diagrams = editor.node('persistence').getByTestId('node-preview');
  await expect(diagrams).toContainText('1 pair of diagrams');
  const points = circle.diagram['0'].length + circle.diagram['1'].length;
  await expect(diagrams).toContainText(`${points} points per diagram on average`);
  await expect(page.getByText(/\b1 pairs\b/)).toHaveCount(0);
});

test('dragging the empty canvas pans without selecting the text of the page', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const node = editor.nodes().first();
  const before = (await node.boundingBox())!;

  // From an empty spot low on the canvas, left over the Nodes panel and up.
  await page.mouse.move(canvas.x + 400, canvas.y + canvas.height - 150);
  await page.mouse.down();
  await page.mouse.move(canvas.x - 120, canvas.y + 200, { steps: 12 });
  await page.mouse.up();

  const after = (await node.boundingBox())!;
  expect(after.x).toBeLessThan(before.x - 100);
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');

  // Only the canvas holds back text selection: the run log's text can still be selected by a
  // drag that starts on it.
  const text = (await page.getByText('Nothing has run yet.').boundingBox())!;
  await page.mouse.move(text.x + 2, text.y + text.height / 2);
  await page.mouse.down();
  await page.mouse.move(text.x + text.width - 2, text.y + text.height / 2, { steps: 6 });
  await page.mouse.up();
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(/has run/);
});

test('an opened subgraph shows how its inner nodes ended in the last run', async ({ page }) => {
  test.setTimeout(120_000);
  const editor = await openPersistence(page);
  expect(await groupTwo(page, editor, 'points', 'persistence')).toBe('group');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(editor.node('group')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(editor.node('barcode')).toHaveAttribute('data-status', 'done');

  // Inside: both inner nodes ran and show their time, as nodes of the graph itself do.
  await editor.node('group').locator('.title').dblclick();
  await expect(page.getByTestId('subgraph-trail')).toBeVisible();
  await expect.poll(() => editor.nodeIds()).toEqual(['persistence', 'points']);
  for (const id of ['points', 'persistence']) {
    await expect(editor.node(id)).toHaveAttribute('data-status', 'done');
    await expect(editor.node(id)).toContainText(/last run \d/);
  }

  // Back outside, the graph's nodes show the run again, with their previews.
  await page
    .getByTestId('subgraph-trail')
    .getByRole('button', { name: 'Persistence of a point cloud' })
    .click();
  await expect(editor.node('group')).toHaveAttribute('data-status', 'done');
  await expect(editor.node('barcode')).toHaveAttribute('data-status', 'done');
  const points = circle.diagram['0'].length + circle.diagram['1'].length;
  await expect(editor.node('group').getByTestId('node-preview')).toContainText(
    `${points} points per diagram`
  );
});

test('grouping one node says "1 node"', async ({ page }) => {
  const editor = await openPersistence(page);
  await editor.node('persistence').locator('.title').click({ button: 'right' });
  await page.getByTestId('context-menu').getByText('Group into subgraph').click();
  await expect(page.getByTestId('notice')).toContainText('Grouped 1 node into "Group 1"');
});
