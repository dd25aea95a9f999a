import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

/** GUDHI's diagram of the bundled circle (tests/fixtures/graphs/make-persistence-of-points.py). */
const GUDHI = JSON.parse(
  readFileSync('tests/fixtures/graphs/persistence-of-points.json', 'utf8')
) as { diagram: Record<'0' | '1', [number, number | null][]> };

/** The example the editor opens with. */
const EXAMPLE = JSON.parse(readFileSync('graphs/takens-stsb.json', 'utf8')) as {
  nodes: { id: string; position: { x: number; y: number } }[];
  view: { x: number; y: number; zoom: number };
};

/** GUDHI's most persistent H1 point: the hole of the circle, far from every other point. */
function gudhiHole(): { birth: number; death: number } {
  const [birth, death] = GUDHI.diagram[1]
    .map(([b, d]) => [b, d ?? Infinity] as const)
    .reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
  return { birth, death };
}

/**
 * The screen centre of the H1 point farthest above the diagonal. On screen death grows upward
 * and birth rightward, so that point has the smallest x + y of the H1 circles.
 */
async function holeOnScreen(plot: Locator): Promise<{ x: number; y: number }> {
  return plot.locator('circle.dim-1:not(.infinite)').evaluateAll((circles) => {
    const centres = circles.map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    return centres.reduce((a, b) => (b.x + b.y < a.x + a.y ? b : a));
  });
}

/** Moves the mouse to `at` plus an offset, and checks it is not over a drawn point there. */
async function hoverBeside(page: Page, at: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(at.x + dx - 20, at.y + dy - 20);
  await page.mouse.move(at.x + dx, at.y + dy, { steps: 4 });
  const under = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.tagName,
    [at.x + dx, at.y + dy]
  );
  expect(under, 'the pointer is beside the point, not on it').not.toBe('circle');
}

/** Checks the readout names GUDHI's hole, and that the ring is drawn around the point. */
async function expectPicked(viewer: Locator, at: { x: number; y: number }) {
  const hole = gudhiHole();
  const readout = viewer.getByTestId('plot-readout');
  await expect(readout).toHaveText(/^H1: born [-\d.e]+, dies [-\d.e]+$/);
  const [, born, dies] = (await readout.textContent())!.match(/born (\S+), dies (\S+)$/)!;
  expect(Number(born)).toBeCloseTo(hole.birth, 4);
  expect(Number(dies)).toBeCloseTo(hole.death, 4);

  const ring = (await viewer.getByTestId('plot-pick').boundingBox())!;
  expect(Math.abs(ring.x + ring.width / 2 - at.x)).toBeLessThan(1.5);
  expect(Math.abs(ring.y + ring.height / 2 - at.y)).toBeLessThan(1.5);
}

/** Relative luminance of a CSS rgb() colour (WCAG 2). */
function luminance(css: string): number {
  const [r, g, b] = css
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Runs the point-cloud example and shows its persistence diagram in the inspector. */
async function diagramInInspector(page: Page) {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('Persistence of a point cloud');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done');
  await editor.node('diagram').locator('.title').click();
  const inspector = page.getByTestId('inspector');
  const plot = inspector.getByTestId('plot-view');
  await expect(plot.locator('circle.dim-1').first()).toBeAttached();
  return { editor, inspector, plot };
}

test('a diagram point is picked from a few pixels away and ringed, zoomed or not', async ({
  page
}) => {
  const { inspector, plot } = await diagramInInspector(page);
  await expect(inspector.getByTestId('plot-pick')).toHaveCount(0);
  const hole = await holeOnScreen(plot);
  await hoverBeside(page, hole, 5, -4);
  await expectPicked(inspector, hole);
  await inspector
    .getByTestId('plot-view')
    .screenshot({ path: test.info().outputPath('picked.png') });

  // In the full-size dialog, zoomed in three wheel notches, in the dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await inspector.getByRole('button', { name: 'Full size…' }).click();
  const dialog = page.getByTestId('plot-dialog');
  const big = dialog.getByTestId('plot-view');
  const before = await holeOnScreen(big);
  await page.mouse.move(before.x, before.y);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -100);
  await expect(dialog.getByTestId('plot-zoom')).not.toHaveText('100%');

  const zoomed = await holeOnScreen(big);
  await hoverBeside(page, zoomed, -6, 6);
  await expectPicked(dialog, zoomed);
  await dialog.screenshot({ path: test.info().outputPath('picked-dark.png') });

  // The ring stands out from the plot's ground in this theme: contrast of at least 3:1.
  const colours = await dialog.getByTestId('plot-pick').evaluate((ring) => ({
    ring: getComputedStyle(ring).borderTopColor,
    ground: getComputedStyle(ring.parentElement!).backgroundColor
  }));
  const [light, dark] = [luminance(colours.ground), luminance(colours.ring)].sort().reverse();
  expect((light + 0.05) / (dark + 0.05)).toBeGreaterThan(3);
});

