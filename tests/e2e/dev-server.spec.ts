import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';
import { E2E_LIMIT, readReference } from './reference-run';

/** The README's first command starts the dev server; the example must run there too. */
const DEV_URL = 'http://127.0.0.1:5174/';

test('the example runs on the development server as on the built app', async ({ page }) => {
  const reference = readReference();
  const editor = new EditorPage(page);
  await editor.open(DEV_URL);
  await editor.setParam('stsb', 'limit', String(E2E_LIMIT));

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('pearson')).toBeVisible({ timeout: 180_000 });
  const pearson = Number(await page.getByTestId('pearson').getAttribute('data-value'));
  expect(pearson).toBeCloseTo(reference.pearson, 6);
});
