import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';
import { coveredNodes } from './node-overlaps';

/** Nodes in the generated graph: enough that most of it lies far outside the window. */
const COUNT = 300;
const COLUMNS = 12;
const STEP = { x: 380, y: 420 };

/** Where node `i` of the generated graph sits, in canvas coordinates. */
function positionOf(i: number) {
  return { x: (i % COLUMNS) * STEP.x, y: Math.floor(i / COLUMNS) * STEP.y };
}

/**
 * Chains of point cloud → persistence → diagram plot laid out on a grid, as bench/editor. With
 * no `sample` each point cloud fails at once (no file); with one the run takes a few seconds.
 */
function generatedGraph(sample = 'none') {
  const types = ['data/points', 'topology/persistence', 'plot/diagram'];
  const nodes = [];
  const edges = [];
  for (let i = 0; i < COUNT; i++) {
    const step = i % 3;
    const params = step === 0 ? { sample } : {};
    nodes.push({ id: `n${i}`, type: types[step], version: 1, params, position: positionOf(i) });
    if (step === 1)
      edges.push({
        from: { node: `n${i - 1}`, output: 'clouds' },
        to: { node: `n${i}`, input: 'clouds' }
      });
    if (step === 2)
      edges.push({
        from: { node: `n${i - 1}`, output: 'diagrams' },
        to: { node: `n${i}`, input: 'diagrams' }
      });
  }
  const view = { x: 40, y: 40, zoom: 0.6 };
  return { format: 'kumiki-graph', version: 1, title: 'Generated', seed: 1, nodes, edges, view };
}

/** Opens the generated graph by dropping its file and waits until the canvas has settled. */
async function openBig(page: Page, sample?: string): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.dropFile('big.json', JSON.stringify(generatedGraph(sample)));
  await settled(page);
  return editor;
}

/** Waits until every node is on the canvas and no node or edge waits to be mounted. */
async function settled(page: Page) {
  const canvas = page.getByTestId('canvas');
  await expect(canvas).toHaveAttribute('data-nodes', String(COUNT));
  await expect(canvas).toHaveAttribute('data-pending', '0');
}

/** The canvas transform (pan x, y and zoom k), read from the area's content layer. */
async function transform(page: Page) {
  return page.getByTestId('canvas').evaluate((canvas) => {
    const layer = canvas.firstElementChild as HTMLElement;
    const m = new DOMMatrixReadOnly(getComputedStyle(layer).transform);
    return { x: m.e, y: m.f, k: m.a };
  });
}

/** Drags the empty canvas by (dx, dy) screen pixels, as a person pans. */
async function pan(page: Page, dx: number, dy: number) {
  const start = await page.getByTestId('canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    for (let y = box.top + 20; y < box.bottom - 20; y += 15) {
      for (let x = box.left + 20; x < box.right - 20; x += 15) {
        if (document.elementFromPoint(x, y) === canvas) return { x, y };
      }
    }
    throw new Error('No empty spot on the canvas to pan from.');
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
  await page.mouse.up();
  await settled(page);
}

test('only the nodes near the view are mounted, and panning mounts the others', async ({
  page
}) => {
  const editor = await openBig(page);

  const mounted = await editor.nodes().count();
  expect(mounted).toBeGreaterThan(3);
  expect(mounted).toBeLessThan(COUNT / 4);
  await expect(editor.node('n0')).toBeInViewport();
  // Column 8 and row 12 lie far outside the view: a plain box, not a node view, and so far
  // out that the box is off the page too.
  await expect(editor.node('n152')).toHaveCount(0);
  await expect(page.locator('[data-node-box="n152"]')).toHaveText('Diagram plot');
  await expect(page.locator('[data-node-box="n152"]')).toBeHidden();

  // n152 sits at (3040, 5040) on the canvas; pan until it is near the middle of the view.
  const { x, y, k } = await transform(page);
  const box = await page.getByTestId('canvas').boundingBox();
  const target = positionOf(152);
  const dx = box!.width / 2 - (target.x * k + x);
  const dy = box!.height / 2 - (target.y * k + y);
  for (let i = 0; i < 4; i++) await pan(page, dx / 4, dy / 4);

  await expect(editor.node('n152')).toBeInViewport();
  await expect(editor.node('n0')).toHaveCount(0);
  expect(await editor.nodes().count()).toBeLessThan(COUNT / 4);
  await page.screenshot({ path: test.info().outputPath('panned.png') });
});

