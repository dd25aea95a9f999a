import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './editor-page';
import { box, near, node, openGraph } from './keyboard-helpers';

const UNWIRED = {
  format: 'kumiki-graph',
  version: 1,
  title: 'Unwired',
  seed: 0,
  nodes: [node('points', 'data/points', 0, 0), node('persistence', 'topology/persistence', 420, 0)],
  edges: []
};

test('the keyboard wires an input to an upstream output, removes the edge from either end, and undo restores it', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await openGraph(page, UNWIRED);
  const edges = page.locator('[data-testid="canvas"] svg[data-testid="connection"]');
  await expect(edges).toHaveCount(0);

  const fromInput = editor
    .node('persistence')
    .getByRole('button', { name: 'Connect input clouds' });
  await fromInput.focus();
  await page.keyboard.press('Enter');
  const outputs = page.getByRole('menu', { name: 'Outputs for clouds' });
  // Only the point cloud gives clouds; the node's own diagrams output is another type.
  await expect(outputs.getByRole('menuitem')).toHaveText([/^Point cloud \(points\) · clouds$/]);
  await page.keyboard.press('Enter');
  await expect(edges).toHaveCount(1);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(fromInput).toBeFocused();

  // Opened again, the input offers its edge for removal.
  await page.keyboard.press('Enter');
  await expect(outputs).toContainText('No other output gives this type');
  await expect(outputs.getByRole('menuitem')).toHaveText([
    'Disconnect Point cloud (points) · clouds'
  ]);
  await page.keyboard.press('Enter');
  await expect(edges).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(edges).toHaveCount(1);

  // From the output's end: End reaches the edge to remove; Escape leaves without a change.
  const fromOutput = editor.node('points').getByRole('button', { name: 'Connect output clouds' });
  await fromOutput.focus();
  await page.keyboard.press('Enter');
  const inputs = page.getByRole('menu', { name: 'Inputs for clouds' });
  await expect(inputs.getByRole('menuitem')).toHaveText([
    'Disconnect Rips persistence (persistence) · clouds'
  ]);
  await page.keyboard.press('Escape');
  await expect(inputs).toHaveCount(0);
  await expect(fromOutput).toBeFocused();
  await expect(edges).toHaveCount(1);
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(edges).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(edges).toHaveCount(1);
});

/** How far apart the middles of the toolbar's visible controls lie, top to bottom, in pixels. */
async function spread(toolbar: Locator): Promise<number> {
  const middles = await toolbar.evaluate((el) =>
    [...el.querySelectorAll('button, select, input:not([type="file"]), .brand')]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => r.top + r.height / 2)
  );
  return Math.max(...middles) - Math.min(...middles);
}

test('the toolbar keeps one line at 1440 px and at 1024 px, where the file actions are a menu', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const toolbar = page.getByRole('toolbar', { name: 'Graph' });
  const oneRow = async () => {
    const height = (await box(toolbar)).height;
    const button = (await box(toolbar.getByRole('button', { name: 'Undo' }))).height;
    expect(height).toBeLessThan(button * 2);
    expect(await spread(toolbar)).toBeLessThan(4);
  };
  await oneRow();
  await expect(page.getByRole('button', { name: 'Save PNG' })).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 768 });
  await oneRow();
  await expect(page.getByRole('button', { name: 'Save PNG' })).toHaveCount(0);
  await expect(page.getByTestId('theme-button')).toHaveAccessibleName('Theme: System');

  // The File menu by keyboard: Down opens it on its first entry, Escape gives the focus back.
  const file = toolbar.getByRole('button', { name: 'File' });
  await file.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'File' });
  const entries = ['New', 'Open…', 'Save', 'Save PNG', 'Share', 'Browse examples…'];
  await expect(menu.getByRole('menuitem')).toHaveCount(entries.length);
  for (const [index, name] of entries.entries()) {
    await expect(menu.getByRole('menuitem').nth(index)).toHaveAccessibleName(name);
  }
  await expect(menu.getByRole('menuitem', { name: 'Open…' })).toHaveAttribute('title', /Ctrl\+O/);
  await expect(menu.getByRole('menuitem', { name: 'New' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(file).toBeFocused();

  // An entry that opens a dialog: closing the dialog brings the focus back to File.
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Browse examples…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('examples')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('examples')).toBeHidden();
  await expect(file).toBeFocused();
});

