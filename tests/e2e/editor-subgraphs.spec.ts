import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

interface SavedGraph {
  version: number;
  nodes: { id: string; type: string; params: Record<string, unknown> }[];
  edges: { from: { node: string; output: string }; to: { node: string; input: string } }[];
  subgraphs?: Record<
    string,
    { title: string; nodes: { id: string }[]; outputs: { name: string }[]; params: unknown[] }
  >;
}

/** GUDHI's diagram of the bundled circle: how many points it has in each dimension. */
const reference: { diagram: Record<string, unknown[]> } = JSON.parse(
  readFileSync('tests/fixtures/graphs/persistence-of-points.json', 'utf-8')
);
const pointsIn = (dims: string[]) => dims.reduce((n, d) => n + reference.diagram[d].length, 0);

async function savedGraph(page: Page): Promise<SavedGraph> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+s')
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as SavedGraph;
}

/** Opens the persistence example, fitted so every node can be reached. */
async function openPoints(page: Page): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.openFitted('Persistence of a point cloud');
  return editor;
}

test.describe.configure({ timeout: 120_000 });

/** Shift-drags a box from above-left of `first` to inside `last`, as a person selects. */
async function boxSelect(page: Page, editor: EditorPage, first: string, last: string) {
  const a = (await editor.node(first).boundingBox())!;
  const b = (await editor.node(last).boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, a.y - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + 40, b.y + 40, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

async function menuItem(page: Page, nodeTitle: ReturnType<EditorPage['node']>, text: RegExp) {
  await nodeTitle.locator('.title').click({ button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  await menu.getByText(text).click();
}

test('group a box selection, open it, expose a param, go back, run, reuse and expand', async ({
  page
}, info) => {
  const editor = await openPoints(page);
  await boxSelect(page, editor, 'points', 'persistence');
  await expect(editor.node('points')).toHaveClass(/selected/);
  await expect(editor.node('persistence')).toHaveClass(/selected/);

  // Ctrl+G: the two nodes become one subgraph node wired to the two plots.
  await page.keyboard.press('Control+g');
  await expect(editor.nodes()).toHaveCount(3);
  await expect(editor.node('group')).toBeVisible();
  await expect(editor.node('group').locator('.title')).toHaveText('Group 1');
  await page.screenshot({ path: info.outputPath('grouped.png') });
  let graph = await savedGraph(page);
  expect(graph.version).toBe(2);
  expect(graph.subgraphs!.group.nodes.map((n) => n.id)).toEqual(['points', 'persistence']);
  expect(graph.edges.map((e) => `${e.from.node}.${e.from.output}>${e.to.node}`).sort()).toEqual([
    'group.diagrams>barcode',
    'group.diagrams>diagram'
  ]);

  // Grouping is one undo step, and redo groups again.
  await page.keyboard.press('Control+z');
  await expect(editor.nodes()).toHaveCount(4);
  expect((await savedGraph(page)).edges).toHaveLength(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.nodes()).toHaveCount(3);

  // Double-click opens it: the inner nodes and a breadcrumb back to the graph.
  await editor.node('group').locator('.title').dblclick();
  const trail = page.getByTestId('subgraph-trail');
  await expect(trail).toBeVisible();
  await expect(trail.getByRole('textbox', { name: 'Subgraph title' })).toHaveValue('Group 1');
  await expect(page.getByTestId('subgraph-interface')).toContainText('outputs: diagrams');
  await expect.poll(() => editor.nodeIds()).toEqual(['persistence', 'points']);

  // Expose maxDimension from the node's menu inside, then go back with the breadcrumb.
  await menuItem(page, editor.node('persistence'), /Expose param "maxDimension"/);
  await page.screenshot({ path: info.outputPath('inside.png') });
  await trail.getByRole('button', { name: 'Persistence of a point cloud' }).click();
  await expect(trail).toBeHidden();
  await expect.poll(() => editor.nodeIds()).toEqual(['barcode', 'diagram', 'group']);
  await expect(editor.param('group', 'maxDimension')).toHaveValue('1');

  // Run all: the subgraph node shows the diagram GUDHI gives (dimensions 0 and 1).
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(editor.node('group')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(editor.node('barcode')).toHaveAttribute('data-status', 'done');
  await expect(editor.node('group').getByTestId('node-preview')).toContainText(
    `${pointsIn(['0', '1'])} points per diagram`
  );

  // The param set outside reaches the inner node: dimension 0 only.
  await editor.setParam('group', 'maxDimension', '0');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(editor.node('group').getByTestId('node-preview')).toContainText(
    `${pointsIn(['0'])} points per diagram`,
    { timeout: 60_000 }
  );
  await page.screenshot({ path: info.outputPath('ran.png') });

  // Reuse: the palette lists the subgraph; a second node shares the one definition.
  const palette = page.getByRole('complementary', { name: 'Node palette' });
  await expect(palette.getByRole('heading', { name: 'Subgraphs' })).toBeVisible();
  await palette.locator('[data-node-type="subgraph/group"]').click();
  await expect(editor.node('group2')).toBeVisible();
  graph = await savedGraph(page);
  expect(Object.keys(graph.subgraphs!)).toEqual(['group']);
  expect(graph.nodes.filter((n) => n.type === 'subgraph/group').map((n) => n.id)).toEqual([
    'group',
    'group2'
  ]);
  expect(graph.nodes.find((n) => n.id === 'group')!.params).toEqual({ maxDimension: 0 });

  // Expand (Ctrl+Shift+G): the nodes come back with their edges and the value set outside.
  await editor.node('group').locator('.title').click();
  await page.keyboard.press('Control+Shift+g');
  await expect(editor.node('persistence')).toBeVisible();
  await expect(editor.param('persistence', 'maxDimension')).toHaveValue('0');
  graph = await savedGraph(page);
  expect(graph.edges.map((e) => `${e.from.node}>${e.to.node}`).sort()).toEqual([
    'persistence>barcode',
    'persistence>diagram',
    'points>persistence'
  ]);
  await page.screenshot({ path: info.outputPath('expanded.png') });
  await page.keyboard.press('Control+z');
  await expect(editor.node('group')).toBeVisible();
  await expect(editor.node('persistence')).toHaveCount(0);
});

test('the menu groups, Enter opens, inner edits are one undo step outside, Alt+Up leaves', async ({
  page
}) => {
  const editor = await openPoints(page);
  await editor.node('diagram').locator('.title').click();
  await editor
    .node('barcode')
    .locator('.title')
    .click({ modifiers: ['Control'] });
  await menuItem(page, editor.node('barcode'), /Group 2 nodes into subgraph/);
  await expect(editor.nodes()).toHaveCount(3);

  // Enter on the selected subgraph node opens it. Inside: rename it, show the diagram's plot
  // as an output, and delete an inner node.
  await editor.node('group').locator('.title').click();
  await page.keyboard.press('Enter');
  const trail = page.getByTestId('subgraph-trail');
  await expect(trail).toBeVisible();
  await trail.getByRole('textbox', { name: 'Subgraph title' }).fill('Plots');
  await trail.getByRole('textbox', { name: 'Subgraph title' }).press('Enter');
  await menuItem(page, editor.node('diagram'), /Expose output "plot"/);
  await expect(page.getByTestId('subgraph-interface')).toContainText('outputs: plot');
  await editor.node('barcode').locator('.title').click();
  await page.keyboard.press('Delete');
  await expect(editor.nodes()).toHaveCount(1);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('subgraph-trail')).toBeHidden();
  await expect(editor.node('group').locator('.title')).toHaveText('Plots');
  await expect(editor.socket('group', 'output', 'plot')).toBeVisible();
  let graph = await savedGraph(page);
  expect(graph.subgraphs!.group.nodes.map((n) => n.id)).toEqual(['diagram']);
  expect(graph.subgraphs!.group.outputs.map((o) => o.name)).toEqual(['plot']);

  // One undo takes back everything done inside; redo brings it back.
  await page.keyboard.press('Control+z');
  graph = await savedGraph(page);
  expect(graph.subgraphs!.group.nodes.map((n) => n.id)).toEqual(['diagram', 'barcode']);
  expect(graph.subgraphs!.group.title).toBe('Group 1');
  await expect(editor.node('group').locator('.title')).toHaveText('Group 1');
  await page.keyboard.press('Control+Shift+z');
  graph = await savedGraph(page);
  expect(graph.subgraphs!.group.nodes.map((n) => n.id)).toEqual(['diagram']);

  // The help overlay lists the subgraph shortcuts.
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help.getByTestId('shortcut-group')).toContainText('Ctrl+G');
  await expect(help.getByTestId('shortcut-openSubgraph')).toContainText('Enter');
});

test('the draft and copy/paste into a new graph carry the definition', async ({ page }) => {
  const editor = await openPoints(page);
  await boxSelect(page, editor, 'points', 'persistence');
  await page.keyboard.press('Control+g');
  await expect(editor.node('group')).toBeVisible();

  // A reload offers the draft back, subgraph and all.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(editor.node('group')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Restored your draft');
  expect((await savedGraph(page)).subgraphs!.group.nodes).toHaveLength(2);

  // Copy the subgraph node, start a new graph and paste: the definition comes along.
  await editor.node('group').locator('.title').click();
  await page.keyboard.press('Control+c');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const discard = page.getByRole('button', { name: /Discard/ });
  if (await discard.isVisible()) await discard.click();
  await expect(editor.nodes()).toHaveCount(0);
  await page.getByTestId('canvas').click({ position: { x: 400, y: 400 } });
  await page.keyboard.press('Control+v');
  await expect(editor.node('group')).toBeVisible();
  const graph = await savedGraph(page);
  expect(graph.nodes.map((n) => n.type)).toEqual(['subgraph/group']);
  expect(graph.subgraphs!.group.nodes.map((n) => n.id)).toEqual(['points', 'persistence']);

  // Inside the subgraph, its own node cannot be placed: that would contain itself.
  await editor.node('group').locator('.title').dblclick();
  await expect(page.getByTestId('subgraph-trail')).toBeVisible();
  const palette = page.getByRole('complementary', { name: 'Node palette' });
  await palette.locator('[data-node-type="subgraph/group"]').click();
  await expect(page.getByTestId('notice')).toContainText('it would contain itself');
  await expect(editor.nodes()).toHaveCount(2);

  // A subgraph inside the subgraph: group the points node there and open it too.
  await editor.node('points').locator('.title').click();
  await page.keyboard.press('Control+g');
  await expect(editor.node('group2')).toBeVisible();
  await editor.node('group2').locator('.title').dblclick();
  const trail = page.getByTestId('subgraph-trail');
  await expect(trail.getByRole('button', { name: 'Group 1' })).toBeVisible();
  await expect(trail.getByRole('textbox', { name: 'Subgraph title' })).toHaveValue('Group 2');
  await expect.poll(() => editor.nodeIds()).toEqual(['points']);

  // The graph's title in the breadcrumb goes all the way back; the nested graph runs.
  await trail.getByRole('button', { name: 'Untitled graph' }).click();
  await expect(trail).toBeHidden();
  const nested = await savedGraph(page);
  expect(Object.keys(nested.subgraphs!).sort()).toEqual(['group', 'group2']);
  expect(nested.subgraphs!.group.nodes.map((n) => n.id)).toEqual(['group2', 'persistence']);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(editor.node('group')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(editor.node('group').getByTestId('node-preview')).toContainText(
    `${pointsIn(['0', '1'])} points per diagram`
  );
});
