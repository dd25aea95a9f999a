import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

/** GUDHI's diagram of the bundled circle (tests/fixtures/graphs/make-persistence-of-points.py). */
const GUDHI = JSON.parse(
  readFileSync('tests/fixtures/graphs/persistence-of-points.json', 'utf8')
) as { diagram: Record<'0' | '1', [number, number | null][]> };

async function saved(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** Selects a node by clicking its title, as a person does. */
async function select(editor: EditorPage, id: string) {
  await editor.node(id).locator('.title').click();
  await expect(editor.page.getByTestId('inspector')).toContainText(id);
}

test('the inspector shows docs, outputs at full size, hover values, zoom and exports', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('Persistence of a point cloud');

  await select(editor, 'persistence');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('node-docs')).toContainText('Vietoris');
  await expect(inspector.getByTestId('doc-param-maxDimension')).toBeVisible();
  await expect(inspector.getByTestId('doc-input-clouds')).toContainText('cloud-pairs');
  await expect(inspector.getByTestId('doc-output-diagrams')).toContainText('diagram-pairs');
  await expect(inspector).toContainText('Run the graph');

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done');

  // The JSON a person exports holds the same diagram GUDHI computes for the circle.
  const json = await saved(page, () =>
    inspector.getByRole('button', { name: 'Export diagrams as JSON' }).click()
  );
  expect(json.suggestedFilename()).toBe('persistence-diagrams.json');
  const rows = (
    JSON.parse((await bytesOf(json)).toString()) as {
      first: [number, number, number | null][][];
    }
  ).first[0];
  for (const dimension of [0, 1] as const) {
    const ours = rows.filter((r) => r[0] === dimension).map((r) => r[2] ?? Infinity);
    const theirs = GUDHI.diagram[dimension].map((r) => r[1] ?? Infinity);
    ours.sort((a, b) => a - b);
    theirs.sort((a, b) => a - b);
    expect(ours.length).toBe(theirs.length);
    ours.forEach((death, k) => expect(death).toBeCloseTo(theirs[k], 6));
  }

  await select(editor, 'diagram');
  const plot = inspector.getByTestId('plot-view');
  await expect(plot.locator('svg')).toBeVisible();
  await plot.locator('circle').last().hover({ force: true });
  await expect(inspector.getByTestId('plot-readout')).toContainText(/H[01]: born [\d.]+, /);

  await inspector.getByRole('button', { name: 'Zoom into the plot' }).click();
  await expect(inspector.getByTestId('plot-zoom')).toHaveText('150%');
  const viewBox = await plot.locator('svg').getAttribute('viewBox');
  expect(Number(viewBox?.split(' ')[2])).toBeCloseTo(560 / 1.5, 3);

  const svg = await saved(page, () =>
    inspector.getByRole('button', { name: 'Export plot as SVG' }).click()
  );
  expect(svg.suggestedFilename()).toBe('diagram-plot.svg');
  const svgText = (await bytesOf(svg)).toString();
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Persistence diagram of the point cloud');

  const png = await bytesOf(
    await saved(page, () => inspector.getByRole('button', { name: 'Export plot as PNG' }).click())
  );
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([960, 680]);

  await inspector.getByRole('button', { name: 'Full size…' }).click();
  const dialog = page.getByTestId('plot-dialog');
  await expect(dialog).toBeVisible();
  const box = await dialog.getByTestId('plot-view').boundingBox();
  expect(box!.width).toBeGreaterThan(800);
  await dialog.getByTestId('plot-view').hover();
  await page.mouse.wheel(0, -300);
  await expect(dialog.getByTestId('plot-zoom')).not.toHaveText('100%');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the inspector shows a failed node’s message in full', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const graph = JSON.parse(readFileSync('graphs/persistence-of-points.json', 'utf8'));
  graph.nodes[0].params.file = 'missing-points.csv';
  await editor.dropFile('broken.json', JSON.stringify(graph));
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(graph.title);
  await editor.dismissProblems();

  await page.getByTestId('run-button').click();
  await expect(editor.node('points')).toHaveAttribute('data-status', 'failed');
  await select(editor, 'points');
  const error = page.getByTestId('inspector-error');
  await expect(error).toContainText('missing-points.csv');
  const onNode = await editor.node('points').getByTestId('node-status').textContent();
  expect(onNode).toBe('failed');
  expect((await error.textContent())!.length).toBeGreaterThan(40);
});
