import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';
import { E2E_LIMIT } from './reference-run';

const UPSTREAM = ['stsb', 'embed'];
const DOWNSTREAM = ['takens', 'persistence', 'wasserstein', 'correlation', 'scatter'];

/** Selects a node by clicking its title, as a person does. */
async function select(editor: EditorPage, id: string) {
  await editor.node(id).locator('.title').click();
  await expect(editor.page.getByTestId('inspector')).toContainText(id);
}

test('Run to selected runs the node and its upstream only; Run all then takes them from the cache', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', String(E2E_LIMIT));

  await expect(page.getByTestId('run-selected-button')).toBeDisabled();
  await select(editor, 'embed');
  await page.getByTestId('run-selected-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 60_000
  });
  for (const id of UPSTREAM) await expect(editor.node(id)).toHaveAttribute('data-status', 'done');
  for (const id of DOWNSTREAM) {
    await expect(editor.node(id)).toHaveAttribute('data-status', 'idle');
    await expect(editor.node(id).locator('.time')).toHaveCount(0);
  }
  await expect(page.getByTestId('run-log')).toContainText('up to embed');
  await expect(editor.node('embed').locator('.time')).toHaveText(/^last run \d/);

  // Run all: what already ran comes from the cache, with its earlier time kept and marked.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 60_000
  });
  for (const id of UPSTREAM) {
    await expect(editor.node(id)).toHaveAttribute('data-status', 'cached');
    await expect(editor.node(id).getByTestId('node-status')).toHaveText('cached');
    await expect(editor.node(id).locator('.time')).toHaveText(/^last run .+ \(cached\)$/);
  }
  for (const id of DOWNSTREAM) {
    await expect(editor.node(id)).toHaveAttribute('data-status', 'done');
    await expect(editor.node(id).locator('.time')).toHaveText(/^last run \d[^(]*$/);
  }

  // Each time in the log keeps its value and its unit on one line, also past 100 s.
  const times = page.getByTestId('run-log').locator('.at');
  const lines = await times.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
    })
  );
  expect(lines.length).toBeGreaterThan(0);
  expect(lines).toEqual(lines.map(() => 1));
  const long = await times.last().evaluate((el) => {
    el.textContent = '126.4 s';
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
  });
  expect(long).toBe(1);
});

test('Run while a run is going is refused with a notice, and Stop ends the run', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', '200');

  await page.keyboard.press('Control+Enter');
  await expect(editor.node('embed')).toHaveAttribute('data-status', 'running');
  const run = page.getByTestId('run-button');
  await expect(run).toBeDisabled();
  await expect(run).toHaveAttribute('title', /runs are not queued/);

  // The keyboard still reaches Run; the page says why nothing new starts.
  await page
    .locator('body')
    .click({ position: { x: 2, y: 2 } })
    .catch(() => undefined);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('notice')).toContainText('A run is already going');
  await expect(editor.node('embed')).toHaveAttribute('data-status', 'running');

  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'cancelled');
  await expect(editor.node('correlation')).toHaveAttribute('data-status', 'cancelled');
  await expect(run).toBeEnabled();
  await expect(run).toHaveAttribute('title', /Ctrl\+Enter/);
});
