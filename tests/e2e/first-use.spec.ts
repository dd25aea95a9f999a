import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';
import { coveredNodes } from './node-overlaps';

/** The zoom below which node text is too small to read; the example opens above it. */
const READABLE_ZOOM = 0.5;

test('the first view shows the whole graph and Fit keeps it in view', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const example = JSON.parse(readFileSync('graphs/takens-stsb.json', 'utf-8'));

  // The whole example is in view and readable, never larger than its saved zoom.
  for (const id of example.nodes.map((n: { id: string }) => n.id)) {
    await expect(editor.node(id)).toBeInViewport({ ratio: 0.99 });
  }
  expect(await editor.zoom()).toBeLessThanOrEqual(example.view.zoom);
  expect(await editor.zoom()).toBeGreaterThanOrEqual(READABLE_ZOOM);

  await page.getByRole('button', { name: 'Fit the graph into view' }).click();
  for (const id of example.nodes.map((n: { id: string }) => n.id)) {
    await expect(editor.node(id)).toBeInViewport({ ratio: 0.99 });
  }

  const fitted = await editor.zoom();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => editor.zoom()).toBeGreaterThan(fitted);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => editor.zoom()).toBeLessThan(fitted);
  await expect(page.getByTestId('zoom-level')).toHaveText(/^\d+%$/);
});

test('the graph says what it computes and sockets carry their names', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  const description = page.getByTestId('graph-description');
  await expect(description).toContainText('Embeds each STS-B dev pair');
  await description.getByRole('button', { name: 'More' }).click();
  await expect(description.getByRole('button', { name: 'Less' })).toHaveAttribute(
    'aria-expanded',
    'true'
  );

  const name = (node: string, socket: string) =>
    editor.node(node).locator(`[data-testid="${socket}"] .name`);
  await expect(name('embed', 'input-pairs')).toHaveText('pairs');
  await expect(name('embed', 'output-vectors')).toHaveText('vectors');
  await expect(name('takens', 'output-clouds')).toHaveText('clouds');
  await expect(editor.node('takens').getByTestId('output-clouds')).toContainText('cloud-pairs');
});

test('the results say out of date after a param change, until the next run', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', '8');
  const stale = page.getByTestId('results-stale');

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('pearson')).toBeVisible({ timeout: 180_000 });
  await expect(stale).toHaveCount(0);

  await editor.setParam('takens', 'lag', '2');
  await expect(stale).toHaveText(/out of date — run again/i);

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 180_000
  });
  await expect(stale).toHaveCount(0);
});

test('New asks before discarding unsaved changes', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  // Node views mount in slices after the first one shows; count them once all are mounted.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-pending', '0');
  const count = await editor.nodes().count();
  await editor.setParam('stsb', 'limit', '5');
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Takens + persistence on STS-B');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.nodes()).toHaveCount(count);
  await expect(editor.param('stsb', 'limit')).toHaveValue('5');

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await dialog.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(editor.nodes()).toHaveCount(0);
});

test('notices come one at a time and information goes away by itself', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const notice = page.getByTestId('notice');

  await page.getByTestId('share-button').click();
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-tone', 'info');
  await expect(notice).toHaveCount(0, { timeout: 20_000 });

  const text = readFileSync('graphs/takens-stsb.json', 'utf-8');
  await editor.dropFile('example copy.json', text);
  await expect(notice).toHaveText(/Opened "example copy.json"/);
  await expect(notice).toHaveCount(0, { timeout: 10_000 });

  await editor.wire(
    editor.socket('stsb', 'output', 'scores'),
    editor.socket('takens', 'input', 'vectors')
  );
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-tone', 'error');
  await page.waitForTimeout(5000);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(notice).toHaveCount(0);
});

test('the run log follows the newest line', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', '8');

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 180_000
  });
  const log = page.getByTestId('run-log');
  const box = await log.evaluate((el) => {
    const view = el.getBoundingClientRect();
    const newest = el.querySelector('li:last-child')!.getBoundingClientRect();
    const oldest = el.querySelector('li:first-child')!.getBoundingClientRect();
    return {
      overflows: el.scrollHeight > el.clientHeight,
      newestShown: newest.top >= view.top && newest.bottom <= view.bottom + 1,
      oldestShown: oldest.bottom > view.top
    };
  });
  // Whether the log overflows its box depends on how many progress lines the run wrote; the
  // newest line is in view either way, and the oldest only when everything fits.
  expect(box.newestShown).toBe(true);
  expect(box.oldestShown).toBe(!box.overflows);

  // The nodes grew with their previews (the scatter plot most): none now covers another.
  const { count, covered } = await coveredNodes(page.getByTestId('node'));
  expect(count).toBe(7);
  expect(covered).toEqual([]);

  // Nor does any wire run under a node other than its two ends on its way.
  const hidden = await page.locator('[data-testid="canvas"] svg path').evaluateAll((paths) => {
    const nodes = [...document.querySelectorAll('[data-testid="node"]')].map((node) => ({
      id: node.getAttribute('data-node-id'),
      box: node.getBoundingClientRect()
    }));
    const inside = (at: DOMPoint, box: DOMRect, margin: number) =>
      at.x > box.left - margin &&
      at.x < box.right + margin &&
      at.y > box.top - margin &&
      at.y < box.bottom + margin;
    const under: string[] = [];
    for (const path of paths as SVGPathElement[]) {
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM();
      if (!matrix || length < 1) continue;
      const point = (t: number) => path.getPointAtLength(t * length).matrixTransform(matrix);
      const [start, end] = [point(0), point(1)];
      const others = nodes.filter(({ box }) => !inside(start, box, 20) && !inside(end, box, 20));
      for (let t = 0.05; t <= 0.95; t += 0.05) {
        const node = others.find(({ box }) => inside(point(t), box, 0));
        if (node) under.push(`a wire under ${node.id} at ${Math.round(t * 100)}%`);
      }
    }
    return under;
  });
  expect(hidden).toEqual([]);
});

test('a node added from the palette lands where it covers no other node', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const palette = page.getByRole('complementary', { name: 'Node palette' });
  const search = palette.getByRole('searchbox', { name: 'Search nodes' });

  // Once with nothing selected (the middle of the view is taken by the example), once with
  // the correlation node selected (right of it is the edge of the two columns).
  for (const select of [null, 'correlation']) {
    if (select) await editor.node(select).locator('.title').click();
    const count = await editor.nodes().count();
    await search.fill('diagram plot');
    await page.keyboard.press('Enter');
    await expect(editor.nodes()).toHaveCount(count + 1);
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-pending', '0');
    expect((await coveredNodes(editor.nodes())).covered).toEqual([]);
  }
});
