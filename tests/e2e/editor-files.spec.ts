import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { GRAPH_KEYWORD, readText } from '../../src/lib/editor/png-text';
import { EditorPage } from './editor-page';

/** Drops a binary file onto the canvas, as dragging it from the desktop does. */
async function dropBytes(page: Page, name: string, bytes: Buffer, type: string) {
  const transfer = await page.evaluateHandle(
    ([fileName, data, mime]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: mime }));
      return transfer;
    },
    [name, [...bytes], type] as const
  );
  const stage = page.getByRole('region', { name: 'Graph canvas' });
  await stage.dispatchEvent('dragover', { dataTransfer: transfer });
  await stage.dispatchEvent('drop', { dataTransfer: transfer });
}

test('the examples browser lists every graph in graphs/ and opens one', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByRole('button', { name: 'Browse examples' }).click();
  const browser = page.getByTestId('examples');
  await expect(browser).toBeVisible();
  const files = readdirSync('graphs').filter((f) => f.endsWith('.json'));
  await expect(browser.getByTestId('example-card')).toHaveCount(files.length);

  const pendulum = JSON.parse(readFileSync('graphs/double-pendulum-trajectories.json', 'utf8'));
  await browser
    .getByRole('searchbox', { name: 'Search examples' })
    .fill('double-pendulum-trajectories');
  await expect(browser.getByTestId('example-card')).toHaveCount(1);
  await expect(browser.getByTestId('example-card')).toContainText(`${pendulum.nodes.length} nodes`);
  await browser.getByRole('button', { name: `Open ${pendulum.title}` }).click();
  await expect(browser).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(pendulum.title);
  expect(await editor.nodeIds()).toEqual(pendulum.nodes.map((n: { id: string }) => n.id).sort());
});

test('a PNG of the canvas carries the graph, and dropping it opens the graph', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('Persistence of a point cloud');
  await editor.setParam('persistence', 'threshold', '1.5');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('picture-button').click()
  ]);
  expect(download.suggestedFilename()).toBe('persistence-of-a-point-cloud.kumiki.png');
  const png = readFileSync((await download.path())!);
  writeFileSync(`${test.info().outputDir}-picture.png`, png);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const inside = JSON.parse(readText(new Uint8Array(png), GRAPH_KEYWORD)!);
  expect(inside.title).toBe('Persistence of a point cloud');
  const persistence = inside.nodes.find((n: { id: string }) => n.id === 'persistence');
  expect(persistence.params.threshold).toBe(1.5);

  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('button', { name: /Discard/ }).click();
  await expect(editor.nodes()).toHaveCount(0);
  await dropBytes(page, 'picture.png', png, 'image/png');
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(
    'Persistence of a point cloud'
  );
  await expect(editor.nodes()).toHaveCount(4);
  await expect(editor.param('persistence', 'threshold')).toHaveValue('1.5');

  // A PNG without a graph is refused with a sentence that says why.
  const plain = readFileSync('tests/fixtures/editor/base.png');
  await dropBytes(page, 'holiday.png', plain, 'image/png');
  await expect(page.getByTestId('notice')).toContainText('carries no Kumiki graph');
  await expect(editor.nodes()).toHaveCount(4);
});
