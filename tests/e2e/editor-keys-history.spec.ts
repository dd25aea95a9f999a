import { expect, test, type Locator, type Page } from '@playwright/test';
import { HOLD_PAUSE_MS } from '../../src/lib/editor/node-keys';
import { seriousViolations } from './axe';
import { EditorPage } from './editor-page';
import { box, node, openGraph } from './keyboard-helpers';

/** Two nodes, so the counts below do not wait on a large example to finish drawing. */
const TWO = {
  format: 'kumiki-graph',
  version: 1,
  title: 'Two nodes',
  seed: 0,
  nodes: [node('points', 'data/points', 0, 0), node('persistence', 'topology/persistence', 420, 0)],
  edges: []
};

/** Puts the keyboard on the canvas the way a person does: the skip link, then Enter. */
async function focusCanvas(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Skip to the graph' }).focus();
  await page.keyboard.press('Enter');
  const canvas = page.getByRole('region', { name: 'Graph canvas' });
  await expect(canvas).toBeFocused();
  return canvas;
}

/** How far `node` is from `start` on screen, in graph units at `zoom`, rounded. */
async function offset(node: Locator, start: { x: number; y: number }, zoom: number) {
  const now = await box(node);
  return [Math.round((now.x - start.x) / zoom), Math.round((now.y - start.y) / zoom)];
}

test('a held arrow key, or quick presses of it, move the focused node as one undo step', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await focusCanvas(page);
  await page.keyboard.press(']');
  const stsb = editor.node('stsb');
  await expect(stsb).toBeFocused();
  const zoom = await editor.zoom();
  const start = await box(stsb);

  // Held: five key-downs without a key-up are the press and four repeats, 10 units each.
  for (let press = 0; press < 5; press++) await page.keyboard.down('ArrowRight');
  await page.keyboard.up('ArrowRight');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([50, 0]);
  // After a longer pause a press is a step of its own.
  await page.waitForTimeout(HOLD_PAUSE_MS + 300);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([60, 0]);

  await page.keyboard.press('Control+z');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([50, 0]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([0, 0]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([50, 0]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([0, 0]);

  // Three quick presses of Shift+Down: 150 units, taken back by one Ctrl+Z.
  for (let press = 0; press < 3; press++) await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([0, 150]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => offset(stsb, start, zoom)).toEqual([0, 0]);
});

test('undoing a group shows again how its nodes ended in the last run', async ({ page }) => {
  test.setTimeout(90_000);
  const editor = new EditorPage(page);
  await editor.openFitted('Persistence of a point cloud');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 60_000
  });
  const ids = ['points', 'persistence', 'diagram', 'barcode'];
  const times = new Map<string, string>();
  for (const id of ids) {
    await expect(editor.node(id).getByTestId('node-status')).toHaveText('done');
    times.set(id, (await editor.node(id).locator('.time').textContent()) ?? '');
    expect(times.get(id)).toMatch(/^last run \d/);
  }

  await editor.node('points').locator('.title').click();
  await editor
    .node('persistence')
    .locator('.title')
    .click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+g');
  await expect(editor.nodes()).toHaveCount(3);
  // The canvas was reloaded: the nodes left outside the group still show their run.
  await expect(editor.node('diagram').getByTestId('node-status')).toHaveText('done');

  await page.keyboard.press('Control+z');
  await expect(editor.nodes()).toHaveCount(4);
  for (const id of ids) {
    await expect(editor.node(id).getByTestId('node-status')).toHaveText('done');
    await expect(editor.node(id).locator('.time')).toHaveText(times.get(id)!);
  }
  // The run's previews come back too: the diagram node shows its plot.
  await expect(editor.node('diagram').getByTestId('node-preview')).toBeVisible();

  await page.keyboard.press('Control+Shift+z');
  await expect(editor.nodes()).toHaveCount(3);
  await expect(editor.node('barcode').locator('.time')).toHaveText(times.get('barcode')!);
});

test('Shift+F10 and the Menu key open the canvas and node menus, which the keys work', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await openGraph(page, TWO);
  const before = ['persistence', 'points'];
  await expect.poll(() => editor.nodeIds()).toEqual(before);
  const canvas = await focusCanvas(page);
  const stage = await box(canvas);

  // The add-node menu opens in the middle of the view with the focus in its search field.
  await page.keyboard.press('Shift+F10');
  const addMenu = page.getByRole('menu', { name: 'Add a node' });
  await expect(addMenu).toBeVisible();
  const search = page.getByTestId('context-menu').getByRole('textbox', { name: 'Search nodes' });
  await expect(search).toBeFocused();
  const shown = await box(page.getByTestId('context-menu'));
  expect(Math.abs(shown.x - (stage.x + stage.width / 2))).toBeLessThan(40);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('context-menu')).toHaveCount(0);
  await expect(canvas).toBeFocused();

  // The Menu key: type to narrow the list, walk it with the arrows, Enter adds the entry.
  await page.keyboard.press('ContextMenu');
  await expect(search).toBeFocused();
  await page.keyboard.type('distance');
  const entries = addMenu.getByRole('menuitem');
  const count = await entries.count();
  expect(count).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(entries.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(1)).toBeFocused();
  const label = (await entries.nth(1).textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('context-menu')).toHaveCount(0);
  await expect(editor.nodes()).toHaveCount(before.length + 1);
  const added = (await editor.nodeIds()).find((id) => !before.includes(id))!;
  const made = editor.node(added);
  await expect(made.locator('.title')).toHaveText(label.split(' · ')[0]);
  // It sits where the menu opened: its corner in the middle of the view.
  const at = await box(made);
  expect(Math.abs(at.x - (stage.x + stage.width / 2))).toBeLessThan(3);
  expect(Math.abs(at.y - (stage.y + stage.height / 2))).toBeLessThan(3);
  await expect(canvas).toBeFocused();

  // On a focused node the key opens that node's menu, on its first entry.
  await page.keyboard.press(']');
  const points = editor.node('points');
  await expect(points).toBeFocused();
  await page.keyboard.press('ContextMenu');
  const nodeMenu = page.getByRole('menu', { name: 'Node actions' });
  await expect(nodeMenu.getByRole('menuitem').first()).toBeFocused();
  await expect(nodeMenu.getByRole('menuitem').first()).toHaveText('Group into subgraph');
  await page.keyboard.press('End');
  await expect(nodeMenu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nodeMenu).toHaveCount(0);
  await expect(points).toBeFocused();
  await expect(points).toHaveCount(1);

  // Delete from the menu: the node goes, the canvas keeps the focus, Ctrl+Z brings it back.
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(points).toHaveCount(0);
  await expect(canvas).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(editor.node('points')).toHaveCount(1);

  // The help overlay lists the keys.
  await page.keyboard.press('?');
  const rows = page.getByTestId('help-overlay').getByTestId('focus-key');
  await expect(
    rows.filter({ hasText: 'on the canvas' }).filter({ hasText: 'Shift+F10' })
  ).toHaveCount(1);
  await expect(rows.filter({ hasText: 'in the node palette' })).toHaveCount(1);
});

