import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';

test('the sweep example keeps its sweep through Save', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const select = page.getByRole('combobox', { name: 'Open an example' });
  const option = select.locator('option', { hasText: 'sweep over lag and stride' });
  await select.selectOption(await option.getAttribute('value'));
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(/sweep over lag/);

  const saving = page.waitForEvent('download');
  await page.getByTestId('save-button').click();
  const saved = JSON.parse(readFileSync(await (await saving).path(), 'utf-8'));
  const original = JSON.parse(readFileSync('graphs/takens-stsb-sweep.json', 'utf-8'));
  expect(saved.sweep).toEqual(original.sweep);
  expect(saved.description).toBe(original.description);
});
