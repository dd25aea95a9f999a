import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';
import { E2E_SWEEP, runSweepReference, type SweepReference } from './sweep-reference';

let reference: SweepReference;

test.beforeAll(() => {
  reference = runSweepReference();
});

test('a sweep run in the editor gives the table and heatmaps of `kumiki sweep`', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('sweep over lag and stride');
  await editor.setParam('stsb', 'limit', String(E2E_SWEEP.limit));

  const panel = page.getByTestId('sweep-panel');
  await expect(panel.getByRole('combobox', { name: 'Axis 1 param' })).toHaveValue('takens.lag');
  await expect(panel.getByRole('combobox', { name: 'Axis 2 param' })).toHaveValue('takens.stride');
  await expect(panel.getByRole('combobox', { name: 'Sweep target' })).toHaveValue(
    'correlation.correlation'
  );
  await fillValues(page, 'Axis 1 values', E2E_SWEEP.lag.join(', '));
  await fillValues(page, 'Axis 2 values', E2E_SWEEP.stride.join(', '));

  const run = page.getByTestId('sweep-run');
  await expect(run).toHaveText('Run sweep (4 cells)');
  await run.click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 180_000
  });
  await expect(page.getByTestId('sweep-status')).toContainText('4 cells');

  const rows = page.getByTestId('sweep-row');
  await expect(rows).toHaveCount(reference.cells.length);
  for (const cell of reference.cells) {
    const row = page.locator(`[data-testid="sweep-row"][data-index="${cell.index}"]`);
    for (const [a, value] of cell.values.entries()) {
      await expect(row.locator(`td[data-axis="${a}"]`)).toHaveAttribute(
        'data-value',
        String(value)
      );
    }
    for (const [field, value] of Object.entries(cell.fields)) {
      const shown = Number(
        await row.locator(`td[data-field="${field}"]`).getAttribute('data-value')
      );
      expect(shown, `cell ${cell.index} ${field}`).toBeCloseTo(value, 6);
    }
  }

  const heatmaps = page.getByTestId('sweep-heatmap');
  const fields = reference.fields.filter((f) => f !== 'count');
  await expect(heatmaps).toHaveCount(fields.length);
  for (const field of fields) {
    await expect(
      page.locator(`[data-testid="sweep-heatmap"][data-field="${field}"]`)
    ).toBeVisible();
  }

  const downloading = page.waitForEvent('download');
  await page.getByTestId('sweep-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.sweep\.csv$/);
  const csv = readFileSync(await download.path(), 'utf-8')
    .trim()
    .split('\n');
  expect(csv[0]).toMatch(/^takens\.lag,takens\.stride,pearson,spearman/);
  expect(csv).toHaveLength(reference.cells.length + 1);
});

test('Stop ends a sweep and keeps the cells that finished', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('sweep over lag and stride');
  await editor.setParam('stsb', 'limit', String(E2E_SWEEP.limit));
  // Stride 8 makes a quick first cell; stride 1 (510 points per cloud) a slow second one.
  await fillValues(page, 'Axis 2 values', '8, 1');

  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('sweep-row')).toHaveCount(1, { timeout: 120_000 });
  await expect(page.getByTestId('sweep-status')).toContainText('cell 2 of 10');
  await page.getByTestId('stop-button').click();

  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveAttribute('data-phase', 'cancelled');
  await expect(status).toContainText('Stopped after 1 of 10 cells');
  await expect(page.getByTestId('sweep-row')).toHaveCount(1);
  await expect(page.getByTestId('run-button')).toBeEnabled();
});

test('a sweep can be added, its values are checked, and undo and Save keep up', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const panel = page.getByTestId('sweep-panel');

  await panel.getByRole('button', { name: 'Add a sweep' }).click();
  const param = panel.getByRole('combobox', { name: 'Axis 1 param' });
  await param.selectOption('takens.lag');
  await expect(param).toHaveValue('takens.lag');

  await fillValues(page, 'Axis 1 values', '0, 2');
  await expect(panel.getByRole('alert')).toContainText('must be at least 1');
  await fillValues(page, 'Axis 1 values', '1, 2, 4');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Add a second axis' }).click();
  await expect(panel.getByRole('combobox', { name: 'Axis 2 param' })).toHaveValue(/^takens\./);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('combobox', { name: 'Axis 2 param' })).toHaveCount(0);

  const saving = page.waitForEvent('download');
  await page.getByTestId('save-button').click();
  const saved = JSON.parse(readFileSync(await (await saving).path(), 'utf-8'));
  expect(saved.sweep.axes).toEqual([{ node: 'takens', param: 'lag', values: [1, 2, 4] }]);
  expect(saved.sweep.target).toEqual({ node: 'correlation', output: 'correlation' });

  await panel.getByRole('button', { name: 'Remove sweep' }).click();
  await expect(panel.getByRole('button', { name: 'Add a sweep' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('textbox', { name: 'Axis 1 values' })).toHaveValue('1, 2, 4');
});

async function fillValues(page: import('@playwright/test').Page, name: string, text: string) {
  const input = page.getByRole('textbox', { name });
  await input.fill(text);
  await input.press('Enter');
}
