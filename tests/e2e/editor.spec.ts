import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';
import { E2E_LIMIT, readReference } from './reference-run';

const EXAMPLE_NODES = [
  'correlation',
  'embed',
  'persistence',
  'scatter',
  'stsb',
  'takens',
  'wasserstein'
];

test('opens with the example graph ready to run', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  expect(await editor.nodeIds()).toEqual(EXAMPLE_NODES);
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(
    'Takens + persistence on STS-B'
  );
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await expect(editor.node('stsb')).toHaveAttribute('data-status', 'idle');
});

test('runs the example in the worker and matches the headless engine', async ({ page }) => {
  const reference = readReference();
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', String(E2E_LIMIT));

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('stop-button')).toBeEnabled();
  await expect(page.getByTestId('pearson')).toBeVisible({ timeout: 180_000 });

  const pearson = Number(await page.getByTestId('pearson').getAttribute('data-value'));
  const spearman = Number(await page.getByTestId('spearman').getAttribute('data-value'));
  const backend = (await page.getByTestId('run-status').getAttribute('data-backend')) ?? '';
  const compared = [
    `pearson ${pearson} vs ${reference.pearson}`,
    `spearman ${spearman} vs ${reference.spearman}`
  ];
  test.info().annotations.push({ type: backend, description: compared.join(', ') });
  // The worker runs on WASM by default, as the CLI does, so the numbers agree to rounding.
  expect(backend).toBe('wasm');
  expect(pearson).toBeCloseTo(reference.pearson, 6);
  expect(spearman).toBeCloseTo(reference.spearman, 6);
  await expect(page.getByTestId('count')).toHaveText(String(reference.count));

  await expect(page.getByTestId('scatter-plot')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done');
  for (const id of EXAMPLE_NODES) {
    await expect(editor.node(id)).toHaveAttribute('data-status', /^(done|cached)$/);
  }
  await expect(page.getByTestId('run-log')).toContainText('backend');
});

test('saves the graph and opens the saved file again unchanged', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', String(E2E_LIMIT));

  const saving = page.waitForEvent('download');
  await page.getByTestId('save-button').click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('takens-persistence-on-sts-b.kumiki.json');
  const savedPath = await download.path();
  const saved = readFileSync(savedPath, 'utf-8');
  const doc = JSON.parse(saved);
  expect(doc.nodes.find((n: { id: string }) => n.id === 'stsb').params.limit).toBe(E2E_LIMIT);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(editor.nodes()).toHaveCount(0);

  await page.getByTestId('open-input').setInputFiles(savedPath);
  await expect(editor.nodes()).toHaveCount(EXAMPLE_NODES.length);
  await expect(editor.param('stsb', 'limit')).toHaveValue(String(E2E_LIMIT));

  const again = page.waitForEvent('download');
  await page.getByTestId('save-button').click();
  expect(readFileSync(await (await again).path(), 'utf-8')).toBe(saved);
});

test('a share link gives a visitor the same graph', async ({ page, browser }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', String(E2E_LIMIT));
  await page.getByTestId('share-button').click();
  await expect(page).toHaveURL(/#g=/);
  const link = page.url();

  const visitorContext = await browser.newContext();
  const visitor = new EditorPage(await visitorContext.newPage());
  await visitor.open(link);
  expect(await visitor.nodeIds()).toEqual(EXAMPLE_NODES);
  await expect(visitor.param('stsb', 'limit')).toHaveValue(String(E2E_LIMIT));
  await visitorContext.close();
});

test('a malformed file shows its problem and keeps the graph', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', '7');

  await editor.dropFile('broken.json', '{ "format": "kumiki-graph", "nodes": [ ');
  const problems = page.getByTestId('problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('broken.json');
  await expect(problems.getByTestId('problem')).toHaveAttribute('data-code', 'E_JSON');

  expect(await editor.nodeIds()).toEqual(EXAMPLE_NODES);
  await expect(editor.param('stsb', 'limit')).toHaveValue('7');
  await page.getByRole('button', { name: 'Dismiss problems' }).click();
  await expect(problems).toHaveCount(0);
});

test('wiring sockets of different types is refused with a reason', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const edges = page.locator('[data-testid="canvas"] svg[data-testid="connection"]');
  const before = await edges.count();

  // Both nodes are in the first view; the refused edge must not replace embed → takens.
  await editor.wire(
    editor.socket('stsb', 'output', 'pairs'),
    editor.socket('takens', 'input', 'vectors')
  );

  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('cannot feed an input of type "vector-pairs"');
  await expect(edges).toHaveCount(before);

  // The notice closes with its ×, drawn in the notice's own colour so it shows in either theme.
  const close = notice.getByRole('button', { name: 'Dismiss message' });
  await expect(close).toBeVisible();
  const [closeColour, noticeColour] = await Promise.all([
    close.evaluate((el) => getComputedStyle(el).color),
    notice.evaluate((el) => getComputedStyle(el).color)
  ]);
  expect(closeColour).toBe(noticeColour);
  await close.click();
  await expect(notice).toHaveCount(0);
});

test('the palette finds a node by its description and adds it; undo takes it back', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();

  await page.getByTestId('palette-search').fill('vietoris');
  const items = page.getByTestId('palette-item');
  await expect(items).toHaveCount(1);
  await items.first().click();
  await expect(editor.nodes()).toHaveCount(EXAMPLE_NODES.length + 1);
  await expect(editor.node('persistence2')).toHaveAttribute('data-status', 'idle');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editor.nodes()).toHaveCount(EXAMPLE_NODES.length);
});

test('the draft survives a reload', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', '5');
  await page.getByRole('textbox', { name: 'Graph title' }).fill('My draft');
  await page.getByRole('textbox', { name: 'Graph title' }).press('Enter');
  await page.waitForTimeout(500);

  await page.reload();
  await expect(editor.node('stsb')).toBeVisible();
  await expect(editor.param('stsb', 'limit')).toHaveValue('5');
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue('My draft');
  await expect(page.getByTestId('notice')).toContainText('Restored your draft');
});

test('Stop ends a run and marks the unfinished nodes', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.setParam('stsb', 'limit', '200');

  await page.keyboard.press('Control+Enter');
  await expect(editor.node('embed')).toHaveAttribute('data-status', 'running');
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'cancelled');
  await expect(editor.node('correlation')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('run-button')).toBeEnabled();
});

test('Arrange lays the graph out with ELK and keeps every edge', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const edges = page.locator('[data-testid="canvas"] svg[data-testid="connection"]');
  const before = await edges.count();
  const scatter = await editor.node('scatter').boundingBox();

  await page.getByRole('button', { name: 'Arrange' }).click();
  await expect
    .poll(async () => JSON.stringify(await editor.node('scatter').boundingBox()))
    .not.toBe(JSON.stringify(scatter));
  await expect(edges).toHaveCount(before);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