test('the keyboard steps through every diagram point, and a zoomed plot follows the pick', async ({
  page
}) => {
  const { editor, inspector, plot } = await diagramInInspector(page);
  const readout = inspector.getByTestId('plot-readout');

  // Tab reaches the plot; Home picks the leftmost point, each → the next one to its right.
  await plot.focus();
  await page.keyboard.press('Home');
  const total = Number(await plot.getAttribute('aria-valuemax'));
  const read: string[] = [];
  for (let i = 1; i <= total; i++) {
    if (i > 1) await page.keyboard.press('ArrowRight');
    await expect(plot).toHaveAttribute('aria-valuenow', String(i));
    read.push((await readout.textContent()) ?? '');
  }
  await page.keyboard.press('ArrowRight');
  await expect(plot).toHaveAttribute('aria-valuenow', String(total));

  // Every point GUDHI finds was read out once, with its dimension, birth and death.
  const points = read.map((text) => {
    const [, dim, born, dies] = text.match(/^H(\d): born (\S+), (?:dies (\S+)|never dies)/)!;
    return { dim, born: Number(born), dies: dies === undefined ? Infinity : Number(dies) };
  });
  const close = (a: number, b: number) =>
    a === b || Math.abs(a - b) <= Math.max(1e-5, 0.01 * Math.abs(b));
  const byDeath = (a: { born: number; dies: number }, b: { born: number; dies: number }) =>
    a.dies - b.dies || a.born - b.born;
  for (const dim of ['0', '1'] as const) {
    const expected = GUDHI.diagram[dim]
      .map(([born, dies]) => ({ born, dies: dies ?? Infinity }))
      .sort(byDeath);
    const seen = points.filter((p) => p.dim === dim).sort(byDeath);
    expect(seen.length, `H${dim} points read out`).toBe(expected.length);
    seen.forEach((p, k) => {
      expect(close(p.born, expected[k].born), `H${dim} birth ${k}`).toBe(true);
      expect(close(p.dies, expected[k].dies), `H${dim} death ${k}`).toBe(true);
    });
  }

  // Zoomed in by keys, the view goes along to a point picked outside it. The keys zoom the
  // plot, not the canvas behind it.
  const canvasZoom = await editor.zoom();
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await expect(inspector.getByTestId('plot-zoom')).not.toHaveText('100%');
  expect(await editor.zoom()).toBe(canvasZoom);
  await page.keyboard.press('Home');
  const frame = (await plot.boundingBox())!;
  const ring = (await inspector.getByTestId('plot-pick').boundingBox())!;
  const centre = { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
  expect(centre.x).toBeGreaterThanOrEqual(frame.x);
  expect(centre.x).toBeLessThanOrEqual(frame.x + frame.width);
  expect(centre.y).toBeGreaterThanOrEqual(frame.y);
  expect(centre.y).toBeLessThanOrEqual(frame.y + frame.height);
  await page.keyboard.press('0');
  await expect(inspector.getByTestId('plot-zoom')).toHaveText('100%');
});

/** A grid of point cloud → persistence → diagram chains, as in bench/editor. */
function generatedGraph(count: number) {
  const types = ['data/points', 'topology/persistence', 'plot/diagram'];
  const outputs = ['', 'clouds', 'diagrams'];
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const step = i % 3;
    const position = { x: (i % 12) * 380, y: Math.floor(i / 12) * 420 };
    nodes.push({ id: `n${i}`, type: types[step], version: 1, params: {}, position });
    if (step > 0) {
      const key = outputs[step];
      edges.push({ from: { node: `n${i - 1}`, output: key }, to: { node: `n${i}`, input: key } });
    }
  }
  const view = { x: 40, y: 40, zoom: 0.6 };
  return { format: 'kumiki-graph', version: 1, title: 'Generated', seed: 1, nodes, edges, view };
}

