import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';

const TITLE = 'DDPM on two moons';

/** The mean a node's preview shows for its numbers output, such as a distance. */
async function previewMean(editor: EditorPage, id: string): Promise<number> {
  const text = await editor.node(id).getByTestId('node-preview').innerText();
  const match = /mean\s+(-?[\d.]+(?:e[-+]?\d+)?)/i.exec(text);
  if (!match) throw new Error(`No mean in the preview of ${id}: ${text}`);
  return Number(match[1]);
}

test('trains and samples the two-moons example, small, and shows the distance', async ({
  page
}) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample(TITLE);
  await editor.dismissProblems();

  // 1500 Adam steps instead of 10 000, so the run takes seconds on the wasm backend.
  await editor.setParam('train', 'steps', '1500');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 60_000
  });

  for (const id of ['moons', 'schedule', 'train', 'sampler', 'distance', 'samples-plot']) {
    await expect(editor.node(id)).toHaveAttribute('data-status', /^(done|cached)$/);
  }
  // The schedule node has two plot outputs; the results panel once keyed plots by node and
  // threw, which left every preview of the run undrawn.
  expect(errors).toEqual([]);
  await expect(editor.node('train').getByTestId('node-preview').locator('img')).toHaveAttribute(
    'alt',
    /Training loss/
  );
  // The energy distance of 2000 samples to the data: positive, and well below that of
  // N(0, I) samples (0.4 or more for this data, tests/graphs/diffusion-two-moons.test.ts).
  const distance = await previewMean(editor, 'distance');
  expect(distance).toBeGreaterThan(0);
  expect(distance).toBeLessThan(0.3);
  await page.screenshot({ path: '/tmp/kumiki/breaker/diffusion-editor.png' });
});

test('Stop marks a long training run cancelled within two seconds', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample(TITLE);
  await editor.dismissProblems();
  await editor.setParam('train', 'steps', '1000000');

  await page.getByTestId('run-button').click();
  await expect(editor.node('train')).toHaveAttribute('data-status', 'running', {
    timeout: 30_000
  });
  await expect(editor.node('train').getByRole('progressbar')).toBeVisible();
  await page.waitForTimeout(1500);
  await page.getByTestId('stop-button').click();
  await expect(editor.node('train')).toHaveAttribute('data-status', 'cancelled', {
    timeout: 2_000
  });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'cancelled');
  await expect(editor.node('sampler')).toHaveAttribute('data-status', 'cancelled');
  await page.screenshot({ path: '/tmp/kumiki/breaker/diffusion-cancelled.png' });
});