test('an edge from a mounted node to an unmounted one is drawn to where its socket will be', async ({
  page
}) => {
  const editor = await openBig(page);
  // n4 (column 4) is mounted at the right edge of the view; n5 (column 5) is not.
  await expect(editor.node('n4')).toHaveCount(1);
  await expect(editor.node('n5')).toHaveCount(0);

  const ends = () =>
    page.locator('[data-testid="connection"] path').evaluateAll((paths) =>
      paths.map((p) => {
        const numbers = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
        return { from: numbers.slice(0, 2), to: numbers.slice(-2) };
      })
    );
  const n5 = positionOf(5);
  const toN5 = (list: Awaited<ReturnType<typeof ends>>) =>
    list.find((e) => Math.abs(e.to[0] - n5.x) < 20 && e.to[1] > n5.y && e.to[1] < n5.y + 120);
  const drawn = toN5(await ends());
  expect(drawn, 'an edge ends at the left edge of the unmounted n5').toBeTruthy();

  // Its start is n4's output socket, measured on the page.
  const { x, y, k } = await transform(page);
  const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
  const socket = (await editor.socket('n4', 'output', 'diagrams').boundingBox())!;
  const socketX = (socket.x + socket.width / 2 - canvasBox.x - x) / k;
  const socketY = (socket.y + socket.height / 2 - canvasBox.y - y) / k;
  expect(Math.abs(drawn!.from[0] - (socketX + 12))).toBeLessThan(3);
  expect(Math.abs(drawn!.from[1] - socketY)).toBeLessThan(3);

  // Once n5 is mounted, the edge ends on its real input socket.
  await pan(page, -500, 0);
  await expect(editor.node('n5')).toHaveCount(1);
  const after = await transform(page);
  const input = (await editor.socket('n5', 'input', 'diagrams').boundingBox())!;
  const inputX = (input.x + input.width / 2 - canvasBox.x - after.x) / after.k;
  const inputY = (input.y + input.height / 2 - canvasBox.y - after.y) / after.k;
  await expect
    .poll(async () => {
      const end = toN5(await ends());
      return end ? Math.hypot(end.to[0] - (inputX - 12), end.to[1] - inputY) : Infinity;
    })
    .toBeLessThan(3);
});

test('Fit shows every node of a large graph, drawn as boxes when tiny', async ({ page }) => {
  await openBig(page);
  await page.getByRole('button', { name: 'Fit the graph into view' }).click();
  await settled(page);

  const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
  const holders = page.locator('[data-node-box]');
  await expect(holders).toHaveCount(COUNT);
  const outside = await holders.evaluateAll(
    (els, box) =>
      els.filter((el) => {
        const r = el.getBoundingClientRect();
        const inX = r.left >= box.x - 1 && r.right <= box.x + box.width + 1;
        return !(inX && r.top >= box.y - 1 && r.bottom <= box.y + box.height + 1);
      }).length,
    canvasBox
  );
  expect(outside).toBe(0);
  await expect(page.getByTestId('node')).toHaveCount(0);
  // Edges are still drawn between the boxes.
  expect(await page.locator('[data-testid="connection"]').count()).toBe(COUNT - COUNT / 3);
  await page.screenshot({ path: test.info().outputPath('fitted.png') });
});

test('] walks to a node outside the view and brings it into view, selected', async ({ page }) => {
  const editor = await openBig(page);
  await expect(editor.node('n60')).toHaveCount(0);
  await page.getByRole('region', { name: 'Graph canvas' }).click({ position: { x: 5, y: 5 } });

  // Reading order goes down the first column: n0, n12, n24, n36, n48, n60.
  for (let i = 0; i < 6; i++) await page.keyboard.press(']');
  await settled(page);
  await expect(editor.node('n60')).toBeInViewport();
  await expect(editor.node('n60')).toHaveAttribute('aria-label', /selected/);
  await page.keyboard.press('[');
  await expect(editor.node('n48')).toHaveAttribute('aria-label', /selected/);
});