test('each wheel notch zooms by the same factor, from the 2% floor up to the 200% ceiling', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.dropFile('big.json', JSON.stringify(generatedGraph(300)));
  const canvas = page.getByTestId('canvas');
  await expect(canvas).toHaveAttribute('data-nodes', '300');
  await page.getByRole('button', { name: 'Fit the graph into view' }).click();

  const level = page.getByTestId('zoom-level');
  const percent = async () => {
    await expect(canvas).toHaveAttribute('data-pending', '0');
    return Number((await level.textContent())!.replace('%', ''));
  };
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const notches = async (count: number, deltaY: number) => {
    for (let i = 0; i < count; i++) await page.mouse.wheel(0, deltaY);
  };

  // Fitted, this graph is at about 8%; eight notches out reach the floor, where Fit puts a
  // 1000-node graph.
  expect(await percent()).toBeGreaterThan(2);
  await notches(8, 100);
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
  expect(await percent()).toBe(2);

  // Rete's own wheel step (10% a notch) reached 5% here; a readable zoom took 36 notches.
  await notches(10, -100);
  const tenth = await percent();
  expect(tenth).toBeGreaterThanOrEqual(17);
  await notches(10, -100);
  const twentieth = await percent();
  // The same ten notches multiply the zoom by the same factor at 18% as at 2%.
  expect(twentieth / tenth).toBeGreaterThan(tenth / 2 - 1);
  expect(twentieth / tenth).toBeLessThan(tenth / 2 + 1);

  await notches(5, -100);
  expect(await percent()).toBe(200);
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
  await notches(22, 100);
  expect(await percent()).toBe(2);
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();

  // A touchpad pinch comes as Ctrl+wheel with deltaY = −100·ln(scale) (Chromium's
  // touchpad_pinch_event_queue.cc); twenty events of −10 spread the fingers e² ≈ 7.39 times.
  await page.keyboard.down('Control');
  await notches(20, -10);
  await page.keyboard.up('Control');
  expect(await percent()).toBe(Math.round(2 * Math.exp(2)));
});

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 }
]) {
  test(`at ${size.width}×${size.height} the first view shows every node of the example`, async ({
    page
  }) => {
    await page.setViewportSize(size);
    const editor = new EditorPage(page);
    await editor.open();
    await expect(editor.nodes()).toHaveCount(EXAMPLE.nodes.length);

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    for (const { id } of EXAMPLE.nodes) {
      const node = (await editor.node(id).boundingBox())!;
      expect(node.x, `${id} left`).toBeGreaterThanOrEqual(canvas.x);
      expect(node.y, `${id} top`).toBeGreaterThanOrEqual(canvas.y);
      expect(node.x + node.width, `${id} right`).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(node.y + node.height, `${id} bottom`).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    // Never larger than the file's own zoom, and the text still readable (50% or more).
    expect(await editor.zoom()).toBeLessThanOrEqual(EXAMPLE.view.zoom);
    expect(await editor.zoom()).toBeGreaterThanOrEqual(0.5);
    await page.screenshot({ path: test.info().outputPath(`first-view-${size.width}.png`) });
  });
}

test('a saved view that already shows the whole graph is kept as it is', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const view = { x: 20, y: 60, zoom: 0.3 };
  await editor.dropFile('small view.json', JSON.stringify({ ...EXAMPLE, view }));
  await expect(page.getByTestId('notice')).toHaveText(/Opened "small view.json"/);
  expect(await editor.zoom()).toBeCloseTo(view.zoom, 6);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  // The scatter node sits on screen at the view's offset plus its file position × zoom.
  const at = EXAMPLE.nodes.find((n) => n.id === 'scatter')!.position;
  const scatter = (await editor.node('scatter').boundingBox())!;
  expect(scatter.x - canvas.x).toBeCloseTo(view.x + at.x * view.zoom, 0);
  expect(scatter.y - canvas.y).toBeCloseTo(view.y + at.y * view.zoom, 0);
});