test('the palette list is one Tab stop: arrows walk it, Enter and Space add the entry', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await openGraph(page, TWO);
  const before = 2;
  await expect(editor.nodes()).toHaveCount(before);
  const palette = page.getByRole('complementary', { name: 'Node palette' });
  const search = palette.getByRole('searchbox', { name: 'Search nodes' });
  const entries = palette.getByTestId('palette-item');
  const inPalette = () => palette.evaluate((el) => el.contains(document.activeElement));

  // Search field, one entry, then out: two Tab stops however many entries there are.
  expect(await entries.count()).toBeGreaterThan(20);
  await search.focus();
  await page.keyboard.press('Tab');
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await inPalette()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(entries.first()).toBeFocused();

  // Down, Down, Enter adds the third entry's node, as a click would.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(2)).toBeFocused();
  const third = (await entries.nth(2).getAttribute('data-node-type'))!;
  await page.keyboard.press('Enter');
  await expect(editor.nodes()).toHaveCount(before + 1);
  await expect(page.locator(`[data-testid="node"][data-node-type="${third}"]`)).toHaveCount(1);

  // End and Home reach the ends; Space adds the last entry's node.
  await page.keyboard.press('End');
  await expect(entries.last()).toBeFocused();
  const last = (await entries.last().getAttribute('data-node-type'))!;
  await page.keyboard.press('Space');
  await expect(editor.nodes()).toHaveCount(before + 2);
  await expect(page.locator(`[data-testid="node"][data-node-type="${last}"]`)).not.toHaveCount(0);
  await page.keyboard.press('Home');
  await expect(entries.first()).toBeFocused();

  // The list keeps its place: leaving and coming back lands on the entry left.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect(await inPalette()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(entries.nth(1)).toBeFocused();

  // After a search, Tab from the field reaches the first match.
  await search.fill('ddpm');
  await search.press('Tab');
  await expect(entries.first()).toBeFocused();
  await expect(entries.first()).toContainText(/DDPM/);

  // Enter in the search field adds the first match.
  const first = await entries.first().getAttribute('data-node-type');
  const shown = await editor.nodes().count();
  const ofType = () => page.locator(`[data-testid="node"][data-node-type="${first}"]`).count();
  const already = await ofType();
  await search.fill('ddpm');
  await search.press('Enter');
  await expect(editor.nodes()).toHaveCount(shown + 1);
  expect(await ofType()).toBe(already + 1);
});

// The page's Content Security Policy forbids inline scripts, which is how axe is injected.
test.describe('with axe-core injected', () => {
  test.use({ bypassCSP: true });

  test('axe-core finds no serious or critical problem in the keyboard-opened menus', async ({
    page
  }) => {
    const editor = new EditorPage(page);
    const report: string[] = [];
    const scan = async (screen: string) => {
      for (const f of await seriousViolations(page))
        report.push(`${screen}: ${f.id} (${f.impact}) ${f.help} at ${f.targets.join(' | ')}`);
    };
    await editor.open();
    await focusCanvas(page);
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu', { name: 'Add a node' })).toBeVisible();
    await scan('add-node menu');
    await page.keyboard.press('Escape');
    await page.keyboard.press(']');
    await expect(page.locator('[data-testid="node"]:focus')).toHaveCount(1);
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu', { name: 'Node actions' })).toBeVisible();
    await scan('node menu');
    await page.keyboard.press('Escape');
    await palette(page).getByTestId('palette-item').first().focus();
    await scan('palette');
    expect(report, report.join('\n')).toEqual([]);
  });
});

test("a node's text field keeps the menu key for the browser's own menu", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const field = editor.param('scatter', 'title');
  await field.focus();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ContextMenu');
  await field.click({ button: 'right' });
  await expect(page.getByTestId('context-menu')).toHaveCount(0);
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');

  // On the node itself the key still opens the node's menu.
  await editor.node('scatter').locator('.title').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Node actions' })).toBeVisible();
});

function palette(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Node palette' });
}