test('a selected node stays selected while it is unmounted and after it is mounted again', async ({
  page
}) => {
  const editor = await openBig(page);
  await editor.node('n1').locator('.title').click();
  await expect(editor.node('n1')).toHaveAttribute('aria-label', /selected/);

  // Zoomed out below the simple-drawing zoom, every node is a box; n1's box shows the selection.
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  for (let i = 0; i < 4; i++) await zoomOut.click();
  await settled(page);
  await expect(editor.node('n1')).toHaveCount(0);
  await expect(page.locator('[data-node-box="n1"]')).toHaveClass(/selected/);

  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 4; i++) await zoomIn.click();
  await settled(page);
  await expect(editor.node('n1')).toHaveAttribute('aria-label', /selected/);
  expect(await page.locator('.node.selected').count()).toBe(1);
});

test('the run log holds the lines a reader scrolled up to while a large run goes on', async ({
  page
}) => {
  await openBig(page, 'circle');
  const log = page.getByTestId('run-log');
  await page.getByTestId('run-button').click();
  // Wait until the log overflows its box, then scroll it up by the wheel.
  await expect
    .poll(() => log.evaluate((el) => el.scrollHeight > el.clientHeight + 200), { timeout: 60_000 })
    .toBe(true);
  await log.hover();
  await page.mouse.wheel(0, -150);
  const firstShown = () =>
    log.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      const lines = [...el.querySelectorAll('li')];
      return lines.find((li) => li.getBoundingClientRect().bottom > top + 1)?.textContent;
    });
  await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBeLessThan(-8);
  const reading = await firstShown();

  // New lines keep coming; the reader's line stays where it was, and a button counts them.
  await expect(page.getByTestId('run-log-newer')).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  expect(await firstShown()).toBe(reading);

  await page.getByTestId('run-log-newer').click();
  await expect(page.getByTestId('run-log-newer')).toHaveCount(0);
  await expect.poll(() => log.evaluate((el) => Math.abs(el.scrollTop))).toBeLessThan(8);

  // Following again, the log draws only its newest 40 lines; scrolled up it drew them all.
  await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-phase', 'running', {
    timeout: 120_000
  });
  expect(await log.locator('li').count()).toBe(40);
  const newest = await firstShown();
  await log.hover();
  await page.mouse.wheel(0, -100);
  await expect.poll(() => log.locator('li').count()).toBeGreaterThan(40);
  // The view moved by the wheel's 100 px, not to the oldest lines, and with the run over
  // there are no newer lines to count.
  await page.waitForTimeout(500);
  const offset = await log.evaluate((el) => el.scrollTop);
  expect(offset).toBeLessThan(-50);
  expect(offset).toBeGreaterThan(-150);
  expect(await firstShown()).not.toBe(newest);
  await expect(page.getByTestId('run-log-newer')).toHaveCount(0);
});

test('Arrange after a run spaces the nodes by their grown sizes, shown or not', async ({
  page
}) => {
  await openBig(page, 'circle');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-phase', 'running', {
    timeout: 120_000
  });
  await page.getByRole('button', { name: 'Arrange' }).click();
  await settled(page);

  // Zoomed in to a readable size, each stop of ] mounts nodes never shown before: their views,
  // with the run's previews, cover no other node.
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  while (Number(await page.getByTestId('canvas').getAttribute('data-zoom')) < 0.5) {
    await zoomIn.click();
  }
  await page.getByRole('region', { name: 'Graph canvas' }).focus();
  const covered = new Set<string>();
  let shown = 0;
  for (let stop = 0; stop < 12; stop++) {
    for (let i = 0; i < 25; i++) await page.keyboard.press(']');
    await settled(page);
    const found = await coveredNodes(page.getByTestId('node'), 1);
    shown += found.count;
    found.covered.forEach((pair) => covered.add(pair));
  }
  expect(shown).toBeGreaterThan(100);
  expect([...covered]).toEqual([]);
});