test('closing a dialog with Escape gives the focus back to what opened it', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await help.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
  await expect(help).toBeFocused();

  const browse = page.getByRole('button', { name: 'Browse examples' });
  await browse.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('examples')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('examples')).toBeHidden();
  await expect(browse).toBeFocused();

  // A plot shown at full size from the inspector.
  await editor.openExample('Persistence of a point cloud');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done');
  await editor.node('diagram').locator('.title').click();
  const full = page.getByRole('button', { name: 'Full size…' });
  await full.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(full).toBeFocused();

  // An edited graph asks before New; Escape keeps the graph and the focus on New.
  await editor.setParam('persistence', 'threshold', '2');
  const newButton = page.getByRole('button', { name: 'New', exact: true });
  await newButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
  await expect(newButton).toBeFocused();
  await expect(editor.node('persistence')).toHaveCount(1);
});

test('] puts the focus on the node it selects, arrows move it, Tab goes into it, Delete leaves the focus on the canvas', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByRole('link', { name: 'Skip to the graph' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press(']');
  const stsb = editor.node('stsb');
  await expect(stsb).toHaveClass(/selected/);
  await expect(stsb).toBeFocused();

  // Arrows move the focused node. Quick presses of one key are one undo step; another key
  // starts the next.
  const zoom = await editor.zoom();
  const start = await box(stsb);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect
    .poll(async () => Math.round((await box(stsb)).y - start.y))
    .toBe(Math.round(50 * zoom));
  near((await box(stsb)).x, start.x + 20 * zoom);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box(stsb)).y - start.y)).toBe(0);
  near((await box(stsb)).x, start.x + 20 * zoom);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box(stsb)).x - start.x)).toBe(0);

  await stsb.focus();
  await page.keyboard.press('Tab');
  const inside = await page.evaluate(
    () => document.activeElement?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null
  );
  expect(inside).toBe('stsb');

  await stsb.focus();
  await page.keyboard.press('Delete');
  await expect(stsb).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Graph canvas' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(editor.node('stsb')).toHaveCount(1);
});

test('a control focused beyond the edge of the canvas is brought into view by panning', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await openGraph(page, {
    ...UNWIRED,
    title: 'Wide',
    nodes: [
      node('points', 'data/points', 0, 0),
      node('persistence', 'topology/persistence', 1400, 0)
    ]
  });
  // Zooming in around the middle pushes the right-hand node past the canvas edge.
  for (let press = 0; press < 3; press++) await page.keyboard.press('+');
  const stage = await box(page.getByRole('region', { name: 'Graph canvas' }));
  const far = editor.node('persistence').getByRole('button', { name: 'Connect input clouds' });
  await expect.poll(async () => (await box(far)).x).toBeGreaterThan(stage.x + stage.width);

  // Tab from the last control of the first node goes on to the next node's first control.
  await editor.node('points').evaluate((el) => {
    const tabbable = [...el.querySelectorAll<HTMLElement>('button, input, select, textarea')];
    tabbable
      .filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0)
      .at(-1)
      ?.focus();
  });
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', /^Connect (output diagrams|input clouds)$/);
  await expect
    .poll(async () => {
      const b = await box(focused);
      return b.x >= stage.x && b.x + b.width <= stage.x + stage.width;
    })
    .toBe(true);
  // The canvas was panned, not scrolled: its drawing still lines up with where Rete puts it.
  const scrolled = await page.getByTestId('canvas').evaluate((el) => [el.scrollLeft, el.scrollTop]);
  expect(scrolled).toEqual([0, 0]);
});

test('] at 800×600 brings each node in with its left and top edges inside the canvas', async ({
  page
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  const editor = new EditorPage(page);
  await editor.open();
  const canvas = await box(page.getByTestId('canvas'));
  await page.getByRole('link', { name: 'Skip to the graph' }).focus();
  await page.keyboard.press('Enter');
  // Zoomed in until a node is wider than the canvas: centring it would cut its left edge.
  while ((await editor.zoom()) < 1.2) await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('region', { name: 'Graph canvas' }).focus();

  const seen = new Set<string>();
  for (let step = 0; step < 7; step++) {
    await page.keyboard.press(']');
    const focused = page.locator('[data-testid="node"]:focus');
    await expect(focused).toHaveCount(1);
    const id = (await focused.getAttribute('data-node-id')) ?? '';
    seen.add(id);
    const whole = await box(focused);
    const title = await box(focused.locator('.title'));
    expect(whole.x, `${id} left edge`).toBeGreaterThanOrEqual(canvas.x);
    expect(whole.y, `${id} top edge`).toBeGreaterThanOrEqual(canvas.y);
    expect(title.y + title.height, `${id} title bottom`).toBeLessThanOrEqual(
      canvas.y + canvas.height
    );
  }
  expect(seen.size).toBe(7);
});
